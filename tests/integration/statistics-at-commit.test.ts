/**
 * A proposal's statistics row after a transaction that writes several of its facts (导入交办清单: the proposal, its
 * lead and co assignments, its status): the row the view computes from all of them, on both engines. On PostgreSQL it
 * is written once, at the commit (migration 0011), so the session's statistics version moves once per proposal; it was
 * written at every write of a fact, 4,300 times for an import of 1,000 rows (the import's 8.9 s → 5.4 s).
 */
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { databaseEngine } from "@/db/engine";
import { importAssignmentList } from "@/db/handling/import";
import { proposalStatistics, statisticsVersions } from "@/db/schema";
import { IMPORT_COLUMNS } from "@/lib/import/columns";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(() => t?.cleanup());

type Cells = Partial<Record<(typeof IMPORT_COLUMNS)[number]["key"], string>>;
const sheet = (rows: Cells[]) => [IMPORT_COLUMNS.map((c) => c.header), ...rows.map((r) => IMPORT_COLUMNS.map((c) => r[c.key] ?? ""))];

it("writes each imported proposal's statistics row from all its facts; on PostgreSQL once, at the commit", async () => {
  const sessionId = await t.session("第二次会议");
  const version = async () =>
    (await t.db.select().from(statisticsVersions).where(eq(statisticsVersions.sessionId, sessionId)).get())?.version ?? 0;
  const before = await version();
  const rows: Cells[] = [701, 702, 703].map((number) => ({
    number: String(number),
    title: `关于统计行写入时机的建议${number}`,
    proposer: "刘新荣",
    leadUnit: "高新区建设局",
    coUnits: "高新区党群工作部、重庆高新区创新服务中心",
    body: "正文。",
  }));
  const coordinator = await t.user("coordinator");
  const result = await importAssignmentList(t.db, coordinator, { sessionId, fileName: "交办清单.xlsx", rows: sheet(rows) }, DEMO_TODAY);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const ids = result.proposals.map((p) => p.id);

  const stored = await t.db.select().from(proposalStatistics).where(inArray(proposalStatistics.proposalId, ids)).all();
  const computed = await t.db.all<{ proposal_id: number; status: string; lead_unit_id: number | null; reply_due: string | null }>(
    sql`select proposal_id, status, lead_unit_id, reply_due from proposal_statistics_source where proposal_id in (${sql.join(ids, sql`, `)}) order by proposal_id`,
  );
  expect(computed.map((r) => [r.proposal_id, r.status])).toEqual(ids.map((id) => [id, "assigned"]));
  expect(
    stored
      .sort((a, b) => a.proposalId - b.proposalId)
      .map((r) => ({ proposal_id: r.proposalId, status: r.status, lead_unit_id: r.leadUnitId, reply_due: r.replyDue })),
  ).toEqual(computed.map((r) => ({ ...r, proposal_id: Number(r.proposal_id), lead_unit_id: Number(r.lead_unit_id) })));

  // SQLite writes the row again at every fact (deleted and inserted: two moves each); PostgreSQL once per proposal.
  if (databaseEngine() === "postgresql") expect(await version()).toBe(before + ids.length);
  else expect(await version()).toBeGreaterThan(before + ids.length);
});
