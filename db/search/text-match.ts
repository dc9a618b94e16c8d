/**
 * The searches by engine: one call for the queries to make, the SQL of SQLite's FTS5 trigram tables or of
 * PostgreSQL's search tables (db/search/sqlite-text-match.ts, pg-text-match.ts, pg-public-search.ts). Both
 * find a word anywhere in a text, case folded as SQLite's trigram tokenizer folds it; the fragments select
 * ids and are used as `id IN (…)`.
 */
import type { SQL, SQLWrapper } from "drizzle-orm";
import type { SearchPlan } from "@/lib/public-search";
import { databaseEngine } from "../engine";
import { pgPublicSearchIds, pgPublicSearchText } from "./pg-public-search";
import { pgCommonTitleWordUse, pgSimilarCandidates, pgTextMatchIds, pgTitleWordUse } from "./pg-text-match";
import {
  type SqliteReader,
  sqlitePublicSearchIds,
  sqlitePublicSearchText,
  sqliteSimilarCandidates,
  sqliteTextMatchIds,
  sqliteTitleWordUse,
} from "./sqlite-text-match";

export type SearchEngine = "sqlite" | "postgresql";

/** SQLite reads the index's vocabulary for short words; PostgreSQL's conditions need no read. */
export type SearchReader = { engine: "sqlite"; db: SqliteReader } | { engine: "postgresql" };

/** The reader of the engine this process runs on (db/engine.ts), reading with `db` on SQLite. */
export function searchReader(db: SqliteReader): SearchReader {
  return databaseEngine() === "sqlite" ? { engine: "sqlite", db } : { engine: "postgresql" };
}

/**
 * The ids of the proposals whose title (proposal_titles) or body (proposal_bodies) holds the word, for the
 * staff list's search; null when none can (leave the set out).
 */
export async function textMatchIds(reader: SearchReader, target: "proposal_titles" | "proposal_bodies", word: string): Promise<SQL | null> {
  return reader.engine === "sqlite" ? sqliteTextMatchIds(reader.db, target, word) : pgTextMatchIds(target, word);
}

/**
 * The ids of the published replies (publications.id) whose title or public text holds every word of the
 * plan; null when none can (no result at all).
 */
export async function publicSearchIds(reader: SearchReader, plan: SearchPlan): Promise<SQL | null> {
  return reader.engine === "sqlite" ? sqlitePublicSearchIds(reader.db, plan) : pgPublicSearchIds(plan);
}

/** The indexed public text of the publication `publicationId` names, for the excerpt (trim its end). */
export function publicSearchText(engine: SearchEngine, publicationId: SQLWrapper): SQL<string> {
  return engine === "sqlite" ? sqlitePublicSearchText(publicationId) : pgPublicSearchText(publicationId);
}

/** Rows `{ term: string; titles: number }`: the index terms of a title word and how many titles hold each. */
export function titleWordUse(engine: SearchEngine, word: string): SQL {
  return engine === "sqlite" ? sqliteTitleWordUse(word) : pgTitleWordUse(word);
}

/**
 * Rows `{ term, titles }` for a common title word where the engine knows its use without counting (PostgreSQL's
 * statistics); null where counting is what titleWordUse costs anyway (SQLite's vocabulary table).
 */
export function commonTitleWordUse(engine: SearchEngine, word: string): SQL | null {
  return engine === "sqlite" ? null : pgCommonTitleWordUse(word);
}

/** Rows `{ id: number }`: up to `limit` other proposals whose title holds one of titleWordUse's terms, best first. */
export function similarCandidates(engine: SearchEngine, terms: readonly string[], proposalId: number, limit: number): SQL {
  return engine === "sqlite" ? sqliteSimilarCandidates(terms, proposalId, limit) : pgSimilarCandidates(terms, proposalId, limit);
}
