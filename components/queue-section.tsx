import { useId } from "react";
import { Link } from "@/components/link";

/**
 * One block of the home page: a heading with a count, and a table or an "all done" line. When the
 * table shows only the most urgent items (`shown` < `count`), it says so and where the rest are.
 */
export function QueueSection({
  title,
  count,
  shown = count,
  empty,
  children,
}: {
  title: string;
  count: number;
  shown?: number;
  empty: string;
  children: React.ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mb-6">
      <h2 id={headingId} className="mb-2 flex items-center gap-2 text-base font-semibold text-slate-800">
        {title}
        <span className={`rounded-full px-2 text-xs ${count ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-600"}`}>{count}</span>
      </h2>
      {count === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-500">{empty}</p>
      ) : (
        children
      )}
      {shown < count && (
        <p className="mt-2 text-sm text-slate-600">
          共 {count} 件，此处按期限先后列出最紧急的 {shown} 件；其余请在
          <Link href="/proposals" className="underline">
            全部提案
          </Link>
          中筛选查看。
        </p>
      )}
    </section>
  );
}
