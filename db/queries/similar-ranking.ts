/**
 * The one computation of a proposal's 相似提案 ranking, for the page when no stored ranking fits (similar.ts) and for
 * the instances that store rankings (similar-rankings.ts, docs/decisions/020).
 */
import { createHash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { bigrams, BODY_OPENING, BODY_WEIGHT, similarityTo, TITLE_WEIGHT } from "@/lib/similarity";
import type { Db } from "../client";
import { databaseEngine } from "../engine";
import { commonTitleWordUse, similarCandidates, titleWordUse } from "../search/text-match";
import { remembered } from "./remembered";
import { proposals } from "../schema";

/** At most this many proposals, those sharing the most (and rarest) title words, are compared in full. */
export const SIMILAR_CANDIDATES = 200;

/** The page lists at most this many; a stored ranking holds as many. */
export const SIMILAR_LIMIT = 5;

/**
 * Below this score a proposal is not offered as similar. Measured on the demo database (44 proposals,
 * 946 pairs; tests/integration/similar-threshold.test.ts): the pairs on one subject raised again score
 * 0.306 (学校周边停车难), 0.328 (180 and a new proposal on 高校人才赋能科学城产业) and 0.333 (老旧小区加装电梯);
 * the 944 unrelated pairs, which share template words (科学城, 设施建设, 服务), score at most 0.212, with
 * 37 at 0.12 or more (the old threshold), 4 at 0.16 or more, 1 at 0.20 or more. 0.25 leaves a margin
 * on both sides.
 */
export const SIMILAR_THRESHOLD = 0.25;

/**
 * Candidates are searched by the title's rarest bigrams (the measure's words), each through the trigrams
 * of the index that begin with it: at most WORDS of them, and no more than POSTINGS title occurrences in
 * all (the rarest word is always used), so the ranking reads a bounded part of the index even for a title
 * of common words.
 */
const WORDS = 12;
const POSTINGS = 40_000;

/**
 * Counting a word's titles reads all its postings (2.4 ms for 关于), yet the counts only order the words
 * by rarity, an order that barely moves as proposals arrive.
 */
const WORD_USES = { name: "title-word-uses", maxAgeMs: 10 * 60 * 1000, max: 50_000 };

/** What a proposal is compared by: its title and its body's opening (BODY_OPENING characters, cut by the database). */
export type Opening = { title: string; body: string };

export type Ranked = { id: number; score: number };

/** A proposal's title and opening; undefined when there is no such proposal. */
export async function openingOf(db: Pick<Db, "select">, proposalId: number): Promise<Opening | undefined> {
  return db
    .select({ title: proposals.title, body: sql<string>`substr(${proposals.body}, 1, ${BODY_OPENING})` })
    .from(proposals)
    .where(eq(proposals.id, proposalId))
    .get();
}

/**
 * What a stored ranking was computed from: the proposal's title and opening, and the limit and threshold it was
 * ranked with (a build that changes them ranks again). A digest, so that a stored ranking is checked without its text.
 */
export function rankingBasis(self: Opening): string {
  return createHash("sha256")
    .update(JSON.stringify([SIMILAR_LIMIT, SIMILAR_THRESHOLD, self.title, self.body]))
    .digest("base64url");
}

/**
 * The `limit` proposals most like `self` (by title and opening) at `threshold` or more, best first (ties by id).
 * Candidates come from the trigram index of titles (proposal_titles): the SIMILAR_CANDIDATES best ranked (bm25)
 * among those sharing one of the title's rarest words, so the work is bounded however many proposals there are; a
 * proposal alike in its body only, with no such word in its title, is not offered.
 *
 * `alike`: also every candidate scoring `threshold` or more (all compared in full, where the page compares a body
 * only while its proposal could still rank), which the stored rankings use to find whose ranking this one may enter.
 */
export async function rankSimilar(
  db: Db,
  proposalId: number,
  self: Opening,
  options: { limit: number; threshold: number; alike?: boolean },
): Promise<{ ranking: Ranked[]; alike: Ranked[] }> {
  const { limit, threshold } = options;
  const none = { ranking: [], alike: [] };
  const trigrams = await rarestWords(db, [...bigrams(self.title)]);
  if (trigrams.length === 0) return none;
  const candidateIds = (await db.all<{ id: number }>(similarCandidates(databaseEngine(), trigrams, proposalId, SIMILAR_CANDIDATES))).map(
    (r) => r.id,
  );
  if (candidateIds.length === 0) return none;
  const candidates = await db
    .select({ id: proposals.id, title: proposals.title, body: sql<string>`substr(${proposals.body}, 1, ${BODY_OPENING})` })
    .from(proposals)
    .where(inArray(proposals.id, candidateIds))
    .all();
  // proposalSimilarity: titles first, and a body only while its proposal could still rank, the body
  // adding at most BODY_WEIGHT.
  const to = similarityTo(self);
  const byTitle = candidates.map((c) => ({ ...c, titleScore: to.title(c) })).sort((a, b) => b.titleScore - a.titleScore || a.id - b.id);
  const ranked: Ranked[] = [];
  const alike: Ranked[] = [];
  for (const c of byTitle) {
    const floor = ranked.length === limit && !options.alike ? ranked[limit - 1]!.score : threshold;
    if (TITLE_WEIGHT * c.titleScore + BODY_WEIGHT < floor) break;
    const score = TITLE_WEIGHT * c.titleScore + BODY_WEIGHT * to.body(c);
    if (score < threshold) continue;
    alike.push({ id: c.id, score });
    ranked.push({ id: c.id, score });
    ranked.sort(byRank);
    if (ranked.length > limit) ranked.pop();
  }
  return { ranking: ranked, alike: options.alike ? alike : [] };
}

/** Best first, ties by id: the order of a ranking. */
export const byRank = (a: Ranked, b: Ranked) => b.score - a.score || a.id - b.id;

/** The trigrams of the title index that begin with the rarest of these words, within WORDS and POSTINGS. */
async function rarestWords(db: Db, words: string[]): Promise<string[]> {
  const expanded = await Promise.all(
    words.map(async (word) => ({ word, ...(await remembered(db, WORD_USES, word, async () => wordUse(db, word))) })),
  );
  expanded.sort((a, b) => a.titles - b.titles || (a.word < b.word ? -1 : 1));
  const chosen: string[] = [];
  let used = 0;
  let postings = 0;
  for (const { terms, titles } of expanded) {
    if (titles === 0) continue;
    if (used === WORDS || (used > 0 && postings + titles > POSTINGS)) break;
    chosen.push(...terms);
    used++;
    postings += titles;
  }
  return chosen;
}

/** A title word's terms in the index (SQLite's trigrams beginning with it, or the word), and how many titles hold them. */
async function wordUse(db: Db, word: string): Promise<{ terms: string[]; titles: number }> {
  const common = commonTitleWordUse(databaseEngine(), word);
  const known = common ? await db.all<{ term: string; titles: number }>(common) : [];
  const rows = known.length > 0 ? known : await db.all<{ term: string; titles: number }>(titleWordUse(databaseEngine(), word));
  return { terms: rows.map((t) => t.term), titles: rows.reduce((n, t) => n + t.titles, 0) };
}
