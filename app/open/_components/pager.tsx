import { Link } from "@/components/link";

/** 上一页 / 第 N 页，共 M 页 / 下一页 under a public list. */
export function Pager({
  page,
  pages,
  href,
  t,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  t: (text: string) => string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("分页")} className="portal-pager">
      {page > 1 ? <Link href={href(1)}>{t("首页")}</Link> : null}
      {page > 1 ? <Link href={href(page - 1)}>{t("上一页")}</Link> : null}
      <span>{t(`第 ${page} 页，共 ${pages} 页`)}</span>
      {page < pages ? <Link href={href(page + 1)}>{t("下一页")}</Link> : null}
      {page < pages ? <Link href={href(pages)}>{t("尾页")}</Link> : null}
    </nav>
  );
}
