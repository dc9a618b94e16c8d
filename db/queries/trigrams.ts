/**
 * Words shorter than a trigram in the FTS5 trigram indexes: the lookup lives in db/search/sqlite-text-match.ts,
 * beside the PostgreSQL search, and the queries reach it from here.
 */
export { substringMatch, type TrigramVocabulary, trigramsStartingWith } from "../search/sqlite-text-match";
