/** The public site's reading preferences (繁體版, 关怀版), kept in cookies across pages. Pure. */

export const LANG_COOKIE = "open-lang";
export const CARE_COOKIE = "open-care";
/** The public site's own script, which gives the reading tools their behaviour: the only script a public page keeps. */
export const READER_SCRIPT = "/open-reader.js";

export type PublicPrefs = { traditional: boolean; care: boolean };

export function parsePrefs(cookies: { lang?: string; care?: string }): PublicPrefs {
  return { traditional: cookies.lang === "hant", care: cookies.care === "1" };
}

/** Where the toggle returns to: a path of the public site only, so it cannot redirect elsewhere. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith("/open") || value.startsWith("//")) return "/open";
  if (value.length > 5 && !"/?#".includes(value[5]!)) return "/open";
  return value;
}
