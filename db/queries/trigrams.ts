/**
 * Words shorter than a trigram in the FTS5 trigram indexes (public_search, proposal_titles, proposal_bodies). MATCH only
 * answers words of three characters or more; a shorter word is found through the index's vocabulary as
 * the prefix of the trigrams that hold it. Every indexed text ends with two line feeds (migration 0006),
 * so every occurrence of a word of one or two characters begins some trigram.
 */
import { sql } from "drizzle-orm";
import { SHORT_TERM_EXPANSION_LIMIT, shortTermMatch, TRIGRAM } from "@/lib/public-search";
import type { Db } from "../client";

type Reader = Pick<Db, "all">;

/** The fts5vocab (row) tables of the trigram indexes. */
export type TrigramVocabulary = "public_search_terms" | "proposal_titles_terms" | "proposal_bodies_terms";

/** The trigrams of the index that begin with a short word; null when there are too many to match them all. */
export async function trigramsStartingWith(db: Reader, vocabulary: TrigramVocabulary, word: string): Promise<string[] | null> {
  const from = word.toLowerCase();
  const terms = (await db
    .all<{ term: string }>(
      sql`SELECT term FROM ${sql.identifier(vocabulary)} WHERE term >= ${from} AND term <= ${`${from}\u{10FFFF}`} LIMIT ${SHORT_TERM_EXPANSION_LIMIT + 1}`,
    ))
    .map((r) => r.term);
  return terms.length > SHORT_TERM_EXPANSION_LIMIT ? null : terms;
}

// FTS5 reads the query as a C string: a NUL inside a phrase would end it there ("unterminated string").
const phrase = (text: string) => `"${text.replaceAll("\u0000", "").replaceAll('"', '""')}"`;

/**
 * The MATCH expression that finds `text` anywhere in the indexed texts (case folded like LIKE): the
 * text itself as a phrase of trigrams, or for one or two characters the trigrams beginning with it.
 * "none" when no indexed text holds it; null when a short word begins too many trigrams (match it with LIKE).
 */
export async function substringMatch(db: Reader, vocabulary: TrigramVocabulary, text: string): Promise<string | "none" | null> {
  if (Array.from(text).length >= TRIGRAM) return phrase(text);
  const trigrams = await trigramsStartingWith(db, vocabulary, text);
  if (trigrams === null) return null;
  return trigrams.length === 0 ? "none" : shortTermMatch(trigrams);
}
