/**
 * The statistics from the database. proposal_statistics holds one row of raw facts per proposal, kept
 * up to date by triggers (migration 0006); here those raw facts become the facts of lib/statistics.ts
 * (factSql), and the conditions of its PROPOSAL_COUNTS are compiled to SQL and counted per session and
 * lead unit. A session's counts are kept in memory until its version in statistics_versions changes
 * (the triggers bump it whenever one of its proposals' facts is written), so a page reads again only the
 * sessions being worked on. The rules stay in lib/statistics.ts; nothing here decides what counts.
 */
import { sql, type SQL } from "drizzle-orm";
import {
  FACE_TO_FACE_METHODS,
  PROPOSAL_STATES,
  SATISFACTION,
  type ProposalState,
  type ResultClass,
  type SessionKind,
  type Satisfaction,
} from "@/lib/domain";
import { isoDateInChina, sessionTitle } from "@/lib/format";
import { AWAITING_REPLY_STATES } from "@/lib/overdue";
import {
  addCounts,
  countsOfVector,
  countsVector,
  figuresFromCounts,
  noCounts,
  PROPOSAL_COUNTS,
  rankUnits,
  SATISFIED_ANSWERS,
  type Condition,
  type CategoryFigures,
  type ConditionFacts,
  type Counts,
  type CountsVector,
  type FactTest,
  type Figures,
  type ProposalFacts,
  type UnitFigures,
} from "@/lib/statistics";
import { databaseOf, type Db } from "../client";
import { isTrue, position, unindexed } from "../dialect";

/** `keyOnly`: 重点提案 only. */
export type StatisticsFilter = { sessionId?: number | null; unitId?: number | null; kind?: SessionKind | null; keyOnly?: boolean };

/** A lead unit as statistics_unit_versions names it: its id, or 0 for the proposals without one yet. */
type UnitKey = number;
const unitKeyOf = (unitId: number | null): UnitKey => unitId ?? 0;

type ReceiptColumn = `receipts_${Satisfaction}_${Satisfaction}`;
const RECEIPT_PAIRS = SATISFACTION.flatMap((attitude) =>
  SATISFACTION.map((result) => ({ attitude, result, column: `receipts_${attitude}_${result}` as ReceiptColumn })),
);

/** Has the methods list (distinct, comma-separated) any of these methods. */
const anyMethod = (methods: readonly string[]) =>
  sql.join(
    methods.map((m) => sql`${position(sql`',' || ps.contact_methods || ','`, `,${m},`)} > 0`),
    sql` or `,
  );

/** A condition as 1 or 0 on both engines (PostgreSQL's comparisons are booleans, SQLite's 1/0). */
const asNumber = (condition: SQL): SQL => sql`cast((${condition}) as integer)`;

/** Each fact of lib/statistics.ts as an SQL expression over proposal_statistics ps (booleans as 1/0, unknown as null). */
function factSql(today: string): { [K in keyof ConditionFacts]: SQL } {
  return {
    status: sql`ps.status`,
    round: sql`ps.round`,
    acceptedOnTime: sql`(case when ps.accepted_on is not null then ${asNumber(sql`ps.accepted_on <= ps.accept_due`)} when ps.accept_due < ${today} then 0 end)`,
    replied: asNumber(sql`ps.first_reply_on is not null`),
    // As acceptedOnTime: a deadline passed without a first reply counts as late (lib/overdue.ts isPastDue).
    repliedOnTime: sql`(case when ps.first_reply_on is not null then ${asNumber(sql`ps.first_reply_due is not null and ps.first_reply_on <= ps.first_reply_due`)} when ps.reply_due < ${today} then 0 end)`,
    // lib/overdue.ts replyOverdue.
    replyOverdue: asNumber(sql`ps.status in ${AWAITING_REPLY_STATES} and ps.reply_due is not null and ps.reply_due < ${today}`),
    contacted: asNumber(sql`ps.contact_methods <> ''`),
    metInPerson: asNumber(anyMethod(FACE_TO_FACE_METHODS)),
    resultClass: sql`ps.result_class`,
    published: sql`ps.published`,
  };
}

const sqlValue = (value: unknown): SQL =>
  value === null ? sql`null` : typeof value === "boolean" ? sql.raw(value ? "1" : "0") : sql`${value}`;

