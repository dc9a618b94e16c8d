import { aliasedTable, and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { ProposalParties } from "@/lib/authz";
import type { AssignmentRole, AssignmentState, SignerRole } from "@/lib/domain";
import type { Db } from "../client";
import { indexedBy, jsonArray, jsonField, jsonObject } from "../dialect";
import { param, preparedOnce } from "../prepared";
import { assignments, categories, events, proposalSigners, proposals, sections, sessions, units, users } from "../schema";
import { selectionCondition, selectionIndex, type ProposalSelection } from "./proposal-selection";

/**
 * The proposal's proposers (领衔 and 联名, not 附议), by id, as a JSON subquery on the row of `proposals` being read: for
 * the access check here and the workflow's facts (db/handling/facts.ts).
 */
export const proposerIdsOfProposal = () =>
  jsonArray<number>(
    proposalSigners.userId,
    sql`from ${proposalSigners}
        where ${proposalSigners.proposalId} = ${proposals.id} and ${proposalSigners.role} in ('lead', 'cosigner')`,
    sql`${proposalSigners.userId}`,
  );

const handler = aliasedTable(users, "handler");
const assignee = aliasedTable(users, "assignee");

/**
 * The queries behind one proposal's page: who has a part in it, and what it shows. Built once per connection. Each
 * is one statement, its lists JSON subqueries (db/dialect.ts): on PostgreSQL every statement is a round trip and its
 * cost in the app's one thread, and the access check runs on every request about a proposal.
 */
const proposalQueries = preparedOnce((db: Db) => {
  const proposalId = param("proposalId");
  return {
    parties: db
      .select({
        keyLeaderId: proposals.keyLeaderId,
        unitIds: jsonArray<number>(
          assignments.unitId,
          sql`from ${assignments} where ${assignments.proposalId} = ${proposals.id} and ${assignments.status} <> 'withdrawn'`,
          sql`${assignments.id}`,
        ),
        proposerIds: proposerIdsOfProposal(),
      })
      .from(proposals)
      .where(eq(proposals.id, proposalId))
      .prepare(),
    leadUnitId: db
      .select({ unitId: assignments.unitId })
      .from(assignments)
      .where(and(eq(assignments.proposalId, proposalId), eq(assignments.role, "lead"), ne(assignments.status, "withdrawn")))
      .prepare(),
    detail: db
      .select({
        proposal: proposals,
        session: sessions,
        category: categories.name,
        signers: jsonArray<{ userId: number; name: string; role: SignerRole }>(
          jsonObject({ userId: users.id, name: users.displayName, role: proposalSigners.role }),
          sql`from ${proposalSigners} inner join ${users} on ${users.id} = ${proposalSigners.userId}
              where ${proposalSigners.proposalId} = ${proposals.id}`,
          sql`${proposalSigners.position}`,
        ),
        assignments: jsonArray<ProposalAssignment>(
          jsonObject({
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
            section: sections.name,
            assignee: assignee.displayName,
            internalDue: assignments.internalDue,
          }),
          sql`from ${assignments}
              inner join ${units} on ${units.id} = ${assignments.unitId}
              left join ${users} ${handler} on ${handler.id} = ${assignments.handlerId}
              left join ${sections} on ${sections.id} = ${assignments.sectionId}
              left join ${users} ${assignee} on ${assignee.id} = ${assignments.assigneeId}
              where ${assignments.proposalId} = ${proposals.id}`,
          sql`${assignments.role}, ${assignments.id}`,
        ),
      })
      .from(proposals)
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .leftJoin(categories, eq(categories.id, proposals.categoryId))
      .where(eq(proposals.id, proposalId))
      .prepare(),
  };
});

/** One unit's part in a proposal, as its page shows it. */
type ProposalAssignment = {
  id: number;
  role: AssignmentRole;
  status: AssignmentState;
  unitId: number;
  unitName: string;
  unitShortName: string;
  handler: string | null;
  assignedOn: string;
  acceptDue: string;
  due: string;
  extendedDue: string | null;
  /** 分办: the 科室, the named 承办人 and the internal deadline, or nulls. */
  section: string | null;
  assignee: string | null;
  internalDue: string | null;
};

/** Who has a part in a proposal: the facts the authorization rules need. Null when it does not exist. */
export async function loadProposalParties(db: Db, proposalId: number): Promise<ProposalParties | null> {
  return (await proposalQueries(db).parties.get({ proposalId })) ?? null;
}

/** The lead unit still assigned (a withdrawn one keeps its row), which writes and may read the drafts; null before 交办. */
export async function leadUnitOf(db: Db, proposalId: number): Promise<number | null> {
  return (await proposalQueries(db).leadUnitId.get({ proposalId }))?.unitId ?? null;
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

const listOrder = [desc(sessions.year), desc(sessions.id), asc(proposals.number)];

/**
 * One page of the proposals the filters select (db/queries/proposal-selection.ts), newest session first, by
 * number, and how many they are. The page's ids are found first, from covering indexes alone, then joined
 * to what the list shows, so that no long row is read but the page's. A selection that starts from sets of
 * ids (a unit, 超期, the search) is read once, its page counted with it (a window); one without is read in
 * the list's order up to the page (the index stops there) and counted in the same index.
 */
export async function listProposals(
  db: Db,
  selection: ProposalSelection,
  options: { page?: number; pageSize?: number; today: string },
): Promise<{ rows: ProposalListRow[]; total: number }> {
  const where = await selectionCondition(db, selection, options.today);
  const filtered = where ? sql`where ${where}` : sql``;
  const index = selectionIndex(selection);
  // Raw SQL for the reads of `proposals`: drizzle's builder cannot name the index (see selectionIndex).
  const source = indexedBy(proposals, index);
  const pageSize = options.pageSize ?? 50;
  const offset = (Math.max(1, options.page ?? 1) - 1) * pageSize;
  // From sets of ids, the page comes with the count of all (one read of the sets); otherwise the page stops
  // early in the index and the count reads the index apart. Past the last page, the count is asked apart too.
  // On PostgreSQL the sets are one array computed first (proposal-selection.ts inEverySet): with `IN` its planner
  // checked each proposal against the whole set in a nested loop, which the window's count then ran to the end
  // (36–118 s for 人才 at 100,000 proposals); from the array, page and count 33 ms.
  const fromSets = index === "proposals_list_idx";
  const page = await db.all<{ id: number; total: number }>(
    sql`select ${proposals.id} as id, ${fromSets ? sql`count(*) over ()` : sql`0`} as total
    from ${source} join ${sessions} on ${sessions.id} = ${proposals.sessionId} ${filtered}
    order by ${sessions.year} desc, ${sessions.id} desc, ${proposals.number} limit ${pageSize} offset ${offset}`,
  );
  const ids = page.map((r) => r.id);
  // An empty first page is a count of none: counting again would run the whole selection a second time for nothing
  // (a common word under other filters that leave no row: 24–34 ms on PostgreSQL at 100,000 proposals).
  const total =
    fromSets && page.length > 0
      ? page[0]!.total
      : page.length === 0 && offset === 0
        ? 0
        : ((await db.get<{ n: number }>(sql`select count(*) as n from ${source} ${filtered}`))?.n ?? 0);
  const rows =
    ids.length > 0
      ? await listBase(db)
          .where(inArray(proposals.id, ids))
          .orderBy(...listOrder)
          .all()
      : [];
  return { rows, total };
}

/** Proposals by id, in list shape (for the home queues). */
export async function proposalRows(db: Db, ids: number[]): Promise<ProposalListRow[]> {
  if (ids.length === 0) return [];
  return listBase(db).where(inArray(proposals.id, ids)).orderBy(asc(proposals.id)).all();
}

/** Everything the proposal page shows. */
export async function getProposalDetail(db: Db, proposalId: number) {
  return (await proposalQueries(db).detail.get({ proposalId })) ?? null;
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
      unitId: jsonField(events.data, "unitId", "integer"),
      /** The other proposal of a 并案 or 取消并案. */
      related: { number: relatedProposal.number, kind: relatedSession.kind },
      /** 分办 and 改派: to which 科室 and 承办人, by when. */
      section: divisionSection.name,
      assignee: divisionAssignee.displayName,
      internalDue: jsonField(events.data, "due", "text"),
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .leftJoin(divisionSection, eq(divisionSection.id, jsonField(events.data, "sectionId", "integer")))
    .leftJoin(divisionAssignee, eq(divisionAssignee.id, jsonField(events.data, "assigneeId", "integer")))
    .leftJoin(relatedProposal, eq(relatedProposal.id, jsonField(events.data, "relatedId", "integer")))
    .leftJoin(relatedSession, eq(relatedSession.id, relatedProposal.sessionId))
    .where(eq(events.proposalId, param("proposalId")))
    .orderBy(asc(events.id))
    .prepare(),
);

export async function proposalTimeline(db: Db, proposalId: number) {
  return (await proposalTimelineQuery(db).all({ proposalId })).map(({ section, assignee, internalDue, ...e }) => ({
    ...e,
    detail: section && assignee ? `${section} · 承办人${assignee} · 内部期限${internalDue}` : null,
  }));
}

export async function listSessions(db: Db) {
  return db.select().from(sessions).orderBy(desc(sessions.year), desc(sessions.id)).all();
}
