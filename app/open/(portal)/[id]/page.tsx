import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReplyLetter } from "@/components/reply-letter";
import { getDb } from "@/db/client";
import { publishedById, publishedLetter, type PublicItem } from "@/db/queries/public";
import { publishedSealedScan } from "@/db/queries/reply-files";
import { replyRoundName } from "@/lib/publication";
import { Breadcrumb } from "../../_components/breadcrumb";
import { CopyLink, FontSize, PrintButton, ReadAloud } from "../../_components/reader-tools";
import { qrSvg } from "../../_server/qr";
import { reading, siteOrigin } from "../../_server/prefs";

type Props = { params: Promise<{ id: string }> };

async function load(id: string): Promise<PublicItem | null> {
  return /^\d{1,12}$/.test(id) ? await publishedById(getDb(), Number(id)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load((await params).id);
  if (!item) return {};
  const { t } = await reading();
  return { title: t(item.title) };
}

/** The metadata table in the sample's order and formats ([ 索引号 ] …, dates as 2023-05-16). */
function MetaTable({ item, t }: { item: PublicItem; t: (text: string) => string }) {
  const rows: [string, string, string, string][] = [
    ["索引号", item.indexNumber, "发文字号", item.docNumber],
    ["主题分类", item.topic, "体裁分类", item.genre],
    ["发布机构", item.publisherName, "有效性", item.validity],
    ["成文日期", item.writtenOn, "发布日期", item.publishedOn],
  ];
  return (
    <table className="portal-meta">
      <caption className="sr-only">{t("信息属性")}</caption>
      <tbody>
        {rows.map(([k1, v1, k2, v2]) => (
          <tr key={k1}>
            <th scope="row">[ {t(k1)} ]</th>
            <td>{v1}</td>
            <th scope="row">[ {t(k2)} ]</th>
            <td>{v2}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function shareTargets(url: string, title: string) {
  const u = encodeURIComponent(url);
  const tt = encodeURIComponent(title);
  return [
    { name: "新浪微博", href: `https://service.weibo.com/share/share.php?url=${u}&title=${tt}` },
    { name: "QQ空间", href: `https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=${u}&title=${tt}` },
    { name: "QQ好友", href: `https://connect.qq.com/widget/shareqq/index.html?url=${u}&title=${tt}` },
  ];
}

/** One published reply, in the shape of the page the public already knows. */
export default async function PublishedReplyPage({ params }: Props) {
  const item = await load((await params).id);
  if (!item) notFound();
  const r = await reading();
  const { t, tx } = r;
  const url = `${await siteOrigin()}/open/${item.id}`;
  const letter = await publishedLetter(getDb(), item.id);
  // The scan of the sealed letter, where the reply is published in full: that is the 原文.
  const sealed = (await publishedSealedScan(getDb(), item.id)) !== null;
  const shown = await tx(item);
  const qr = await qrSvg(url);
  return (
    <>
      <Breadcrumb t={t} kind={item.kind} />
      <div className="portal-panel">
        <MetaTable item={shown} t={t} />
        <div className="portal-toolbar" role="group" aria-label={t("阅读工具")}>
          <PrintButton label={t("打印")} />
          <span className="portal-share">
            <span>{t("分享到")}:</span>
            <CopyLink url={url} label={t("复制链接")} done={t("链接已复制")} />
            {shareTargets(url, item.title).map((s) => (
              <a key={s.name} href={s.href} rel="noopener noreferrer" target="_blank">
                {t(s.name)}
              </a>
            ))}
          </span>
          <FontSize targetId="reply-text" larger={t("放大字号")} smaller={t("缩小字号")} />
          {r.care && <ReadAloud targetId="reply-text" lang={r.lang} read={t("朗读")} stop={t("停止朗读")} />}
        </div>
        <div id="reply-text" className="portal-letter print-area">
          {item.round > 1 && <p className="portal-notice">{t(`本件为${replyRoundName(item.round)}，与此前的答复分别公开。`)}</p>}
          {letter ? (
            <ReplyLetter letter={await tx(letter)} headingLevel={1} />
          ) : (
            <article className="font-serif leading-loose">
              <h1 className="mb-6 text-center text-xl leading-relaxed font-bold">{shown.title}</h1>
              <p className="portal-notice">{t("本答复函摘要公开。")}</p>
              {(shown.summary ?? "").split(/\n+/).map((line, i) => (
                <p key={i} className="indent-[2em]">
                  {line}
                </p>
              ))}
            </article>
          )}
        </div>
        <div className="portal-downloads">
          <p>{t("文件下载")}:</p>
          <p>
            {t("原文下载")}:
            {item.mode !== "full" ? (
              t("本件摘要公开，不提供原文下载")
            ) : sealed ? (
              <a href={`/open/${item.id}/sealed.pdf`}>{t(`${item.title}（盖章件）`)}</a>
            ) : (
              <a href={`/open/${item.id}/letter.pdf`}>{shown.title}</a>
            )}
          </p>
          {item.mode === "full" && sealed && (
            <p>
              {t("文字版下载")}:<a href={`/open/${item.id}/letter.pdf`}>{shown.title}</a>
            </p>
          )}
        </div>
        <figure className="portal-qr">
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the QR code is an SVG the server drew from the page address (qrcode), not input */}
          <div role="img" aria-label={t("本页二维码")} className="portal-qr-code" dangerouslySetInnerHTML={{ __html: qr }} />
          <figcaption>{t("扫一扫在手机打开当前页")}</figcaption>
        </figure>
      </div>
    </>
  );
}
