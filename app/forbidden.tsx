import { Link } from "@/components/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-20 text-center">
      <p className="text-5xl font-bold text-slate-400">403</p>
      <h1 className="mt-4 text-xl font-semibold">无权访问</h1>
      <p className="mt-2 text-slate-600">您的账户没有访问此页面的权限。如需办理，请联系交办单位或系统管理员。</p>
      <Link href="/" className="btn btn-secondary mt-6">
        返回首页
      </Link>
    </main>
  );
}