function testSql(expression: SQL, test: FactTest<unknown> | { atLeast: number }): SQL {
  // SQLite's `is` with a value other than null is its own; both engines know IS [NOT] DISTINCT FROM.
  if ("is" in test) return sql`(${expression} is not distinct from ${sqlValue(test.is)})`;
  if ("not" in test) return sql`(${expression} is distinct from ${sqlValue(test.not)})`;
  return sql`(${expression} >= ${test.atLeast})`;
}

/** A condition of lib/statistics.ts as an SQL expression that is 1 or 0 (never null). */
function conditionSql(condition: Condition, facts: Awaited<ReturnType<typeof factSql>>): SQL {
  const tests = (Object.keys(condition) as (keyof ConditionFacts)[]).map((fact) =>
    testSql(facts[fact], condition[fact] as FactTest<unknown>),
  );
  return tests.length === 0 ? sql`1` : asNumber(sql.join(tests, sql` and `));
}

/** The receipts (sums of the per-answer columns) whose attitude, or result, passes the predicate. */
function receiptsSql(pick: (pair: { attitude: Satisfaction; result: Satisfaction }) => boolean): SQL {
  const columns = RECEIPT_PAIRS.filter(pick).map((p) => `ps.${p.column}`);
  return sql.raw(`sum(${columns.join(" + ")})`);
}

