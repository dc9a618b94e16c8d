/**
 * The same searches on SQLite, over the FTS5 trigram tables (public_search, proposal_titles,
 * proposal_bodies) and their vocabularies, for db/queries/public.ts, proposal-selection.ts and similar.ts
 * through db/search/text-match.ts, which chooses the engine. A word
 * of three characters or more is a MATCH phrase; a shorter one is looked up in the vocabulary as the prefix
 * of the trigrams holding it (every indexed text ends with two line feeds, migration 0006), or matched with
 * LIKE when it begins too many. The vocabulary lookup is the only read; `all` may return rows or a promise.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { type SearchPlan, SHORT_TERM_EXPANSION_LIMIT, shortTermMatch, TRIGRAM } from "@/lib/public-search";

/** What the SQLite builders read with: drizzle's better-sqlite3 database, or anything with its `all`. */
export type SqliteReader = { all<T>(query: SQL): T[] | Promise<T[]> };

/** The fts5vocab (row) tables of the trigram indexes. */
export type TrigramVocabulary = "public_search_terms" | "proposal_titles_terms" | "proposal_bodies_terms";

/** The trigrams of the index that begin with a short word; null when there are too many to match them all. */
export async function trigramsStartingWith(db: SqliteReader, vocabulary: TrigramVocabulary, word: string): Promise<string[] | null> {
  const from = word.toLowerCase();
  const rows = await db.all<{ term: string }>(
    sql`SELECT term FROM ${sql.identifier(vocabulary)} WHERE term >= ${from} AND term <= ${`${from}\u{10FFFF}`} LIMIT ${SHORT_TERM_EXPANSION_LIMIT + 1}`,
  );
  return rows.length > SHORT_TERM_EXPANSION_LIMIT ? null : rows.map((r) => r.term);
}

// FTS5 reads the query as a C string: a NUL inside a phrase would end it there ("unterminated string").
const phrase = (text: string) => `"${text.replaceAll("\u0000", "").replaceAll('"', '""')}"`;

/**
 * The MATCH expression that finds `text` anywhere in the indexed texts (case folded): the text itself as a
 * phrase of trigrams, or for one or two characters the trigrams beginning with it. "none" when no indexed
 * text holds it; null when a short word begins too many trigrams (match it with LIKE).
 */
export async function substringMatch(db: SqliteReader, vocabulary: TrigramVocabulary, text: string): Promise<string | "none" | null> {
  if (Array.from(text).length >= TRIGRAM) return phrase(text);
  const trigrams = await trigramsStartingWith(db, vocabulary, text);
  if (trigrams === null) return null;
  return trigrams.length === 0 ? "none" : shortTermMatch(trigrams);
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The conditions on public_search of every word of the plan (db/queries/public.ts); null when a word occurs nowhere. */
export async function publicConditions(db: SqliteReader, plan: SearchPlan): Promise<SQL | null> {
  const matches = plan.match ? [plan.match] : [];
  const likes: string[] = [];
  for (const { word, like } of plan.short) {
    const match = await substringMatch(db, "public_search_terms", word);
    if (match === null) likes.push(like);
    else if (match === "none") return null;
    else matches.push(match);
  }
  const conditions = [
    ...(matches.length > 0 ? [sql`public_search MATCH ${matches.join(" AND ")}`] : []),
    ...likes.map((p) => sql`(title LIKE ${p} ESCAPE '\\' OR body LIKE ${p} ESCAPE '\\')`),
  ];
  return sql.join(conditions, sql` AND `);
}

/** `SELECT rowid FROM public_search WHERE …`: the published replies holding every word of the plan; null when none can. */
export async function sqlitePublicSearchIds(db: SqliteReader, plan: SearchPlan): Promise<SQL | null> {
  const conditions = await publicConditions(db, plan);
  return conditions === null ? null : sql`SELECT rowid FROM public_search WHERE ${conditions}`;
}

/** The indexed public text of a publication, for the excerpt (it ends with two line feeds: trim it). */
export function sqlitePublicSearchText(publicationId: SQLWrapper): SQL<string> {
  return sql<string>`(SELECT body FROM public_search WHERE rowid = ${publicationId})`;
}

/** db/queries/proposal-selection.ts textHolding: the ids of the proposals whose title or body holds the word; null when none does. */
export async function sqliteTextMatchIds(
  db: SqliteReader,
  index: "proposal_titles" | "proposal_bodies",
  word: string,
): Promise<SQL | null> {
  const match = await substringMatch(db, `${index}_terms`, word);
  if (match === "none") return null;
  if (match === null) {
    const column = sql.identifier(index === "proposal_titles" ? "title" : "body");
    return sql`select "proposals"."id" from "proposals" where "proposals".${column} like ${likePattern(word)} escape '\\'`;
  }
  return sql`select rowid from ${sql.identifier(index)} where ${sql.identifier(index)} match ${match}`;
}

/** db/queries/similar.ts wordUse: rows `{ term, titles }`, each trigram of the title index beginning with the word and the titles holding it. */
export function sqliteTitleWordUse(word: string): SQL {
  const from = word.toLowerCase();
  return sql`SELECT term, doc AS titles FROM proposal_titles_terms WHERE term >= ${from} AND term <= ${`${from}\u{10FFFF}`}`;
}

/** db/queries/similar.ts rankSimilar: rows `{ id }`, up to `limit` other proposals whose title holds a term, best ranked (bm25) first. */
export function sqliteSimilarCandidates(terms: readonly string[], proposalId: number, limit: number): SQL {
  const match = terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(" OR ");
  return sql`SELECT rowid AS id FROM proposal_titles WHERE proposal_titles MATCH ${match} AND rowid <> ${proposalId} ORDER BY rank LIMIT ${limit}`;
}
