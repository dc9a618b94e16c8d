"use client";

/** Shown instead of any unexpected error: no stack trace ever reaches the user. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-20 text-center">
      <h1 className="text-xl font-semibold">页面出错了</h1>
      <p className="mt-2 text-slate-600">系统暂时无法完成您的请求，请稍后重试；如仍失败请联系系统管理员。</p>
      <button type="button" onClick={reset} className="btn btn-secondary mt-6">
        重试
      </button>
    </main>
  );
}
