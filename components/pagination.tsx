import { Link } from "@/components/link";

/** 上一页 / 第 N / M 页 / 下一页 under a list; nothing when everything fits on one page. */
export function Pagination({
  page,
  pages,
  href,
  label = "分页",
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  /** The navigation's name, distinct when a page has several lists. */
  label?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className="text-brand-700 underline">
          上一页
        </Link>
      )}
      <span>
        第 {page} / {pages} 页
      </span>
      {page < pages && (
        <Link href={href(page + 1)} className="text-brand-700 underline">
          下一页
        </Link>
      )}
    </nav>
  );
}
