import type { Metadata } from "next";
import { headers } from "next/headers";
import { Link } from "@/components/link";
import { READER_SCRIPT } from "@/lib/public-prefs";
import { PortalTools } from "../_components/portal-tools";
import { reading } from "../_server/prefs";
import "../public.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await reading();
  return { title: { default: t("政府信息公开"), template: `%s - ${t("重庆高新区政府信息公开")}` } };
}

/** The public open-information site: a government portal's header, tools, search box and footer. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const r = await reading();
  const { t } = r;
  return (
    <div lang={r.lang} className={`portal ${r.care ? "care" : ""}`}>
      <a href="#main" className="skip-link">
        {t("跳到正文")}
      </a>
      <header className="portal-header">
        <div className="portal-strip">
          <div className="portal-width flex flex-wrap items-center justify-between gap-2">
            <nav aria-label={t("相关网站")} className="flex gap-4">
              <a href="https://www.gov.cn/">{t("中国政府网")}</a>
              <a href="https://www.cq.gov.cn/">{t("重庆市人民政府网")}</a>
            </nav>
            <PortalTools reading={r} />
          </div>
        </div>
        <div className="portal-banner">
          <div className="portal-width flex flex-wrap items-end justify-between gap-4 py-6">
            <Link href="/open" className="portal-title">
              <span className="block text-3xl font-bold tracking-widest">{t("重庆高新区管理委员会")}</span>
              <span className="mt-1 block text-lg tracking-[0.3em]">{t("政府信息公开")}</span>
            </Link>
            <div className="portal-search">
              <form action="/open/search" method="get" role="search" aria-label={t("站内搜索")} className="flex">
                <label htmlFor="portal-q" className="sr-only">
                  {t("搜索建议提案答复")}
                </label>
                <input id="portal-q" name="q" type="search" placeholder={t("请输入关键词")} className="portal-search-input" />
                <button type="submit" className="portal-search-button">
                  {t("搜索")}
                </button>
              </form>
            </div>
          </div>
        </div>
        <nav aria-label={t("栏目导航")} className="portal-nav">
          <ul className="portal-width flex flex-wrap">
            <li>
              <Link href="/open">{t("政府信息公开目录")}</Link>
            </li>
            <li>
              <Link href="/open?kind=proposal">{t("政协委员提案办理")}</Link>
            </li>
            <li>
              <Link href="/open?kind=suggestion">{t("人大代表建议办理")}</Link>
            </li>
            <li>
              <Link href="/open/search">{t("全文检索")}</Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="portal-width portal-main">
        {children}
      </main>
      <footer className="portal-footer">
        <div className="portal-width space-y-1 py-6 text-center text-sm">
          <p>{t("主办：重庆高新区管理委员会办公室")}</p>
          <p>
            <Link href="/open/accessibility">{t("无障碍说明")}</Link>
            {" · "}
            <Link href="/open/verify">{t("答复函真伪核验")}</Link>
            {" · "}
            <a href="/open/feed.xml">{t("订阅（RSS）")}</a>
            {" · "}
            <a href="/open/data.json">{t("开放数据（JSON）")}</a>
          </p>
        </div>
      </footer>
      <script src={READER_SCRIPT} defer nonce={(await headers()).get("x-nonce") ?? undefined} />
    </div>
  );
}
