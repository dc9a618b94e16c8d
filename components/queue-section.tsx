import { useId } from "react";
import { Pagination } from "@/components/pagination";

/** Which page of a long list is shown, and the address of each of its pages. */
export type QueuePaging = { name: string; page: number; pageSize: number; href: (page: number) => string };

/**
 * One block of the home page: a heading with a count, and a table or an "all done" line. A list longer
 * than a page shows its most urgent items first and is paged in place: the address keeps the other
 * lists' pages and returns to this block (its name is the block's anchor).
 */
export function QueueSection({
  title,
  count,
  empty,
  paging,
  children,
}: {
  title: string;
  count: number;
  empty: string;
  paging?: QueuePaging;
  children: React.ReactNode;
}) {
  const headingId = useId();
  const pages = paging ? Math.ceil(count / paging.pageSize) : 1;
  return (
    <section id={paging?.name} aria-labelledby={headingId} className="mb-6 scroll-mt-4">
      <h2 id={headingId} className="mb-2 flex items-center gap-2 text-base font-semibold text-slate-800">
        {title}
        <span className={`rounded-full px-2 text-xs ${count ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-600"}`}>{count}</span>
      </h2>
      {count === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-500">{empty}</p>
      ) : (
        children
      )}
      {paging && pages > 1 && (
        <div className="flex flex-wrap items-baseline gap-x-4 text-sm text-slate-600">
          <p className="mt-3">
            共 {count} 件，按期限先后排列，此处为第 {(paging.page - 1) * paging.pageSize + 1}–
            {Math.min(count, paging.page * paging.pageSize)} 件
          </p>
          <Pagination page={paging.page} pages={pages} href={paging.href} label={`${title}分页`} />
        </div>
      )}
    </section>
  );
}
