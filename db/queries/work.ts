/**
 * What each role must act on now: the queries behind the staff home page (待办). Each list is read a page
 * of QUEUE_LIMIT items at a time, most urgent first, and knows its full count: a province-level office can
 * have thousands open, and the home page shows what to do first; its further pages are asked for by the
 * list's name (/work?toReply=2).
 */
import { aliasedTable, and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  adjustmentRequests,
  assignments,
  coOpinions,
  events,
  extensionRequests,
  leaderReviews,
  owedReceipts,
  proposals,
  replies,
  sections,
  sessions,
  signOffs,
  units,
  users,
} from "../schema";
import { indexedBy, jsonField, unindexed } from "../dialect";

/** How many items a list of the home page shows at a time. */
export const QUEUE_LIMIT = 20;

/** The home page's paged lists, each by the name its page is asked for with. */
export const QUEUE_LISTS = [
  "toAssign",
  "adjustments",
  "extensions",
  "overdue",
  "lateAcceptance",
  "overdueReceipts",
  "toAccept",
  "toReply",
  "toGiveOpinion",
  "toSignOff",
  "opinionsToApprove",
  "toReview",
  "toDivide",
] as const;
export type QueueList = (typeof QUEUE_LISTS)[number];
/** The page asked for of each list (1 when not). */
export type QueuePages = Partial<Record<QueueList, number>>;

/** The full count of a list whose rows are limited: a window over the whole result, before LIMIT. */
const fullCount = sql<number>`count(*) over ()`.mapWith(Number);

/**
 * The count of a request table's pending requests, for each row of a page of them: a scalar subquery read once from the
 * status index, where a window over the page's joins would make SQLite read every request before ordering them.
 */
const pendingCount = (table: typeof adjustmentRequests | typeof extensionRequests) =>
  sql<number>`(select count(*) from ${table} where ${table.status} = 'pending')`.mapWith(Number);

/** One page of a list, the count of all its items, and which page it is. */
export type Listed<T> = { rows: T[]; total: number; page: number };

/**
 * The page asked for of a list; its first page when that one is past the end (its items were done since
 * the link to it was made). Each list orders by a unique key last, so that its pages neither repeat nor skip.
 */
async function paged<T extends { total: number }>(
  page: number | undefined,
  read: (limit: number, offset: number) => Promise<T[]>,
  pageSize = QUEUE_LIMIT,
): Promise<Listed<T>> {
  const asked = page !== undefined && Number.isSafeInteger(page) && page > 1 ? page : 1;
  const rows = await read(pageSize, (asked - 1) * pageSize);
  if (rows.length === 0 && asked > 1) return paged(1, read, pageSize);
  return { rows, total: rows[0]?.total ?? 0, page: asked };
}

const unitOf = aliasedTable(units, "unit_of");
const requester = aliasedTable(users, "requester");

/** An assignment's deadline as extended, if it was. */
const effectiveDue = sql<string>`coalesce(${assignments.extendedDue}, ${assignments.due})`;
/** Soonest deadline first; the id last, so that pages neither repeat nor skip. */
const dueFirst = [asc(effectiveDue), asc(assignments.id)];

const assignmentColumns = {
  assignmentId: assignments.id,
  proposalId: proposals.id,
  number: proposals.number,
  title: proposals.title,
  status: proposals.status,
  sessionKind: sessions.kind,
  role: assignments.role,
  assignmentStatus: assignments.status,
  unit: unitOf.shortName,
  acceptDue: assignments.acceptDue,
  due: effectiveDue,
  /** 分办's internal deadline, when the unit has divided the assignment. */
  internalDue: assignments.internalDue,
};

