/** Similar earlier proposals and the ones linked for joint handling (并案). */
import { aliasedTable, and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { BODY_OPENING } from "@/lib/similarity";
import type { Db } from "../client";
import { proposalLinks, proposals, replies, sessions, similarRankings } from "../schema";
import { type Ranked, rankingBasis, rankSimilar, SIMILAR_LIMIT, SIMILAR_THRESHOLD } from "./similar-ranking";

export { SIMILAR_THRESHOLD } from "./similar-ranking";

const latestReply = aliasedTable(replies, "latest_reply");

/**
 * The proposals most like this one (by title and opening), best first, with their state and latest reply as they
 * are now. The ranking is the one stored for the proposal (docs/decisions/020) while it was computed from its
 * current title and opening; else (not ranked yet, edited since, or another limit or threshold) it is ranked here,
 * as the stored ones are (similar-ranking.ts). Nothing is written: a ranking is only stored in the background.
 */
export async function similarProposals(db: Db, proposalId: number, limit = SIMILAR_LIMIT, threshold = SIMILAR_THRESHOLD) {
  const self = await db
    .select({
      title: proposals.title,
      body: sql<string>`substr(${proposals.body}, 1, ${BODY_OPENING})`,
      basis: similarRankings.basis,
      ranking: similarRankings.ranking,
    })
    .from(proposals)
    .leftJoin(similarRankings, eq(similarRankings.proposalId, proposals.id))
    .where(eq(proposals.id, proposalId))
    .get();
  if (!self) return [];
  const stored = limit === SIMILAR_LIMIT && threshold === SIMILAR_THRESHOLD && self.basis === rankingBasis(self);
  const ranking: Ranked[] = stored ? JSON.parse(self.ranking!) : (await rankSimilar(db, proposalId, self, { limit, threshold })).ranking;
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
  // A listed proposal deleted since the ranking was stored is left out.
  const byId = new Map(rows.map((r) => [r.id, r]));
  const docNumbers = await latestDocNumbers(db, ids);
  return ranking.flatMap(({ id, score }) => {
    const row = byId.get(id);
    return row ? [{ ...row, score, docNumber: docNumbers.get(id) ?? null }] : [];
  });
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
