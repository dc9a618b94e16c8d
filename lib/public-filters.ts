/** The public list's and search's filters as they travel in the query string. Pure. */
import { SESSION_KINDS, type SessionKind } from "./domain";
import { positiveInt } from "./query-param";

export type PublicQuery = {
  q: string;
  year?: number;
  unitId?: number;
  topic?: string;
  kind?: SessionKind;
  page: number;
};

type Params = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/** Reads the filters; anything malformed is ignored rather than refused. */
export function parsePublicQuery(params: Params): PublicQuery {
  const kind = one(params.kind);
  const year = positiveInt(one(params.year), 9999);
  const topic = one(params.topic);
  return {
    q: one(params.q).slice(0, 100),
    year: year !== undefined && year >= 1900 ? year : undefined,
    unitId: positiveInt(one(params.unit), Number.MAX_SAFE_INTEGER),
    topic: topic && topic.length <= 50 ? topic : undefined,
    kind: (SESSION_KINDS as readonly string[]).includes(kind) ? (kind as SessionKind) : undefined,
    page: positiveInt(one(params.page), 100_000) ?? 1,
  };
}

/** The query string of the filters (and the search words), with the given page; `?` included when not empty. */
export function publicQueryString(query: PublicQuery, page = 1): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.year !== undefined) params.set("year", String(query.year));
  if (query.unitId !== undefined) params.set("unit", String(query.unitId));
  if (query.topic !== undefined) params.set("topic", query.topic);
  if (query.kind !== undefined) params.set("kind", query.kind);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
