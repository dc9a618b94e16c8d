/**
 * How a visitor's search words become a query on the FTS5 trigram index, and how matches are marked in
 * the results. Pure. The trigram tokenizer only answers MATCH for words of three characters or more, so
 * a shorter word (most two-character Chinese words, such as 博士) is matched through the trigrams of the
 * index that begin with it (db/search/sqlite-text-match.ts looks them up in the index's vocabulary), or with LIKE
 * over the same indexed columns when there are too many; every word must be present (AND).
 */

/** At most this many words are used, each at most MAX_TERM_LENGTH characters. */
export const MAX_TERMS = 5;
export const MAX_TERM_LENGTH = 30;
/** Trigram: the shortest word that MATCH can answer. */
export const TRIGRAM = 3;

const SEPARATORS = /[\s,，、;；。.!！?？"“”'‘’()（）《》<>【】[\]{}|/\\:：*^+-]+/u;

const length = (s: string) => Array.from(s).length;

/** The distinct words of a query, in order, without separators and punctuation. */
export function searchTerms(query: string): string[] {
  const words = query
    .normalize("NFKC")
    .split(SEPARATORS)
    .map((w) => Array.from(w).slice(0, MAX_TERM_LENGTH).join(""))
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export type SearchPlan = {
  /** An FTS5 MATCH expression of the long words as quoted phrases, or null when there are none. */
  match: string | null;
  /** The short words, each with its LIKE pattern (escape character `\`). */
  short: { word: string; like: string }[];
};

// FTS5 reads the query as a C string: a NUL inside a phrase would end it there ("unterminated string").
const phrase = (text: string) => `"${text.replaceAll("\u0000", "").replaceAll('"', '""')}"`;

/** Splits the words into what MATCH answers and the short ones; null when there is nothing to search. */
export function searchPlan(terms: readonly string[]): SearchPlan | null {
  if (terms.length === 0) return null;
  const long = terms.filter((t) => length(t) >= TRIGRAM);
  const short = terms.filter((t) => length(t) < TRIGRAM);
  return {
    match: long.length > 0 ? long.map(phrase).join(" AND ") : null,
    short: short.map((word) => ({ word, like: `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%` })),
  };
}

/** A short word is matched through at most this many trigrams; beyond, with LIKE. */
export const SHORT_TERM_EXPANSION_LIMIT = 1000;

/** The MATCH expression of a short word: any of the trigrams that begin with it. */
export function shortTermMatch(trigrams: readonly string[]): string {
  return `(${trigrams.map(phrase).join(" OR ")})`;
}

export type Segment = { text: string; match: boolean };

/** The text cut into plain and matching runs; overlapping or adjacent matches merge. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const marked = new Array<boolean>(text.length).fill(false);
  const needles = terms.filter((t) => t.length > 0);
  const lower = text.toLowerCase();
  for (const term of needles) {
    const needle = term.toLowerCase();
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      marked.fill(true, at, at + needle.length);
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    segments.push({ text: text.slice(i, j), match: marked[i]! });
    i = j;
  }
  return segments;
}

/**
 * A short passage around the first match, with ellipses where it was cut, highlighted; the start of the
 * text when nothing matches.
 */
export function excerpt(text: string, terms: readonly string[], radius = 60): Segment[] {
  const flat = text.replace(/\s+/g, " ").trim();
  const lower = flat.toLowerCase();
  const hits = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0);
  const first = hits.length > 0 ? Math.min(...hits) : 0;
  const start = Math.max(0, first - radius);
  const end = Math.min(flat.length, first + radius * 2);
  const passage = `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
  return highlight(passage, terms);
}
