import { Link } from "@/components/link";

/** The end of a list's filter form: 查询, 清除条件 (back to the unfiltered list) and the count, read out when it changes. */
export function FilterActions({ clearHref, count }: { clearHref: string; count: string }) {
  return (
    <>
      <button type="submit" className="btn btn-primary">
        查询
      </button>
      <Link href={clearHref} className="btn btn-secondary">
        清除条件
      </Link>
      <p className="ml-auto text-sm text-slate-600" aria-live="polite">
        {count}
      </p>
    </>
  );
}
