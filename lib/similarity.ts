/**
 * Similarity of two proposals' texts, for 并案 suggestions: the Jaccard index of their Chinese
 * character bigrams (Chinese has no spaces, and bigrams capture most two-character words). Pure.
 */

const STOP_BIGRAMS = new Set(["关于", "建议", "加强", "进一步", "推进", "加快", "提升", "完善"]);

const runs = (text: string) => text.match(/[\u4e00-\u9fff]+|[A-Za-z0-9]+/g) ?? [];

/** The set of two-character runs of CJK characters (and of letters/digits), ignoring punctuation. */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of runs(text)) {
    for (let i = 0; i + 1 < run.length; i++) {
      const gram = run.slice(i, i + 2);
      if (!STOP_BIGRAMS.has(gram)) out.add(gram);
    }
  }
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Title similarity weighs most; the opening of the body (its first BODY_OPENING characters) adds context. */
export const TITLE_WEIGHT = 0.7;
export const BODY_WEIGHT = 0.3;
export const BODY_OPENING = 600;

type Text = { title: string; body: string };

/** The two parts of proposalSimilarity to one proposal, its bigrams taken once for many comparisons. */
export function similarityTo(a: Text): { title: (b: Text) => number; body: (b: Text) => number } {
  const title = bigrams(a.title);
  const body = bigrams(a.body.slice(0, BODY_OPENING));
  return { title: (b) => jaccard(title, bigrams(b.title)), body: (b) => jaccard(body, bigrams(b.body.slice(0, BODY_OPENING))) };
}

export function proposalSimilarity(a: Text, b: Text): number {
  const to = similarityTo(a);
  return TITLE_WEIGHT * to.title(b) + BODY_WEIGHT * to.body(b);
}
