import type { Metadata } from "next";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { PUBLIC_PAGE_SIZE, publicFilterOptions, searchPublished } from "@/db/queries/public";
import { toSimplified } from "@/lib/hant";
import { parsePublicQuery, publicQueryString } from "@/lib/public-filters";
import { excerpt, highlight, searchPlan, searchTerms } from "@/lib/public-search";
import { Breadcrumb } from "../../_components/breadcrumb";
import { PublicFilters } from "../../_components/filters";
import { Marked } from "../../_components/marked";
import { Pager } from "../../_components/pager";
import { reading } from "../../_server/prefs";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await reading();
  return { title: t("全文检索") };
}

/**
 * 全文检索 over published titles and public texts. Words are searched in Simplified Chinese (the texts
 * are stored so); results are shown in the visitor's script with the matches marked.
 */
export default async function OpenSearchPage({ searchParams }: Props) {
  const { t, tx, traditional } = await reading();
  const query = parsePublicQuery(await searchParams);
  const db = getDb();
  const terms = searchTerms(toSimplified(query.q));
  const plan = searchPlan(terms);
  const result = plan ? await searchPublished(db, plan, query, query.page) : null;
  const pages = result ? Math.max(1, Math.ceil(result.total / PUBLIC_PAGE_SIZE)) : 1;
  const shownTerms = traditional ? terms.map(t) : terms;
  return (
    <>
      <Breadcrumb t={t} kind={query.kind} />
      <div className="portal-panel">
        <h1 className="portal-heading">{t("全文检索")}</h1>
        <PublicFilters action="/open/search" query={query} options={await publicFilterOptions(db)} t={t} />
        {result === null ? (
          <p className="py-6">{t("请输入要检索的关键词，多个关键词以空格分隔。")}</p>
        ) : (
          <>
            <p className="portal-count" role="status">
              {t(`找到 ${result.total} 条与“${terms.join(" ")}”相关的结果`)}
            </p>
            <ol className="portal-results">
              {result.items.map((hit) => {
                const shown = tx(hit);
                return (
                  <li key={hit.id}>
                    <h2 className="text-base font-semibold">
                      <Link href={`/open/${hit.id}`}>
                        <Marked segments={highlight(shown.title, shownTerms)} />
                      </Link>
                    </h2>
                    <p className="text-sm">
                      {t("提案标题")}：《
                      <Marked segments={highlight(shown.proposalTitle, shownTerms)} />》
                    </p>
                    <p className="portal-excerpt">
                      <Marked segments={excerpt(shown.searchText, shownTerms)} />
                    </p>
                    <p className="portal-list-meta">
                      <span>{shown.publisherName}</span>
                      <time dateTime={hit.publishedOn}>{hit.publishedOn}</time>
                    </p>
                  </li>
                );
              })}
            </ol>
            <Pager page={query.page} pages={pages} t={t} href={(p) => `/open/search${publicQueryString(query, p)}`} />
          </>
        )}
      </div>
    </>
  );
}
