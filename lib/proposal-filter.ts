/**
 * The filters of the staff list (全部提案) as they travel in the query string, read by the list and by its
 * export (导出台账) alike, so that the export holds exactly the rows the list selects. A value that is
 * malformed is dropped (or put right: from after to is swapped, full-width digits are read) rather than
 * refused: a shared or edited link always opens a list. Pure.
 */
import { z } from "zod";
import { PROPOSAL_STATES, SESSION_KINDS } from "./domain";
import { MAX_OVERDUE_DAYS, MAX_PAGE, MAX_SEARCH_LENGTH } from "./proposal-filter-limits";
import { calendarDay } from "./validation/common";

export { MAX_OVERDUE_DAYS, MAX_PAGE, MAX_SEARCH_LENGTH };

const MAX_ID = 2_147_483_647;

// Control characters, bidi overrides and isolates, and lone surrogates: never part of a search.
const UNPRINTABLE =
  /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The first of a repeated parameter (?q=a&q=b arrives as an array); an empty one (a form's 全部) is absent. */
function single(value: unknown): unknown {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== "string") return v;
  return v.trim() === "" ? undefined : v;
}

/** A parameter that is dropped, not refused, when it does not fit `schema`. */
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(single, schema.optional()).catch(undefined);

/** A whole number from 1 to `max`, full-width digits and surrounding spaces allowed. */
const positive = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFKC").trim())
    .pipe(z.string().regex(/^\d{1,10}$/))
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

const searchText = z
  .string()
  .transform((s) => Array.from(s.replace(UNPRINTABLE, " ").replace(/\s+/g, " ").trim()).slice(0, MAX_SEARCH_LENGTH).join("").trim())
  .pipe(z.string().min(1));

const fields = z.object({
  /** 届次会议 (session id) */
  session: lenient(positive(MAX_ID)),
  /** 提案 (CPPCC) or 建议 (NPC) */
  kind: lenient(z.enum(SESSION_KINDS)),
  status: lenient(z.enum(PROPOSAL_STATES)),
  /** 主办单位 and 协办单位 (unit ids) */
  lead: lenient(positive(MAX_ID)),
  co: lenient(positive(MAX_ID)),
  /** 主题分类 (category id) */
  category: lenient(positive(MAX_ID)),
  /** 重点提案 only */
  key: lenient(z.enum(["1", "on", "true"]).transform(() => true as const)),
  /** The reply overdue by at least this many days (lib/overdue.ts). */
  overdue: lenient(positive(MAX_OVERDUE_DAYS)),
  /** 收到日期 (the day registered) from and to, both included. */
  from: lenient(calendarDay),
  to: lenient(calendarDay),
  /** Words looked for in the number, title, body, proposer and co-signers, and units. */
  q: lenient(searchText),
  page: lenient(positive(MAX_PAGE)),
});

/** The filters as a list and its export apply them; absent means not filtered by it. */
export type ProposalFilter = Omit<z.output<typeof fields>, "page">;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** Reads the filters and the page from a query string (a page's searchParams or a request's URL). */
export function parseProposalQuery(params: Params): { filter: ProposalFilter; page: number } {
  const record =
    params instanceof URLSearchParams
      ? Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.get(k) ?? undefined]))
      : params;
  const { page, ...filter } = fields.parse(record);
  if (filter.from && filter.to && filter.from > filter.to) [filter.from, filter.to] = [filter.to, filter.from];
  // Drop the keys of absent filters, so that two equal filters compare (and print) alike.
  const present = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as ProposalFilter;
  return { filter: present, page: page ?? 1 };
}

/** The order the parameters are written in. */
const ORDER = [
  "session",
  "kind",
  "status",
  "lead",
  "co",
  "category",
  "key",
  "overdue",
  "from",
  "to",
  "q",
] as const satisfies readonly (keyof ProposalFilter)[];

/** The query string of the filters (and of the page, after the first), without `?`; empty for the whole list. */
export function proposalQueryString(filter: ProposalFilter, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filter[key];
    if (value !== undefined) params.set(key, value === true ? "1" : String(value));
  }
  if (page > 1) params.set("page", String(page));
  return params.toString();
}

/** Whether any filter is set. */
export function isFiltered(filter: ProposalFilter): boolean {
  return ORDER.some((key) => filter[key] !== undefined);
}
