import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { latestPublished } from "@/db/queries/public";
import type { Reading } from "../_server/prefs";
import { Breadcrumb } from "./breadcrumb";

const LATEST = 5;

/**
 * What the public site says for a reply that is not, or no longer, published (or an address that never
 * was): in the portal's frame, with a search box, the newest published replies and the way to the list.
 */
export async function NotFoundPanel({ reading: { t, tx } }: { reading: Reading }) {
  const latest = (await latestPublished(getDb(), LATEST)).map(tx);
  return (
    <>
      <Breadcrumb t={t} />
      <div className="portal-panel">
        <h1 className="portal-heading">{t("页面不存在")}</h1>
        <p>{t("您访问的信息不存在或已撤回。可以检索已公开的建议提案答复，或从政府信息公开目录查找。")}</p>
        <form action="/open/search" method="get" role="search" aria-label={t("检索已公开的答复")} className="mt-4 flex max-w-xl">
          <label htmlFor="not-found-q" className="sr-only">
            {t("检索关键词")}
          </label>
          <input id="not-found-q" name="q" type="search" placeholder={t("请输入关键词")} className="portal-search-input" />
          <button type="submit" className="portal-search-button">
            {t("检索")}
          </button>
        </form>
        {latest.length > 0 && (
          <section aria-labelledby="not-found-latest" className="mt-6">
            <h2 id="not-found-latest" className="font-semibold">
              {t("最新公开")}
            </h2>
            <ul className="portal-list">
              {latest.map((item) => (
                <li key={item.id}>
                  <Link href={`/open/${item.id}`}>{item.title}</Link>
                  <span className="portal-list-meta">
                    <span>{item.publisherName}</span>
                    <time dateTime={item.publishedOn}>{item.publishedOn}</time>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="mt-6">
          <Link href="/open">{t("返回政府信息公开目录")}</Link>
        </p>
      </div>
    </>
  );
}
