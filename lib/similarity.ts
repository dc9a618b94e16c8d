/**
 * Similarity of two proposals' texts, for 并案 suggestions: the Jaccard index of their Chinese
 * character bigrams (Chinese has no spaces, and bigrams capture most two-character words). Pure.
 */

const STOP_BIGRAMS = new Set(["关于", "建议", "加强", "进一步", "推进", "加快", "提升", "完善"]);

/** The set of two-character runs of CJK characters (and of letters/digits), ignoring punctuation. */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+|[A-Za-z0-9]+/g) ?? []) {
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

/** Title similarity weighs most; the opening of the body adds context. */
export function proposalSimilarity(a: { title: string; body: string }, b: { title: string; body: string }): number {
  const title = jaccard(bigrams(a.title), bigrams(b.title));
  const body = jaccard(bigrams(a.body.slice(0, 600)), bigrams(b.body.slice(0, 600)));
  return 0.7 * title + 0.3 * body;
}
