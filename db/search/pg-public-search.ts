/**
 * The public site's search on PostgreSQL: the publications whose public_search row (migration 0004: published
 * replies only, title and public text as on SQLite) holds every word of the search plan
 * (lib/public-search.ts), as SQLite's db/queries/public.ts finds them.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { SearchPlan } from "@/lib/public-search";
import { pgHoldsAll, pgLongWordTest, pgShortWordTest, type PgWordTest } from "./pg-text-match";

/**
 * The words of three characters or more of a plan, read back from its FTS5 MATCH expression (searchPlan
 * quotes each as a phrase, doubling its quotes, without NULs, and joins them with AND).
 */
export function planLongWords(plan: SearchPlan): string[] {
  if (plan.match === null) return [];
  return Array.from(plan.match.matchAll(/"((?:[^"]|"")*)"/g), (m) => m[1]!.replaceAll('""', '"'));
}

/** The tests of every word of the plan; null when a word can be in no text (then nothing matches). */
function planTests(plan: SearchPlan): PgWordTest[] | null {
  const tests = [...planLongWords(plan).map(pgLongWordTest), ...plan.short.map(({ word }) => pgShortWordTest(word))];
  return tests.some((t) => t === null) ? null : (tests as PgWordTest[]);
}

/**
 * `select id from public_search where …`: the ids of the published replies whose title or public text holds
 * every word of the plan; null when none can. In db/queries/public.ts this takes the place of
 * `SELECT rowid FROM public_search WHERE ${conditions}` (without SQLite's unary `+` on publications.id).
 */
export function pgPublicSearchIds(plan: SearchPlan): SQL | null {
  const tests = planTests(plan);
  if (tests === null) return null;
  return sql`select public_search.id from public_search where ${pgHoldsAll("public_search", tests)}`;
}

/** The indexed public text of a publication (the body under 全文公开, the summary under 摘要公开), for the excerpt. */
export function pgPublicSearchText(publicationId: SQLWrapper): SQL<string> {
  return sql<string>`(select public_search.body from public_search where public_search.id = ${publicationId})`;
}
