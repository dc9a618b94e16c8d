/** sitemap.xml: the public site's pages and every published reply, nothing else. */
import type { MetadataRoute } from "next";
import { getDb } from "@/db/client";
import { latestPublished } from "@/db/queries/public";
import { siteOrigin } from "./open/_server/prefs";

export const dynamic = "force-dynamic";

const MAX_URLS = 50_000;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await siteOrigin();
  const items = await latestPublished(getDb(), MAX_URLS - 2);
  return [
    { url: `${origin}/open`, changeFrequency: "daily" },
    { url: `${origin}/open/search`, changeFrequency: "monthly" },
    ...items.map((item) => ({ url: `${origin}/open/${item.id}`, lastModified: item.publishedOn, changeFrequency: "yearly" as const })),
  ];
}
