/**
 * Search conditions on PostgreSQL (db/migrations-pg/0004_search.sql), finding what the FTS5 trigram indexes
 * find on SQLite (db/search/sqlite-text-match.ts): a word anywhere in a text, case folded as SQLite's trigram
 * tokenizer folds it. Pure: each function returns SQL to run, none reads the database.
 *
 * Each search table (public_search, proposal_titles, proposal_bodies) holds its text folded by search_fold,
 * with a GIN index over search_grams(folded), the text's characters and pairs of adjacent characters:
 * - a word of one or two characters is one element of that array: `@> ARRAY[word]` is exact. As on SQLite,
 *   which looks it up as the prefix `word.toLowerCase()` of the trigrams of its vocabulary, the word is
 *   lowered by JavaScript, not folded;
 * - a longer word needs all its pairs (the index) and then its folded self in the folded text (strpos).
 */
import { sql, type SQL } from "drizzle-orm";
import { TRIGRAM } from "@/lib/public-search";

/** The search tables of migration 0004, each `(id, folded)` with the GIN index search_grams(folded). */
export type PgSearchTable = "public_search" | "proposal_titles" | "proposal_bodies";

/** What a text must hold to hold a word: these grams (read from the index), and the folded word, when a recheck is needed. */
export type PgWordTest = { grams: SQL; folded: SQL | null };

const length = (text: string) => Array.from(text).length;

/**
 * A word of one or two characters. null when no text can hold it: PostgreSQL text has no NUL (on SQLite no
 * vocabulary term holds one either).
 */
export function pgShortWordTest(word: string): PgWordTest | null {
  const lower = word.toLowerCase();
  if (lower.includes("\u0000")) return null;
  // A lowered word of three characters or more (İ lowers to two) is no element of any array, as it begins no trigram on SQLite.
  return { grams: sql`ARRAY[${lower}]::text[]`, folded: null };
}

/**
 * A word of three characters or more, as the FTS5 phrase SQLite matches: without NULs (an FTS5 query ends
 * at one), and matching nothing when that leaves fewer than three characters (a trigram phrase of two
 * characters matches no row). null when it matches nothing.
 */
export function pgLongWordTest(word: string): PgWordTest | null {
  const text = word.replaceAll("\u0000", "");
  if (length(text) < TRIGRAM) return null;
  return { grams: sql`search_bigrams(search_fold(${text}))`, folded: sql`search_fold(${text})` };
}

/** A search word as SQLite's code treats it: short or long by its length as typed. */
export function pgWordTest(word: string): PgWordTest | null {
  return length(word) < TRIGRAM ? pgShortWordTest(word) : pgLongWordTest(word);
}

/**
 * The condition on a search table's row that it holds every word: one containment of all their grams (a
 * single read of the GIN index), then each long word's recheck. The index expression is written as the
 * index declares it, `search_grams(folded)`, or the planner would not use the index.
 */
export function pgHoldsAll(table: PgSearchTable, tests: readonly PgWordTest[]): SQL {
  const folded = sql`${sql.identifier(table)}.folded`;
  const grams = sql.join(
    tests.map((t) => t.grams),
    sql` || `,
  );
  const rechecks = tests.flatMap((t) => (t.folded ? [sql`strpos(${folded}, ${t.folded}) > 0`] : []));
  return sql.join([sql`search_grams(${folded}) @> (${grams})`, ...rechecks], sql` AND `);
}

/**
 * The ids of the proposals whose title (proposal_titles) or body (proposal_bodies) holds the word, for the
 * staff list's search; null when none can.
 */
export function pgTextMatchIds(table: "proposal_titles" | "proposal_bodies", word: string): SQL | null {
  const test = pgWordTest(word);
  if (test === null) return null;
  return sql`select ${sql.identifier(table)}.id from ${sql.identifier(table)} where ${pgHoldsAll(table, [test])}`;
}

/**
 * Similar proposals (db/queries/similar.ts wordUse): how many titles hold a title word (a character bigram
 * of lib/similarity.ts), as rows `{ term, titles }` like SQLite's query of proposal_titles_terms. On
 * SQLite there is a row per trigram beginning with the word, each with its titles; here one row, the word
 * itself with the number of titles holding it (none when no title does). The sum differs from SQLite's
 * when a title holds the word before different characters (SQLite counts it once per trigram): it only
 * orders the words by rarity.
 */
export function pgTitleWordUse(word: string): SQL {
  const lower = word.toLowerCase();
  if (lower.includes("\u0000")) return sql`select null::text as term, 0 as titles where false`;
  return sql`select ${lower}::text as term, count(*)::integer as titles from proposal_titles
    where search_grams(proposal_titles.folded) @> ARRAY[${lower}]::text[] having count(*) > 0`;
}

/**
 * Like pgTitleWordUse for a common word, from the planner's statistics of the title index (its most common
 * elements, each in at least ~0.4 % of titles at 100,000), without reading the index: counting 关于 there read
 * every title's postings (0.9 s), and a title has 14–18 words. No row for a word the statistics leave out (a
 * rarer one, cheap to count) or without statistics (no ANALYZE yet). An estimate: it only orders words by rarity.
 */
export function pgCommonTitleWordUse(word: string): SQL {
  const lower = word.toLowerCase();
  return sql`select common.elem as term, round(common.freq * titles.reltuples)::integer as titles
    from pg_stats, pg_class titles,
      unnest(pg_stats.most_common_elems::text::text[], pg_stats.most_common_elem_freqs) as common(elem, freq)
    where pg_stats.schemaname = current_schema() and pg_stats.tablename = 'proposal_titles_grams_idx'
      and titles.oid = 'proposal_titles'::regclass and titles.reltuples > 0 and common.elem = ${lower}`;
}

/**
 * Similar proposals (db/queries/similar.ts rankSimilar): the ids (rows `{ id }`) of up to `limit` other
 * proposals whose title holds one of the terms pgTitleWordUse gave, those holding the most terms first, then
 * by id. SQLite orders them by bm25 over the trigrams instead, which PostgreSQL does not have; the ranking
 * that follows compares the candidates in full, so the two differ only when more than `limit` titles
 * share a term.
 */
export function pgSimilarCandidates(terms: readonly string[], proposalId: number, limit: number): SQL {
  const usable = terms.filter((t) => !t.includes("\u0000"));
  if (usable.length === 0) return sql`select null::integer as id where false`;
  const list = sql`ARRAY[${sql.join(
    usable.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  return sql`select proposal_titles.id from proposal_titles
    where search_grams(proposal_titles.folded) && ${list} and proposal_titles.id <> ${proposalId}
    order by (select count(*) from unnest(${list}) as t where strpos(proposal_titles.folded, t) > 0) desc, proposal_titles.id
    limit ${limit}`;
}
