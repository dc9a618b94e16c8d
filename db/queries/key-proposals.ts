/** What the pages read about 重点提案: one proposal's leader, plan and progress, the leaders, a leader's list. */
import { aliasedTable, and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, progressReports, proposals, sessions, units, users } from "../schema";

export type KeyProposal = {
  leader: { id: number; name: string; title: string | null } | null;
  plan: string | null;
  reports: { id: number; round: number; body: string; unitName: string; author: string; createdAt: Date }[];
};

/** The 重点 part of a proposal's page; null when it is not a 重点提案. */
export async function keyProposalOf(db: Db, proposalId: number): Promise<KeyProposal | null> {
  const p = await db
    .select({
      isKey: proposals.isKey,
      plan: proposals.keyPlan,
      leaderId: users.id,
      leaderName: users.displayName,
      leaderTitle: users.title,
    })
    .from(proposals)
    .leftJoin(users, eq(users.id, proposals.keyLeaderId))
    .where(eq(proposals.id, proposalId))
    .get();
  if (!p?.isKey) return null;
  const reports = await db
    .select({
      id: progressReports.id,
      round: progressReports.round,
      body: progressReports.body,
      unitName: units.name,
      author: users.displayName,
      createdAt: progressReports.createdAt,
    })
    .from(progressReports)
    .innerJoin(units, eq(units.id, progressReports.unitId))
    .innerJoin(users, eq(users.id, progressReports.authorId))
    .where(eq(progressReports.proposalId, proposalId))
    .orderBy(desc(progressReports.createdAt), desc(progressReports.id))
    .all();
  return { leader: p.leaderId === null ? null : { id: p.leaderId, name: p.leaderName!, title: p.leaderTitle }, plan: p.plan, reports };
}

/** The active 区领导 a proposal may be given to, by name. */
export async function keyLeaders(db: Db): Promise<{ id: number; name: string; title: string | null }[]> {
  return db
    .select({ id: users.id, name: users.displayName, title: users.title })
    .from(users)
    .where(and(eq(users.role, "district_leader"), eq(users.disabled, false)))
    .orderBy(asc(users.id))
    .all();
}

export type KeyProposalRow = {
  id: number;
  number: number;
  title: string;
  status: (typeof proposals.$inferSelect)["status"];
  kind: (typeof sessions.$inferSelect)["kind"];
  leader: string | null;
  leadUnit: string | null;
  due: string | null;
  lastReportAt: Date | null;
};

/**
 * 重点提案 with their leader, lead unit, its deadline in force and the latest 中期进展: those one 区领导 leads
 * (all, open ones first), or every open one (the 督办 board), in number order.
 */
export async function keyProposalRows(db: Db, scope: { leaderId: number } | { open: true }): Promise<KeyProposalRow[]> {
  const leader = aliasedTable(users, "leader");
  const rows = await db
    .select({
      id: proposals.id,
      number: proposals.number,
      title: proposals.title,
      status: proposals.status,
      kind: sessions.kind,
      leader: leader.displayName,
      leadUnit: units.name,
      due: assignments.due,
      extendedDue: assignments.extendedDue,
      lastReportAt: sql<
        number | null
      >`(select max(${progressReports.createdAt}) from ${progressReports} where ${progressReports.proposalId} = ${proposals.id})`,
    })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .leftJoin(leader, eq(leader.id, proposals.keyLeaderId))
    .leftJoin(assignments, and(eq(assignments.proposalId, proposals.id), eq(assignments.role, "lead"), ne(assignments.status, "withdrawn")))
    .leftJoin(units, eq(units.id, assignments.unitId))
    .where(and(eq(proposals.isKey, true), "leaderId" in scope ? eq(proposals.keyLeaderId, scope.leaderId) : ne(proposals.status, "closed")))
    .orderBy(asc(sessions.year), asc(proposals.number))
    .all();
  return rows
    .map(({ extendedDue, due, lastReportAt, ...r }) => ({
      ...r,
      due: extendedDue ?? due,
      lastReportAt: lastReportAt === null ? null : new Date(lastReportAt),
    }))
    .sort((a, b) => Number(a.status === "closed") - Number(b.status === "closed"));
}
