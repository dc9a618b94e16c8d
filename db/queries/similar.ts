/** Similar earlier proposals and the ones linked for joint handling (并案). */
import { aliasedTable, desc, eq, ne, or } from "drizzle-orm";
import { proposalSimilarity } from "@/lib/similarity";
import type { Db } from "../client";
import { proposalLinks, proposals, replies, sessions } from "../schema";

const latestReply = aliasedTable(replies, "latest_reply");

/**
 * The proposals most like this one (by title and opening), best first, with their latest reply.
 * Scans the proposals in memory: fine for a district's tens of thousands; full-text search replaces it later.
 */
export function similarProposals(db: Db, proposalId: number, limit = 5, threshold = 0.12) {
  const self = db.select({ title: proposals.title, body: proposals.body }).from(proposals).where(eq(proposals.id, proposalId)).get();
  if (!self) return [];
  const candidates = db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title, body: proposals.body, status: proposals.status, year: sessions.year, kind: sessions.kind })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(ne(proposals.id, proposalId))
    .all();
  const ranked = candidates
    .map((c) => ({ ...c, score: proposalSimilarity(self, c) }))
    .filter((c) => c.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  return ranked.map(({ body: _body, ...c }) => ({
    ...c,
    docNumber: db.select({ docNumber: latestReply.docNumber }).from(latestReply).where(eq(latestReply.proposalId, c.id)).orderBy(desc(latestReply.round)).get()?.docNumber ?? null,
  }));
}

export function linkedProposals(db: Db, proposalId: number) {
  const links = db
    .select()
    .from(proposalLinks)
    .where(or(eq(proposalLinks.proposalId, proposalId), eq(proposalLinks.relatedId, proposalId)))
    .all();
  const ids = links.map((l) => (l.proposalId === proposalId ? l.relatedId : l.proposalId));
  return ids.map((id) => db.select({ id: proposals.id, number: proposals.number, title: proposals.title, status: proposals.status, kind: sessions.kind }).from(proposals).innerJoin(sessions, eq(sessions.id, proposals.sessionId)).where(eq(proposals.id, id)).get()!);
}
