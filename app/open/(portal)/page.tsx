import type { Metadata } from "next";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { listPublished, PUBLIC_PAGE_SIZE, publicFilterOptions } from "@/db/queries/public";
import { parsePublicQuery, publicQueryString } from "@/lib/public-filters";
import { Breadcrumb, KIND_COLUMNS } from "../_components/breadcrumb";
import { PublicFilters } from "../_components/filters";
import { Pager } from "../_components/pager";
import { reading } from "../_server/prefs";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await reading();
  const { kind } = parsePublicQuery(await searchParams);
  return { title: t(kind ? KIND_COLUMNS[kind] : "建议提案办理"), alternates: { types: { "application/rss+xml": "/open/feed.xml" } } };
}

/** The catalogue of published replies, newest first. */
export default async function OpenListPage({ searchParams }: Props) {
  const { t, tx } = await reading();
  const query = parsePublicQuery(await searchParams);
  const db = getDb();
  const { items, total } = await listPublished(db, query, query.page);
  const pages = Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE));
  const heading = query.kind ? KIND_COLUMNS[query.kind] : "建议提案办理";
  return (
    <>
      <Breadcrumb t={t} kind={query.kind} />
      <div className="portal-panel">
        <h1 className="portal-heading">{t(heading)}</h1>
        <PublicFilters action="/open" query={query} options={await publicFilterOptions(db)} t={t} />
        <p className="portal-count" role="status">
          {t(`共 ${total} 条`)}
        </p>
        {items.length === 0 ? (
          <p className="py-8 text-center">{t("暂无公开信息")}</p>
        ) : (
          <ul className="portal-list">
            {tx(items).map((item) => (
              <li key={item.id}>
                <Link href={`/open/${item.id}`}>{item.title}</Link>
                <span className="portal-list-meta">
                  <span>
                    {t("索引号")}：{item.indexNumber}
                  </span>
                  <span>{item.publisherName}</span>
                  <time dateTime={item.publishedOn}>{item.publishedOn}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
        <Pager page={query.page} pages={pages} t={t} href={(p) => `/open${publicQueryString(query, p)}`} />
      </div>
    </>
  );
}
