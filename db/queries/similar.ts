/** Similar earlier proposals and the ones linked for joint handling (并案). */
import { aliasedTable, and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { bigrams, BODY_OPENING, BODY_WEIGHT, similarityTo, TITLE_WEIGHT } from "@/lib/similarity";
import type { Db } from "../client";
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
 * The proposals most like this one (by title and opening), best first, with their latest reply.
 * Candidates come from the trigram index of titles (proposal_titles): the SIMILAR_CANDIDATES best ranked
 * (bm25) among those sharing one of the title's rarest words, so the work is bounded however many
 * proposals there are; a proposal alike in its body only, with no such word in its title, is not offered.
 */
export function similarProposals(db: Db, proposalId: number, limit = 5, threshold = 0.12) {
  const self = db
    .select({ title: proposals.title, body: sql<string>`substr(${proposals.body}, 1, ${BODY_OPENING})` })
    .from(proposals)
    .where(eq(proposals.id, proposalId))
    .get();
  if (!self) return [];
  const trigrams = rarestWords(db, [...bigrams(self.title)]);
  if (trigrams.length === 0) return [];
  const match = trigrams.map((t) => `"${t.replaceAll('"', '""')}"`).join(" OR ");
  const candidateIds = db
    .all<{ id: number }>(
      sql`SELECT rowid AS id FROM proposal_titles WHERE proposal_titles MATCH ${match} AND rowid <> ${proposalId} ORDER BY rank LIMIT ${SIMILAR_CANDIDATES}`,
    )
    .map((r) => r.id);
  if (candidateIds.length === 0) return [];
  const candidates = db
    .select({
      id: proposals.id,
      number: proposals.number,
      title: proposals.title,
      body: sql<string>`substr(${proposals.body}, 1, ${BODY_OPENING})`,
      status: proposals.status,
      year: sessions.year,
      kind: sessions.kind,
    })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(inArray(proposals.id, candidateIds))
    .all();
  // proposalSimilarity, best first (ties by id): titles first, and a body only while its proposal could
  // still rank, the body adding at most BODY_WEIGHT.
  const to = similarityTo(self);
  const byTitle = candidates.map((c) => ({ ...c, titleScore: to.title(c) })).sort((a, b) => b.titleScore - a.titleScore || a.id - b.id);
  const ranked: ((typeof byTitle)[number] & { score: number })[] = [];
  for (const c of byTitle) {
    const floor = ranked.length === limit ? ranked[limit - 1]!.score : threshold;
    if (TITLE_WEIGHT * c.titleScore + BODY_WEIGHT < floor) break;
    const score = TITLE_WEIGHT * c.titleScore + BODY_WEIGHT * to.body(c);
    if (score < threshold) continue;
    ranked.push({ ...c, score });
    ranked.sort((a, b) => b.score - a.score || a.id - b.id);
    if (ranked.length > limit) ranked.pop();
  }
  const docNumbers = latestDocNumbers(
    db,
    ranked.map((c) => c.id),
  );
  return ranked.map(({ body: _body, titleScore: _titleScore, ...c }) => ({ ...c, docNumber: docNumbers.get(c.id) ?? null }));
}

/** The trigrams of the title index that begin with the rarest of these words, within WORDS and POSTINGS. */
function rarestWords(db: Db, words: string[]): string[] {
  const expanded = words.map((word) => {
    const from = word.toLowerCase();
    const terms = db.all<{ term: string; titles: number }>(
      sql`SELECT term, doc AS titles FROM proposal_titles_terms WHERE term >= ${from} AND term <= ${`${from}\u{10FFFF}`}`,
    );
    return { word, terms: terms.map((t) => t.term), titles: terms.reduce((n, t) => n + t.titles, 0) };
  });
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

/** The 发文字号 of each proposal's latest reply (highest round). */
function latestDocNumbers(db: Db, proposalIds: number[]): Map<number, string> {
  if (proposalIds.length === 0) return new Map();
  const rows = db
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

export function linkedProposals(db: Db, proposalId: number) {
  const links = db
    .select()
    .from(proposalLinks)
    .where(or(eq(proposalLinks.proposalId, proposalId), eq(proposalLinks.relatedId, proposalId)))
    .all();
  const ids = links.map((l) => (l.proposalId === proposalId ? l.relatedId : l.proposalId));
  if (ids.length === 0) return [];
  const rows = db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title, status: proposals.status, kind: sessions.kind })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(and(inArray(proposals.id, ids), ne(proposals.id, proposalId)))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
