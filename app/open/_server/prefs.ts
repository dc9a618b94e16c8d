/** The visitor's reading preferences for this request, and the text converter they imply. */
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { convertStrings, toTraditional } from "@/lib/hant";
import { originFromHeaders } from "@/lib/site-origin";
import { CARE_COOKIE, LANG_COOKIE, parsePrefs, type PublicPrefs } from "@/lib/public-prefs";

export type Reading = PublicPrefs & {
  /** UI text and data as the visitor reads them: converted to Traditional Chinese under 繁體版. */
  t: (text: string) => string;
  /** The same for every string of a value (a letter, a list row). */
  tx: <T>(value: T) => T;
  lang: "zh-Hans" | "zh-Hant";
};

const same = (text: string) => text;

export const reading = cache(async (): Promise<Reading> => {
  const jar = await cookies();
  const prefs = parsePrefs({ lang: jar.get(LANG_COOKIE)?.value, care: jar.get(CARE_COOKIE)?.value });
  const t = prefs.traditional ? toTraditional : same;
  return { ...prefs, t, tx: (value) => convertStrings(value, t), lang: prefs.traditional ? "zh-Hant" : "zh-Hans" };
});

/** The site's own origin as the visitor reached it, for absolute links (QR code, feed, sitemap). */
export async function siteOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}