/** The WHERE clause of the filters over proposal_statistics (aliased ps); `unitKeys`: those lead units only. */
export function statisticsScope(filter: StatisticsFilter & { unitKeys?: readonly UnitKey[] }): SQL {
  const units = filter.unitKeys;
  const isKey = isTrue(sql.identifier("is_key"));
  const conditions = [
    // A few units of a session are read from the units' index (a unit has ~50 rows a session), not the session's.
    ...(filter.sessionId != null ? [sql`${units ? unindexed(sql`ps.session_id`) : sql`ps.session_id`} = ${filter.sessionId}`] : []),
    ...(filter.kind != null ? [sql`ps.session_id in (select id from sessions where kind = ${filter.kind})`] : []),
    ...(filter.unitId != null ? [sql`ps.lead_unit_id = ${filter.unitId}`] : []),
    ...(units ? [unitsCondition(units)] : []),
    // 重点提案: of a few units, looked up row by row; otherwise from their partial index (a few hundred a session).
    ...(filter.keyOnly
      ? [
          units
            ? sql`exists (select 1 from proposals p where p.id = ps.proposal_id and p.${isKey})`
            : sql`ps.proposal_id in (select id from proposals where ${isKey})`,
        ]
      : []),
  ];
  return conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

/** The rows of these lead units (0: none yet), as the units' index reads them. */
function unitsCondition(units: readonly UnitKey[]): SQL {
  const ids = units.filter((key) => key !== 0);
  const parts = [
    ...(ids.length > 0
      ? [
          sql`ps.lead_unit_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        ]
      : []),
    ...(units.includes(0) ? [sql`ps.lead_unit_id is null`] : []),
  ];
  return parts.length > 0 ? sql`(${sql.join(parts, sql` or `)})` : sql`1 = 0`;
}

/** What is counted per lead unit: the counts of lib/statistics.ts, and how many proposals are in each state. */
export type UnitTotals = { counts: Counts; states: Record<ProposalState, number> };

/** What the counts are grouped by: the live lead unit (主办单位) or the proposal's 主题分类. */
export type StatisticsGrouping = "leadUnit" | "category";

const GROUP_KEYS: Record<StatisticsGrouping, SQL> = {
  leadUnit: sql`ps.lead_unit_id`,
  category: sql`(select p.category_id from proposals p where p.id = ps.proposal_id)`,
};

/** The counts per lead unit, or per category (null: none yet), counted in the database. */
export async function statisticsCounts(
  db: Db,
  filter: StatisticsFilter & { unitKeys?: readonly UnitKey[] } = {},
  today = isoDateInChina(new Date()),
  groupBy: StatisticsGrouping = "leadUnit",
): Promise<Map<number | null, UnitTotals>> {
  const facts = factSql(today);
  const names = Object.keys(PROPOSAL_COUNTS) as (keyof typeof PROPOSAL_COUNTS)[];
  const proposalCounts = names.map((name) => sql`sum(${conditionSql(PROPOSAL_COUNTS[name], facts)}) as ${sql.identifier(name)}`);
  const stateCounts = PROPOSAL_STATES.map(
    (state) => sql`sum(${asNumber(sql`ps.status = ${state}`)}) as ${sql.identifier(`state:${state}`)}`,
  );
  const rows = await db.all<{ groupId: number | null } & Counts & Record<`state:${ProposalState}`, number>>(sql`
    select ${GROUP_KEYS[groupBy]} as "groupId", ${sql.join(proposalCounts, sql`, `)},
      ${receiptsSql(() => true)} as receipts,
      ${receiptsSql((p) => SATISFIED_ANSWERS.includes(p.attitude))} as "attitudeSatisfied",
      ${receiptsSql((p) => SATISFIED_ANSWERS.includes(p.result))} as "resultSatisfied",
      ${sql.join(stateCounts, sql`, `)}
    from proposal_statistics ps
    ${statisticsScope(filter)}
    group by 1
  `);
  return new Map(
    rows.map((row) => {
      const counts = noCounts();
      for (const name of Object.keys(counts) as (keyof Counts)[]) counts[name] = row[name];
      const states = Object.fromEntries(PROPOSAL_STATES.map((state) => [state, row[`state:${state}`]])) as Record<ProposalState, number>;
      return [row.groupId, { counts, states }];
    }),
  );
}

/** Counts (as a vector, for summing over sessions) and how many proposals are in each state. */
type Totals = { counts: CountsVector; states: Record<ProposalState, number> };

/** A session's totals per lead unit, and their sum (the proposals without a lead unit included). */
type SessionCounts = { byUnit: Map<number | null, Totals>; sum: Totals };

/** A session's counts as read at its version, with its units' versions (statistics_unit_versions) then. */
type SessionTotals = { version: number; today: string; units: Map<UnitKey, number>; all: SessionCounts; key: SessionCounts };

const noTotals = (): Totals => ({
  counts: countsVector(),
  states: Object.fromEntries(PROPOSAL_STATES.map((state) => [state, 0])) as Record<ProposalState, number>,
});

/**
 * The session's counts kept as vectors, with their sum: a page adds sessions, not each unit of each session. With
 * `kept`, the counts of the units counted again (`recounted`) replace theirs; the others are kept.
 */
function sessionCounts(
  counted: Map<number | null, UnitTotals>,
  kept?: { counts: SessionCounts; recounted: readonly UnitKey[] },
): SessionCounts {
  const byUnit = new Map<number | null, Totals>();
  const recounted = new Set(kept?.recounted);
  kept?.counts.byUnit.forEach((totals, unitId) => {
    if (!recounted.has(unitKeyOf(unitId))) byUnit.set(unitId, totals);
  });
  for (const [unitId, { counts, states }] of counted) byUnit.set(unitId, { counts: countsVector(counts), states });
  const sum = noTotals();
  byUnit.forEach(({ counts, states }) => {
    addCounts(sum.counts, counts);
    for (const state of PROPOSAL_STATES) sum.states[state] += states[state];
  });
  return { byUnit, sum };
}

/** More units changed than this since a session was counted: it is counted again whole. */
const RECOUNT_UNITS_AT_MOST = 20;

/** The versions of a session's units. */
async function unitVersions(db: Db, sessionId: number): Promise<Map<UnitKey, number>> {
  const rows = await db.all<{ unitKey: number; version: number }>(
    sql`select unit_key as "unitKey", version from statistics_unit_versions where session_id = ${sessionId}`,
  );
  return new Map(rows.map((r) => [Number(r.unitKey), Number(r.version)]));
}

/**
 * A session's totals at `version`: from those kept, the units whose version moved counted again (a handler's write
 * moves one unit's), or all of them. The versions are read before the counts: a write in between leaves counts newer
 * than the versions kept with them, and counts them again at the next read.
 */
async function countSession(
  db: Db,
  sessionId: number,
  version: number,
  today: string,
  kept: SessionTotals | undefined,
): Promise<SessionTotals> {
  const units = await unitVersions(db, sessionId);
  const recount = kept && kept.today === today ? [...units].filter(([unit, v]) => kept.units.get(unit) !== v).map(([unit]) => unit) : null;
  const partly = recount !== null && recount.length <= RECOUNT_UNITS_AT_MOST;
  const scope = { sessionId, ...(partly ? { unitKeys: recount } : {}) };
  if (partly && recount.length === 0) return { ...kept!, version };
  const [all, key] = await Promise.all([statisticsCounts(db, scope, today), statisticsCounts(db, { ...scope, keyOnly: true }, today)]);
  return {
    version,
    today,
    units,
    all: sessionCounts(all, partly ? { counts: kept!.all, recounted: recount } : undefined),
    key: sessionCounts(key, partly ? { counts: kept!.key, recounted: recount } : undefined),
  };
}

/** Per database connection: each session's totals by lead unit, all and 重点提案 only, with the version they were read at. */
const totalsCache = new WeakMap<object, Map<number, SessionTotals>>();

/** A session (what its title is written from: lib/format.ts sessionTitle) with its counts under the filters. */
export type SessionUnderFilter = {
  session: { id: number; body: string; term: string; meeting: string };
  all: SessionCounts;
  key: SessionCounts;
};

/**
 * The sessions under the filters (in order of year), each with its totals by lead unit and in all, of all its
 * proposals and of its 重点提案, counted again only for a session whose version changed (or on a new day) since it was
 * last counted. Marking a proposal 重点 rewrites its statistics row (migration 0023), so the version moves then too; of
 * a session whose version moved, only the units whose own version moved are counted again. Under a unit filter a
 * session has that unit only, and its sum is that unit's.
 */
export async function sessionsUnder(db: Db, filter: Omit<StatisticsFilter, "keyOnly">, today: string): Promise<SessionUnderFilter[]> {
  let cache = totalsCache.get(databaseOf(db));
  if (!cache) totalsCache.set(databaseOf(db), (cache = new Map()));
  const sessions = await db.all<SessionUnderFilter["session"] & { version: number }>(sql`
    select s.id as id, s.body as body, s.term as term, s.meeting as meeting, v.version as version
    from sessions s join statistics_versions v on v.session_id = s.id
    where ${filter.sessionId != null ? sql`s.id = ${filter.sessionId}` : sql`1 = 1`} and ${filter.kind != null ? sql`s.kind = ${filter.kind}` : sql`1 = 1`}
    order by s.year, s.id
  `);
  const ofUnit = (counted: SessionCounts): SessionCounts => {
    if (filter.unitId == null) return counted;
    const unit = counted.byUnit.get(filter.unitId);
    return { byUnit: new Map(unit ? [[filter.unitId, unit]] : []), sum: unit ?? noTotals() };
  };
  return await Promise.all(
    sessions.map(async ({ version, ...session }) => {
      let totals = cache.get(session.id);
      if (!totals || totals.version !== version || totals.today !== today) {
        totals = await countSession(db, session.id, version, today, totals);
        cache.set(session.id, totals);
      }
      return { session, all: ofUnit(totals.all), key: ofUnit(totals.key) };
    }),
  );
}

/** The figures in all of the sessions' counts. */
function totalFigures(sessions: readonly SessionCounts[]): Figures {
  const all = countsVector();
  for (const session of sessions) addCounts(all, session.sum.counts);
  return figuresFromCounts(countsOfVector(all));
}

/** The figures in all and per lead unit, ranked as figuresByUnit ranks them; `names`, the units' names by id. */
function figuresByLeadUnit(
  sessions: readonly SessionCounts[],
  names: ReadonlyMap<number, string>,
): { figures: Figures; units: UnitFigures[] } {
  const byUnit = new Map<number, CountsVector>();
  for (const session of sessions)
    session.byUnit.forEach(({ counts }, unitId) => {
      if (unitId === null) return;
      const unit = byUnit.get(unitId);
      if (unit) addCounts(unit, counts);
      else byUnit.set(unitId, counts.slice());
    });
  const units = rankUnits(
    [...byUnit].map(([unitId, counts]) => ({ unitId, unit: names.get(unitId) ?? "", figures: figuresFromCounts(countsOfVector(counts)) })),
  );
  return { figures: totalFigures(sessions), units };
}

const unitNames = async (db: Db) =>
  new Map((await db.all<{ id: number; name: string }>(sql`select id, name from units`)).map((u) => [u.id, u.name]));

/**
 * The statistics page's figures under its filters: in all, and per lead unit (ranked as figuresByUnit
 * ranks them). Equal to computeFigures and figuresByUnit of statisticsFacts under the same filters.
 */
export async function statisticsFigures(
  db: Db,
  filter: StatisticsFilter = {},
  today = isoDateInChina(new Date()),
): Promise<{ figures: Figures; units: UnitFigures[] }> {
  const [sessions, names] = await Promise.all([sessionsUnder(db, filter, today), unitNames(db)]);
  return figuresByLeadUnit(
    sessions.map((s) => (filter.keyOnly ? s.key : s.all)),
    names,
  );
}

/** A session (its title) and how many of its proposals under the filters are in each state, zero included. */
export type SessionStates = { sessionId: number; session: string; states: Record<ProposalState, number> };

/**
 * Everything the statistics page counts under its filters, from one reading of the sessions' versions: the figures in
 * all and per lead unit, those of the 重点提案, and the sessions with proposals, oldest first, by state.
 */
export async function statisticsOverview(
  db: Db,
  filter: Omit<StatisticsFilter, "keyOnly">,
  today = isoDateInChina(new Date()),
): Promise<{ figures: Figures; units: UnitFigures[]; key: Figures; sessions: SessionStates[] }> {
  const [sessions, names] = await Promise.all([sessionsUnder(db, filter, today), unitNames(db)]);
  return {
    ...figuresByLeadUnit(
      sessions.map((s) => s.all),
      names,
    ),
    key: totalFigures(sessions.map((s) => s.key)),
    sessions: sessions
      .filter((s) => s.all.byUnit.size > 0)
      .map(({ session, all }) => ({ sessionId: session.id, session: sessionTitle(session), states: { ...all.sum.states } })),
  };
}

/**
 * The figures per 主题分类 under the filters, counted as the statistics page counts its figures
 * (statisticsCounts, figuresFromCounts): the categories in their order, those without proposals left
 * out, the proposals without a category last.
 */
export async function statisticsByCategory(
  db: Db,
  filter: StatisticsFilter = {},
  today = isoDateInChina(new Date()),
): Promise<CategoryFigures[]> {
  const counted = await statisticsCounts(db, filter, today, "category");
  const categories = await db.all<{ id: number; name: string }>(sql`select id, name from categories order by sort_order, id`);
  const named = categories.flatMap((c) => {
    const totals = counted.get(c.id);
    return totals ? [{ categoryId: c.id, category: c.name, figures: figuresFromCounts(totals.counts) }] : [];
  });
  const none = counted.get(null);
  return none ? [...named, { categoryId: null, category: null, figures: figuresFromCounts(none.counts) }] : named;
}

type FactsRow = {
  id: number;
  status: ProposalState;
  round: number;
  leadUnitId: number | null;
  leadUnit: string | null;
  acceptedOnTime: number | null;
  replied: number;
  repliedOnTime: number | null;
  replyOverdue: number;
  contacted: number;
  metInPerson: number;
  resultClass: ResultClass | null;
  published: number;
} & Record<ReceiptColumn, number>;

/** Each proposal's facts, one by one (for checks and for computeFigures). */
export async function statisticsFacts(db: Db, filter: StatisticsFilter = {}, today = isoDateInChina(new Date())): Promise<ProposalFacts[]> {
  const facts = factSql(today);
  const columns = (Object.keys(facts) as (keyof ConditionFacts)[]).map((name) => sql`${facts[name]} as ${sql.identifier(name)}`);
  const rows = await db.all<FactsRow>(sql`
    select ps.proposal_id as id, ps.lead_unit_id as "leadUnitId", u.name as "leadUnit", ${sql.join(columns, sql`, `)},
      ${sql.raw(RECEIPT_PAIRS.map((p) => `ps.${p.column}`).join(", "))}
    from proposal_statistics ps left join units u on u.id = ps.lead_unit_id
    ${statisticsScope(filter)}
    order by ps.proposal_id
  `);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    round: r.round,
    leadUnitId: r.leadUnitId,
    leadUnit: r.leadUnit,
    acceptedOnTime: r.acceptedOnTime === null ? null : r.acceptedOnTime === 1,
    replied: r.replied === 1,
    repliedOnTime: r.repliedOnTime === null ? null : r.repliedOnTime === 1,
    replyOverdue: r.replyOverdue === 1,
    contacted: r.contacted === 1,
    metInPerson: r.metInPerson === 1,
    resultClass: r.resultClass,
    published: r.published === 1,
    receipts: RECEIPT_PAIRS.flatMap(({ attitude, result, column }) => Array.from({ length: r[column] }, () => ({ attitude, result }))),
  }));
}
