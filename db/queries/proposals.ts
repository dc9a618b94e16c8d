import { aliasedTable, and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { ProposalParties } from "@/lib/authz";
import type { ProposalState } from "@/lib/domain";
import type { Db } from "../client";
import { param, preparedOnce } from "../prepared";
import { assignments, categories, events, proposalSigners, proposals, sections, sessions, units, users } from "../schema";
import { substringMatch } from "./trigrams";

/** The queries behind one proposal's page: who has a part in it, and what it shows. Built once per connection. */
const proposalQueries = preparedOnce((db: Db) => {
  const proposalId = param("proposalId");
  const handler = aliasedTable(users, "handler");
  const assignee = aliasedTable(users, "assignee");
  return {
    exists: db.select({ id: proposals.id, keyLeaderId: proposals.keyLeaderId }).from(proposals).where(eq(proposals.id, proposalId)).prepare(),
    unitIds: db
      .select({ unitId: assignments.unitId })
      .from(assignments)
      .where(and(eq(assignments.proposalId, proposalId), ne(assignments.status, "withdrawn")))
      .prepare(),
    leadUnitId: db
      .select({ unitId: assignments.unitId })
      .from(assignments)
      .where(and(eq(assignments.proposalId, proposalId), eq(assignments.role, "lead"), ne(assignments.status, "withdrawn")))
      .prepare(),
    proposerIds: db
      .select({ userId: proposalSigners.userId })
      .from(proposalSigners)
      .where(and(eq(proposalSigners.proposalId, proposalId), inArray(proposalSigners.role, ["lead", "cosigner"])))
      .prepare(),
    detail: db
      .select({ proposal: proposals, session: sessions, category: categories.name })
      .from(proposals)
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .leftJoin(categories, eq(categories.id, proposals.categoryId))
      .where(eq(proposals.id, proposalId))
      .prepare(),
    signers: db
      .select({ userId: users.id, name: users.displayName, role: proposalSigners.role })
      .from(proposalSigners)
      .innerJoin(users, eq(users.id, proposalSigners.userId))
      .where(eq(proposalSigners.proposalId, proposalId))
      .orderBy(asc(proposalSigners.position))
      .prepare(),
    assignments: db
      .select({
        id: assignments.id,
        role: assignments.role,
        status: assignments.status,
        unitId: units.id,
        unitName: units.name,
        unitShortName: units.shortName,
        handler: handler.displayName,
        assignedOn: assignments.assignedOn,
        acceptDue: assignments.acceptDue,
        due: assignments.due,
        extendedDue: assignments.extendedDue,
        /** 分办: the 科室, the named 承办人 and the internal deadline, or nulls. */
        section: sections.name,
        assignee: assignee.displayName,
        internalDue: assignments.internalDue,
      })
      .from(assignments)
      .innerJoin(units, eq(units.id, assignments.unitId))
      .leftJoin(handler, eq(handler.id, assignments.handlerId))
      .leftJoin(sections, eq(sections.id, assignments.sectionId))
      .leftJoin(assignee, eq(assignee.id, assignments.assigneeId))
      .where(eq(assignments.proposalId, proposalId))
      .orderBy(asc(assignments.role), asc(assignments.id))
      .prepare(),
  };
});

/** Who has a part in a proposal: the facts the authorization rules need. Null when it does not exist. */
export function loadProposalParties(db: Db, proposalId: number): ProposalParties | null {
  const q = proposalQueries(db);
  const proposal = q.exists.get({ proposalId });
  if (!proposal) return null;
  return {
    unitIds: q.unitIds.all({ proposalId }).map((r) => r.unitId),
    proposerIds: q.proposerIds.all({ proposalId }).map((r) => r.userId),
    keyLeaderId: proposal.keyLeaderId,
  };
}

/** The lead unit still assigned (a withdrawn one keeps its row), which writes and may read the drafts; null before 交办. */
export function leadUnitOf(db: Db, proposalId: number): number | null {
  return proposalQueries(db).leadUnitId.get({ proposalId })?.unitId ?? null;
}

const leadSigner = aliasedTable(proposalSigners, "lead_signer");
const leadProposer = aliasedTable(users, "lead_proposer");
const leadAssignment = aliasedTable(assignments, "lead_assignment");
const leadUnit = aliasedTable(units, "lead_unit");

/** The columns every proposal list shows. */
const listColumns = {
  id: proposals.id,
  number: proposals.number,
  title: proposals.title,
  status: proposals.status,
  round: proposals.round,
  isKey: proposals.isKey,
  receivedOn: proposals.receivedOn,
  updatedAt: proposals.updatedAt,
  sessionId: sessions.id,
  sessionYear: sessions.year,
  sessionKind: sessions.kind,
  category: categories.name,
  proposer: leadProposer.displayName,
  leadUnit: leadUnit.shortName,
  due: sql<string | null>`coalesce(${leadAssignment.extendedDue}, ${leadAssignment.due})`,
};

function listBase(db: Db) {
  return db
    .select(listColumns)
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .leftJoin(categories, eq(categories.id, proposals.categoryId))
    .leftJoin(leadSigner, and(eq(leadSigner.proposalId, proposals.id), eq(leadSigner.role, "lead")))
    .leftJoin(leadProposer, eq(leadProposer.id, leadSigner.userId))
    .leftJoin(
      leadAssignment,
      and(eq(leadAssignment.proposalId, proposals.id), eq(leadAssignment.role, "lead"), ne(leadAssignment.status, "withdrawn")),
    )
    .leftJoin(leadUnit, eq(leadUnit.id, leadAssignment.unitId));
}

export type ProposalListRow = Awaited<ReturnType<ReturnType<typeof listBase>["all"]>>[number];

export type ProposalFilter = {
  /** Only proposals this unit has a live assignment on (unit roles). */
  unitId?: number | null;
  sessionId?: number | null;
  status?: ProposalState | null;
  q?: string | null;
  page?: number;
  pageSize?: number;
};

const listOrder = [desc(sessions.year), desc(sessions.id), asc(proposals.number)];

/**
 * The list's search: the title holds the words (through the trigram index of titles), or the lead
 * proposer's (领衔) name does, or it is the proposal's number. Each part is a set of ids from an index.
 */
function searchCondition(db: Db, q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const match = substringMatch(db, "proposal_titles_terms", q);
  const byTitle =
    match === null
      ? sql`${proposals.title} like ${pattern} escape '\\'`
      : match === "none"
        ? sql`0`
        : sql`${proposals.id} in (select rowid from proposal_titles where proposal_titles match ${match})`;
  const byProposer = sql`${proposals.id} in (select ${proposalSigners.proposalId} from ${proposalSigners} where ${proposalSigners.role} = 'lead' and ${proposalSigners.userId} in (select ${users.id} from ${users} where ${users.displayName} like ${pattern} escape '\\'))`;
  const byNumber = Number(q);
  return or(byTitle, byProposer, Number.isSafeInteger(byNumber) && byNumber > 0 ? eq(proposals.number, byNumber) : undefined)!;
}

/**
 * One page of proposals, newest session first, by number. The page's ids are found first, from the
 * proposals' indexes (and the unit's assignments, the search's indexes) alone, then joined to what the
 * list shows, so a deep page does not join every proposal it skips.
 */
export function listProposals(db: Db, filter: ProposalFilter): { rows: ProposalListRow[]; total: number } {
  const conditions: SQL[] = [];
  if (filter.unitId != null) {
    const handled = db
      .select({ id: assignments.proposalId })
      .from(assignments)
      .where(and(eq(assignments.unitId, filter.unitId), ne(assignments.status, "withdrawn")));
    conditions.push(inArray(proposals.id, handled));
  }
  if (filter.sessionId != null) conditions.push(eq(proposals.sessionId, filter.sessionId));
  if (filter.status) conditions.push(eq(proposals.status, filter.status));
  if (filter.q) conditions.push(searchCondition(db, filter.q));
  const where = conditions.length ? and(...conditions) : undefined;
  const pageSize = filter.pageSize ?? 50;
  const page = Math.max(1, filter.page ?? 1);
  const pageIds = db
    .select({ id: proposals.id })
    .from(proposals)
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(where)
    .orderBy(...listOrder)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const rows = listBase(db).where(inArray(proposals.id, pageIds)).orderBy(...listOrder).all();
  // A unit's proposals alone are its live assignments (one per proposal), counted in their index.
  const onlyUnit = filter.unitId != null && conditions.length === 1;
  const total =
    (onlyUnit
      ? db
          .select({ n: count() })
          .from(assignments)
          .where(and(eq(assignments.unitId, filter.unitId!), ne(assignments.status, "withdrawn")))
          .get()
      : db.select({ n: count() }).from(proposals).where(where).get()
    )?.n ?? 0;
  return { rows, total };
}

/** Proposals by id, in list shape (for the home queues). */
export function proposalRows(db: Db, ids: number[]): ProposalListRow[] {
  if (ids.length === 0) return [];
  return listBase(db).where(inArray(proposals.id, ids)).orderBy(asc(proposals.id)).all();
}

/** Everything the proposal page shows. */
export function getProposalDetail(db: Db, proposalId: number) {
  const q = proposalQueries(db);
  const row = q.detail.get({ proposalId });
  if (!row) return null;
  return { ...row, signers: q.signers.all({ proposalId }), assignments: q.assignments.all({ proposalId }) };
}

const relatedProposal = aliasedTable(proposals, "related_proposal");
const relatedSession = aliasedTable(sessions, "related_session");
const divisionSection = aliasedTable(sections, "division_section");
const divisionAssignee = aliasedTable(users, "division_assignee");

/** The proposal's timeline from the event log, oldest first; show it through `timelineFor` (lib/authz.ts). */
const proposalTimelineQuery = preparedOnce((db: Db) =>
  db
    .select({
      id: events.id,
      action: events.action,
      fromState: events.fromState,
      toState: events.toState,
      comment: events.comment,
      createdAt: events.createdAt,
      actor: users.displayName,
      // The unit an entry concerns (申请延期, a co-handling opinion …), which decides who may read its comment.
      unitId: sql<number | null>`json_extract(${events.data}, '$.unitId')`,
      /** The other proposal of a 并案 or 取消并案. */
      related: { number: relatedProposal.number, kind: relatedSession.kind },
      /** 分办 and 改派: to which 科室 and 承办人, by when. */
      section: divisionSection.name,
      assignee: divisionAssignee.displayName,
      internalDue: sql<string | null>`json_extract(${events.data}, '$.due')`,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .leftJoin(divisionSection, eq(divisionSection.id, sql`json_extract(${events.data}, '$.sectionId')`))
    .leftJoin(divisionAssignee, eq(divisionAssignee.id, sql`json_extract(${events.data}, '$.assigneeId')`))
    .leftJoin(relatedProposal, eq(relatedProposal.id, sql`json_extract(${events.data}, '$.relatedId')`))
    .leftJoin(relatedSession, eq(relatedSession.id, relatedProposal.sessionId))
    .where(eq(events.proposalId, param("proposalId")))
    .orderBy(asc(events.id))
    .prepare(),
);

export function proposalTimeline(db: Db, proposalId: number) {
  return proposalTimelineQuery(db)
    .all({ proposalId })
    .map(({ section, assignee, internalDue, ...e }) => ({ ...e, detail: section && assignee ? `${section} · 承办人${assignee} · 内部期限${internalDue}` : null }));
}

export function listSessions(db: Db) {
  return db.select().from(sessions).orderBy(desc(sessions.year), desc(sessions.id)).all();
}
