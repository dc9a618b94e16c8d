/** Similar earlier proposals and the ones linked for joint handling (并案). */
import { aliasedTable, and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { bigrams, BODY_OPENING, BODY_WEIGHT, similarityTo, TITLE_WEIGHT } from "@/lib/similarity";
import type { Db } from "../client";
import { databaseEngine } from "../engine";
import { commonTitleWordUse, similarCandidates, titleWordUse } from "../search/text-match";
import { remembered } from "./remembered";
import { proposalLinks, proposals, replies, sessions } from "../schema";

const latestReply = aliasedTable(replies, "latest_reply");

/** At most this many proposals, those sharing the most (and rarest) title words, are compared in full. */
export const SIMILAR_CANDIDATES = 200;

/**
 * Candidates are searched by the title's rarest bigrams (the measure's words), each through the trigrams
 * of the index that begin with it: at most WORDS of them, and no more than POSTINGS title occurrences in
 * all (the rarest word is always used), so the ranking reads a bounded part of the index even for a title
 * of common words.
 */
const WORDS = 12;
const POSTINGS = 40_000;

/**
 * Ranking reads the postings of the title's rarest words and compares up to SIMILAR_CANDIDATES openings
 * (about 17 ms at 100,000 proposals), and the page that shows it is rendered again after every save on
 * it. Which proposals are alike changes only as proposals are registered, so a proposal's ranking is
 * remembered for a while (keyed by its own title and opening, so an edit ranks again); their state and
 * reply are read fresh.
 */
const RANKINGS = { name: "similar-rankings", maxAgeMs: 10 * 60 * 1000, max: 5_000 };
/**
 * Counting a word's titles reads all its postings (2.4 ms for 关于), yet the counts only order the words
 * by rarity, an order that barely moves as proposals arrive.
 */
const WORD_USES = { name: "title-word-uses", maxAgeMs: 10 * 60 * 1000, max: 50_000 };

type Opening = { title: string; body: string };

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
 * The proposals most like this one (by title and opening), best first, with their latest reply.
 * Candidates come from the trigram index of titles (proposal_titles): the SIMILAR_CANDIDATES best ranked
 * (bm25) among those sharing one of the title's rarest words, so the work is bounded however many
 * proposals there are; a proposal alike in its body only, with no such word in its title, is not offered.
 */
export async function similarProposals(db: Db, proposalId: number, limit = 5, threshold = SIMILAR_THRESHOLD) {
  const self = await db
    .select({ title: proposals.title, body: sql<string>`substr(${proposals.body}, 1, ${BODY_OPENING})` })
    .from(proposals)
    .where(eq(proposals.id, proposalId))
    .get();
  if (!self) return [];
  const key = [proposalId, limit, threshold, self.title, self.body].join("\u0000");
  const ranking = await remembered(db, RANKINGS, key, async () => rankSimilar(db, proposalId, self, limit, threshold));
  if (ranking.length === 0) return [];
  const ids = ranking.map((r) => r.id);
  const rows = await db
    .select({
      id: proposals.id,
      number: proposals.number,
      title: proposals.title,
      status: proposals.status,
      year: sessions.year,
      kind: sessions.kind,
    })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(inArray(proposals.id, ids))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const docNumbers = await latestDocNumbers(db, ids);
  return ranking.flatMap(({ id, score }) => {
    const row = byId.get(id);
    return row ? [{ ...row, score, docNumber: docNumbers.get(id) ?? null }] : [];
  });
}

/** The ids and scores of the `limit` proposals most like `self`, best first (ties by id). */
async function rankSimilar(
  db: Db,
  proposalId: number,
  self: Opening,
  limit: number,
  threshold: number,
): Promise<{ id: number; score: number }[]> {
  const trigrams = await rarestWords(db, [...bigrams(self.title)]);
  if (trigrams.length === 0) return [];
  const candidateIds = (await db.all<{ id: number }>(similarCandidates(databaseEngine(), trigrams, proposalId, SIMILAR_CANDIDATES))).map(
    (r) => r.id,
  );
  if (candidateIds.length === 0) return [];
  const candidates = await db
    .select({ id: proposals.id, title: proposals.title, body: sql<string>`substr(${proposals.body}, 1, ${BODY_OPENING})` })
    .from(proposals)
    .where(inArray(proposals.id, candidateIds))
    .all();
  // proposalSimilarity: titles first, and a body only while its proposal could still rank, the body
  // adding at most BODY_WEIGHT.
  const to = similarityTo(self);
  const byTitle = candidates.map((c) => ({ ...c, titleScore: to.title(c) })).sort((a, b) => b.titleScore - a.titleScore || a.id - b.id);
  const ranked: { id: number; score: number }[] = [];
  for (const c of byTitle) {
    const floor = ranked.length === limit ? ranked[limit - 1]!.score : threshold;
    if (TITLE_WEIGHT * c.titleScore + BODY_WEIGHT < floor) break;
    const score = TITLE_WEIGHT * c.titleScore + BODY_WEIGHT * to.body(c);
    if (score < threshold) continue;
    ranked.push({ id: c.id, score });
    ranked.sort((a, b) => b.score - a.score || a.id - b.id);
    if (ranked.length > limit) ranked.pop();
  }
  return ranked;
}

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

/** The 发文字号 of each proposal's latest reply (highest round). */
async function latestDocNumbers(db: Db, proposalIds: number[]): Promise<Map<number, string>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await db
    .select({ proposalId: latestReply.proposalId, docNumber: latestReply.docNumber })
    .from(latestReply)
    .where(
      and(
        inArray(latestReply.proposalId, proposalIds),
        eq(latestReply.round, sql`(select max(r.round) from ${replies} r where r.proposal_id = ${latestReply.proposalId})`),
      ),
    )
    .all();
  return new Map(rows.map((r) => [r.proposalId, r.docNumber]));
}

export async function linkedProposals(db: Db, proposalId: number) {
  const links = await db
    .select()
    .from(proposalLinks)
    .where(or(eq(proposalLinks.proposalId, proposalId), eq(proposalLinks.relatedId, proposalId)))
    .all();
  const ids = links.map((l) => (l.proposalId === proposalId ? l.relatedId : l.proposalId));
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title, status: proposals.status, kind: sessions.kind })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(and(inArray(proposals.id, ids), ne(proposals.id, proposalId)))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
