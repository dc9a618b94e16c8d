/** RSS 2.0 of the newest published replies (published ones only; summaries only under 摘要公开). */
import { getDb } from "@/db/client";
import { latestPublished } from "@/db/queries/public";
import { siteOrigin } from "../_server/prefs";

export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** 2023-05-23 → RFC 822 date at midnight China time. */
const rfc822 = (isoDate: string) => new Date(`${isoDate}T00:00:00+08:00`).toUTCString();

export async function GET() {
  const origin = await siteOrigin();
  const items = await latestPublished(getDb(), FEED_SIZE);
  const entries = items
    .map((item) => {
      const link = `${origin}/open/${item.id}`;
      const description = `${item.publisherName} ${item.indexNumber} ${item.docNumber}${item.summary ? `。${item.summary}` : ""}`;
      return [
        "<item>",
        `<title>${escapeXml(item.title)}</title>`,
        `<link>${escapeXml(link)}</link>`,
        `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
        `<pubDate>${rfc822(item.publishedOn)}</pubDate>`,
        `<category>${escapeXml(item.topic)}</category>`,
        `<description>${escapeXml(description)}</description>`,
        "</item>",
      ].join("");
    })
    .join("\n");
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>建议提案办理 - 政府信息公开</title>
<link>${escapeXml(`${origin}/open`)}</link>
<atom:link href="${escapeXml(`${origin}/open/feed.xml`)}" rel="self" type="application/rss+xml"/>
<description>政协委员提案和人大代表建议的答复公开</description>
<language>zh-CN</language>
${entries}
</channel>
</rss>
`;
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