/** A list's assignments with their proposal; `total` the count of all its items (a window over the page's joins unless given). */
function assignmentQuery(db: Db, total: SQL<number> = fullCount) {
  return db
    .select({ ...assignmentColumns, total })
    .from(assignments)
    .innerJoin(proposals, eq(proposals.id, assignments.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .innerJoin(unitOf, eq(unitOf.id, assignments.unitId));
}

export type AssignmentItem = Awaited<ReturnType<ReturnType<typeof assignmentQuery>["all"]>>[number];

export async function coordinatorQueue(db: Db, today: string, pages: QueuePages = {}) {
  const toAssign = await paged(pages.toAssign, (limit, offset) =>
    db
      .select({
        proposalId: proposals.id,
        number: proposals.number,
        title: proposals.title,
        receivedOn: proposals.receivedOn,
        sessionKind: sessions.kind,
        total: fullCount,
      })
      .from(proposals)
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .where(eq(proposals.status, "registered"))
      .orderBy(asc(proposals.receivedOn), asc(proposals.number), asc(proposals.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  const adjustments = await paged(pages.adjustments, (limit, offset) =>
    db
      .select({
        requestId: adjustmentRequests.id,
        proposalId: proposals.id,
        number: proposals.number,
        title: proposals.title,
        sessionKind: sessions.kind,
        unit: unitOf.shortName,
        reason: adjustmentRequests.reason,
        decideBy: adjustmentRequests.decideBy,
        requester: requester.displayName,
        total: pendingCount(adjustmentRequests),
      })
      .from(adjustmentRequests)
      .innerJoin(assignments, eq(assignments.id, adjustmentRequests.assignmentId))
      .innerJoin(proposals, eq(proposals.id, assignments.proposalId))
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .innerJoin(unitOf, eq(unitOf.id, assignments.unitId))
      .innerJoin(requester, eq(requester.id, adjustmentRequests.requestedBy))
      .where(eq(adjustmentRequests.status, "pending"))
      .orderBy(asc(adjustmentRequests.decideBy), asc(adjustmentRequests.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  const extensions = await paged(pages.extensions, (limit, offset) =>
    db
      .select({
        requestId: extensionRequests.id,
        proposalId: proposals.id,
        number: proposals.number,
        title: proposals.title,
        sessionKind: sessions.kind,
        unit: unitOf.shortName,
        reason: extensionRequests.reason,
        requestedUntil: extensionRequests.requestedUntil,
        total: pendingCount(extensionRequests),
      })
      .from(extensionRequests)
      .innerJoin(assignments, eq(assignments.id, extensionRequests.assignmentId))
      .innerJoin(proposals, eq(proposals.id, assignments.proposalId))
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .innerJoin(unitOf, eq(unitOf.id, assignments.unitId))
      .where(eq(extensionRequests.status, "pending"))
      .orderBy(asc(extensionRequests.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  // A page's ids in the order of assignments_open_due_idx (named: SQLite's sampled statistics may prefer the state's
  // index and sort; the condition written as the index's, so that it applies), then its rows by id, counted apart. A
  // window over the joins read and sorted all 14,000 overdue at 100,000 proposals (32 ms).
  const isOverdue = and(
    sql`${assignments.status} in ('pending', 'accepted')`,
    inArray(unindexed(proposals.status), ["assigned", "handling", "rehandling"]),
    lt(effectiveDue, today),
  )!;
  const overdueCount = sql<number>`(select count(*) from ${assignments} join ${proposals} on ${proposals.id} = ${assignments.proposalId} where ${isOverdue})`;
  const overdue = await paged(pages.overdue, async (limit, offset) => {
    const ids = await db.all<{ id: number }>(
      sql`select ${assignments.id} as id
      from ${indexedBy(assignments, "assignments_open_due_idx")} join ${proposals} on ${proposals.id} = ${assignments.proposalId}
      where ${isOverdue} order by ${effectiveDue}, ${assignments.id} limit ${limit} offset ${offset}`,
    );
    if (ids.length === 0) return [];
    return assignmentQuery(db, overdueCount.mapWith(Number))
      .where(
        inArray(
          assignments.id,
          ids.map((r) => r.id),
        ),
      )
      .orderBy(...dueFirst)
      .all();
  });
  // Counted apart from the index alone: the window read every late assignment's joins (2,840 at 100,000 proposals).
  const isLate = and(eq(assignments.status, "pending"), lt(assignments.acceptDue, today));
  const lateAcceptance = await paged(pages.lateAcceptance, (limit, offset) =>
    assignmentQuery(db, sql<number>`(select count(*) from ${assignments} where ${isLate})`.mapWith(Number))
      .where(isLate)
      .orderBy(asc(assignments.acceptDue), asc(assignments.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  return { toAssign, adjustments, extensions, overdue, lateAcceptance };
}

/** Work of the unit that is this handler's: not divided (分办) yet, or divided to them. */
const mineOrUndivided = (userId: number) => or(isNull(assignments.assigneeId), eq(assignments.assigneeId, userId));

/**
 * Whether the latest decision on each proposal's draft — the director's sign-off or the 分管领导's review,
 * whichever came last — sent it back.
 */
async function returnedDrafts(db: Db, proposalIds: number[]): Promise<Set<number>> {
  if (proposalIds.length === 0) return new Set();
  const latest = new Map<number, { at: number; returned: boolean }>();
  const note = (rows: { proposalId: number; decision: string; at: Date }[]) => {
    for (const r of rows) {
      const seen = latest.get(r.proposalId);
      if (!seen || r.at.getTime() >= seen.at) latest.set(r.proposalId, { at: r.at.getTime(), returned: r.decision === "return" });
    }
  };
  note(
    await db
      .select({ proposalId: signOffs.proposalId, decision: signOffs.decision, at: signOffs.createdAt })
      .from(signOffs)
      .where(
        and(
          inArray(signOffs.proposalId, proposalIds),
          sql`${signOffs.id} = (select max(s2.id) from ${signOffs} s2 where s2.proposal_id = ${signOffs.proposalId})`,
        ),
      )
      .all(),
  );
  note(
    await db
      .select({ proposalId: leaderReviews.proposalId, decision: leaderReviews.decision, at: leaderReviews.createdAt })
      .from(leaderReviews)
      .where(
        and(
          inArray(leaderReviews.proposalId, proposalIds),
          sql`${leaderReviews.id} = (select max(l2.id) from ${leaderReviews} l2 where l2.proposal_id = ${leaderReviews.proposalId})`,
        ),
      )
      .all(),
  );
  return new Set([...latest].filter(([, v]) => v.returned).map(([id]) => id));
}

/** A handler's 待办: what the unit must sign for, and the replies and opinions that are theirs to write. */
export async function handlerQueue(db: Db, user: { id: number; unitId: number }, pages: QueuePages = {}) {
  const { unitId } = user;
  const toAccept = await paged(pages.toAccept, (limit, offset) =>
    assignmentQuery(db)
      .where(and(eq(assignments.unitId, unitId), eq(assignments.status, "pending")))
      .orderBy(asc(assignments.acceptDue), asc(assignments.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  const toReply = await paged(pages.toReply, (limit, offset) =>
    assignmentQuery(db)
      .where(
        and(
          eq(assignments.unitId, unitId),
          eq(assignments.role, "lead"),
          eq(assignments.status, "accepted"),
          inArray(proposals.status, ["handling", "rehandling"]),
          mineOrUndivided(user.id),
        ),
      )
      .orderBy(...dueFirst)
      .limit(limit)
      .offset(offset)
      .all(),
  );
  const toGiveOpinion = await paged(pages.toGiveOpinion, (limit, offset) =>
    assignmentQuery(db)
      .leftJoin(coOpinions, eq(coOpinions.assignmentId, assignments.id))
      .where(
        and(
          eq(assignments.unitId, unitId),
          eq(assignments.role, "co"),
          eq(assignments.status, "accepted"),
          isNull(assignments.opinionWaivedReason),
          sql`(${coOpinions.id} is null or ${coOpinions.status} in ('draft', 'returned'))`,
          mineOrUndivided(user.id),
        ),
      )
      .orderBy(asc(assignments.due), asc(assignments.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  const returned = await returnedDrafts(
    db,
    toReply.rows.map((r) => r.proposalId),
  );
  return {
    toAccept,
    toReply: { ...toReply, rows: toReply.rows.map((r) => ({ ...r, returned: returned.has(r.proposalId) })) },
    toGiveOpinion,
  };
}

export async function directorQueue(db: Db, unitId: number, pages: QueuePages = {}) {
  // Few proposals await sign-off at any time while a unit has thousands of assignments: the unary +
  // keeps SQLite from walking the unit's assignments and makes it start from the in_review proposals.
  const toSignOff = await paged(pages.toSignOff, (limit, offset) =>
    assignmentQuery(db)
      .where(
        and(
          sql`+${assignments.unitId} = ${unitId}`,
          eq(assignments.role, "lead"),
          eq(proposals.status, "in_review"),
          // With the 分管领导 first (a null stage is the director's: rows from before 分办).
          sql`coalesce(${proposals.reviewStage}, 'director') = 'director'`,
        ),
      )
      .orderBy(asc(proposals.updatedAt), asc(assignments.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  const opinionsToApprove = await paged(pages.opinionsToApprove, (limit, offset) =>
    assignmentQuery(db)
      .innerJoin(coOpinions, eq(coOpinions.assignmentId, assignments.id))
      .where(and(sql`+${assignments.unitId} = ${unitId}`, eq(coOpinions.status, "submitted")))
      .orderBy(asc(coOpinions.updatedAt), asc(assignments.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
  const recentlySigned = await db
    .select({
      proposalId: replies.proposalId,
      docNumber: replies.docNumber,
      writtenOn: replies.writtenOn,
      title: proposals.title,
      number: proposals.number,
      sessionKind: sessions.kind,
    })
    .from(replies)
    .innerJoin(proposals, eq(proposals.id, replies.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(eq(replies.unitId, unitId))
    .orderBy(desc(replies.id))
    .limit(10)
    .all();
  return { toSignOff, opinionsToApprove, recentlySigned };
}

/** The 分管领导's 待办: the unit's drafts submitted from a 科室 and waiting for their review. */
export async function leaderQueue(db: Db, unitId: number, pages: QueuePages = {}) {
  return paged(pages.toReview, (limit, offset) =>
    assignmentQuery(db)
      .where(
        and(
          sql`+${assignments.unitId} = ${unitId}`,
          eq(assignments.role, "lead"),
          eq(proposals.status, "in_review"),
          eq(proposals.reviewStage, "leader"),
        ),
      )
      .orderBy(asc(proposals.updatedAt), asc(assignments.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
}

/**
 * 待分办, for the unit's office (its director and the handlers allowed to divide): assignments the unit
 * accepted and has not divided yet, while it has 科室 to divide them to.
 */
export async function divisionQueue(db: Db, unitId: number, pages: QueuePages = {}): Promise<Listed<AssignmentItem>> {
  const divides = await db
    .select({ id: sections.id })
    .from(sections)
    .where(and(eq(sections.unitId, unitId), eq(sections.active, true)))
    .limit(1)
    .get();
  if (!divides) return { rows: [], total: 0, page: 1 };
  return paged(pages.toDivide, (limit, offset) =>
    assignmentQuery(db)
      .where(
        and(
          eq(assignments.unitId, unitId),
          eq(assignments.status, "accepted"),
          isNull(assignments.assigneeId),
          isNull(assignments.opinionWaivedReason),
          inArray(proposals.status, ["assigned", "handling", "rehandling"]),
        ),
      )
      .orderBy(...dueFirst)
      .limit(limit)
      .offset(offset)
      .all(),
  );
}

/**
 * Receipts not returned by their deadline: every proposer or co-signer still owing one on a reply of a
 * proposal not yet closed (an earlier round's too: each reply waits for its own receipts), longest overdue first.
 * Read from owed_receipts (kept by triggers, migration 0024), its count a range of the due-date index.
 */
export async function overdueReceipts(db: Db, today: string, { page, pageSize }: { page?: number; pageSize?: number } = {}) {
  const proposer = aliasedTable(users, "proposer");
  return paged(
    page,
    (limit, offset) =>
      db
        .select({
          proposalId: proposals.id,
          number: proposals.number,
          title: proposals.title,
          sessionKind: sessions.kind,
          round: replies.round,
          replyId: replies.id,
          receiptDue: owedReceipts.receiptDue,
          memberId: owedReceipts.memberId,
          member: proposer.displayName,
          signerRole: owedReceipts.role,
          total: sql<number>`(select count(*) from ${owedReceipts} o where o.receipt_due < ${today})`.mapWith(Number),
          lastReminded: sql<
            number | null
          >`(select max(e.created_at) from ${events} e where e.proposal_id = ${proposals.id} and e.action = 'remind_receipt' and ${jsonField(sql`e.data`, "memberId", "integer")} = ${owedReceipts.memberId} and ${jsonField(sql`e.data`, "round", "integer")} = ${replies.round})`,
        })
        .from(owedReceipts)
        .innerJoin(replies, eq(replies.id, owedReceipts.replyId))
        .innerJoin(proposals, eq(proposals.id, owedReceipts.proposalId))
        .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
        .innerJoin(proposer, eq(proposer.id, owedReceipts.memberId))
        .where(lt(owedReceipts.receiptDue, today))
        .orderBy(asc(owedReceipts.receiptDue), asc(owedReceipts.proposalId), asc(owedReceipts.replyId), asc(owedReceipts.position))
        .limit(limit)
        .offset(offset)
        .all(),
    pageSize,
  );
}
