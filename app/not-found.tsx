import { Link } from "@/components/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-20 text-center">
      <p className="text-5xl font-bold text-slate-400">404</p>
      <h1 className="mt-4 text-xl font-semibold">页面不存在</h1>
      <p className="mt-2 text-slate-600">您访问的页面不存在或已被移除。</p>
      <Link href="/" className="btn btn-secondary mt-6">
        返回首页
      </Link>
    </main>
  );
}
