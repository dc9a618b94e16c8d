/** robots.txt: the public site may be indexed; staff and member pages may not. */
import type { MetadataRoute } from "next";
import { siteOrigin } from "./open/_server/prefs";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: { userAgent: "*", allow: "/open", disallow: ["/", "/open/prefs"] },
    sitemap: `${await siteOrigin()}/sitemap.xml`,
  };
}
