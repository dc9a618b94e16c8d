/**
 * 导入交办清单 on a real SQLite file with the demo's reference data: a generated .xlsx of 20 rows
 * registers and assigns 20 proposals; one bad row, or a failure half-way, leaves the database as it was.
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/demo";
import { importAssignmentList } from "@/db/handling/import";
import { assignments, categories, events, notifications, proposalSigners, proposals, sessions, units, users } from "@/db/schema";
import { DEFAULT_DEADLINES } from "@/lib/deadline-rules";
import { dueDate } from "@/lib/deadlines";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import { IMPORT_COLUMNS } from "@/lib/import/columns";
import { readSheetRows } from "@/lib/import/workbook";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { failInserts } from "./fail-inserts";
import { tempDatabase } from "./temp-db";

const TODAY = "2026-06-15";
const CO_UNITS = ["高新区党群工作部", "重庆高新区创新服务中心", "高新区政务服务和社会事务中心"];

let db: Db;
let cleanup: () => void;
let coordinator: WorkflowActor;
let sessionId: number;

beforeEach(async () => {
  ({ db, cleanup } = await tempDatabase());
  await seedDemo(db, { today: TODAY });
  const user = (await db.select().from(users).where(eq(users.username, "coordinator")).get())!;
  coordinator = { id: user.id, role: user.role, unitId: user.unitId };
  sessionId = (await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.term, "第十一届"), eq(sessions.meeting, "第二次会议")))
    .get())!.id;
});

afterEach(() => cleanup());

type Cells = Partial<Record<(typeof IMPORT_COLUMNS)[number]["key"], string>>;

/** Twenty rows with proposers old and new, 0–3 co-signers and 0–3 co-handling units, by full and short names. */
function twentyRows(firstNumber: number): Cells[] {
  const proposers = ["刘新荣", "李晓燕", "王海涛", "新委员甲"];
  const leads = ["重庆高新区科技创新局", "高新区建设局", "高新区生态环境局", "重庆高新区社会事业局"];
  return Array.from({ length: 20 }, (_, i) => ({
    number: String(firstNumber + i),
    title: `关于导入测试第${i + 1}件的建议`,
    proposer: proposers[i % proposers.length],
    coSigners: ["", "陈静", "陈静、杨帆", "杨帆，新委员乙 赵德明"][i % 4],
    category: ["科技、教育", "城乡建设", ""][i % 3],
    leadUnit: leads[i % leads.length],
    coUnits: CO_UNITS.slice(0, i % 4).join("、"),
    body: i % 2 === 0 ? `第${i + 1}件的正文。` : "",
    receivedOn: i % 5 === 0 ? "" : `2026-01-${String(10 + (i % 9)).padStart(2, "0")}`,
  }));
}

/** The rows as an .xlsx file made with exceljs, read back the way the upload is. */
async function sheetFrom(rows: Cells[]): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("交办清单");
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? ""));
  const read = await readSheetRows(new Uint8Array(await workbook.xlsx.writeBuffer()));
  if (!read.ok) throw new Error(read.message);
  return read.rows;
}

/** Row counts of every table an import writes to. */
async function counts() {
  const n = async (
    table: typeof proposals | typeof users | typeof assignments | typeof events | typeof notifications | typeof proposalSigners,
  ) => (await db.select({ n: count() }).from(table).get())!.n;
  return {
    proposals: await n(proposals),
    users: await n(users),
    assignments: await n(assignments),
    events: await n(events),
    notifications: await n(notifications),
    signers: await n(proposalSigners),
  };
}

describe("导入交办清单", () => {
  it("registers and assigns every row of a 20-row file, with lead and co units and their deadlines", async () => {
    const before = await counts();
    const rows = twentyRows(601);
    const result = await importAssignmentList(
      db,
      coordinator,
      { sessionId, fileName: "交办清单.xlsx", rows: await sheetFrom(rows) },
      TODAY,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.proposals.map((p) => p.number)).toEqual(rows.map((r) => Number(r.number)));
    expect(result.newMembers).toEqual(["新委员甲", "新委员乙"]);
    expect((await counts()).proposals - before.proposals).toBe(20);
    expect((await counts()).users - before.users).toBe(2);

    const unitIds = new Map((await db.select().from(units).all()).flatMap((u) => [[u.name, u.id] as const, [u.shortName, u.id] as const]));
    const categoryIds = new Map((await db.select().from(categories).all()).map((c) => [c.name, c.id]));
    const memberIds = new Map((await db.select().from(users).where(eq(users.role, "member")).all()).map((u) => [u.displayName, u.id]));
    const replyDue = dueDate(PACKAGE_CALENDAR, TODAY, DEFAULT_DEADLINES.reply);
    const coDue = dueDate(PACKAGE_CALENDAR, TODAY, DEFAULT_DEADLINES.coOpinion);
    const acceptDue = dueDate(PACKAGE_CALENDAR, TODAY, DEFAULT_DEADLINES.accept);

    for (const [i, imported] of result.proposals.entries()) {
      const row = rows[i]!;
      const p = (await db.select().from(proposals).where(eq(proposals.id, imported.id)).get())!;
      expect(p).toMatchObject({
        sessionId,
        number: Number(row.number),
        title: row.title,
        body: row.body || row.title,
        categoryId: row.category ? categoryIds.get(row.category) : null,
        receivedOn: row.receivedOn || TODAY,
        status: "assigned",
        assignedOn: TODAY,
        registeredBy: coordinator.id,
      });
      const parts = await db.select().from(assignments).where(eq(assignments.proposalId, p.id)).orderBy(asc(assignments.id)).all();
      const coNames = row.coUnits ? row.coUnits.split("、") : [];
      expect(parts.map((a) => [a.unitId, a.role, a.status, a.assignedOn, a.acceptDue, a.due])).toEqual([
        [unitIds.get(row.leadUnit!), "lead", "pending", TODAY, acceptDue, replyDue],
        ...coNames.map((name) => [unitIds.get(name), "co", "pending", TODAY, acceptDue, coDue]),
      ]);
      const signers = await db
        .select()
        .from(proposalSigners)
        .where(eq(proposalSigners.proposalId, p.id))
        .orderBy(asc(proposalSigners.position))
        .all();
      const coSignerNames = row.coSigners ? row.coSigners.split(/[、，\s]/) : [];
      expect(signers.map((s) => [s.userId, s.role])).toEqual([
        [memberIds.get(row.proposer!), "lead"],
        ...coSignerNames.map((name) => [memberIds.get(name), "cosigner"]),
      ]);
      const log = await db.select().from(events).where(eq(events.proposalId, p.id)).orderBy(asc(events.id)).all();
      expect(log.map((e) => [e.action, e.fromState, e.toState])).toEqual([
        ["register", null, "registered"],
        ["assign", "registered", "assigned"],
      ]);
      expect(log[0]!.comment).toBe(`导入交办清单“交办清单.xlsx”第 ${i + 2} 行`);
    }

    const created = await db
      .select()
      .from(users)
      .where(inArray(users.displayName, ["新委员甲", "新委员乙"]))
      .all();
    expect(created.map((u) => [u.role, u.passwordHash])).toEqual([
      ["member", null],
      ["member", null],
    ]);
    const importEvent = (await db.select().from(events).where(eq(events.action, "import")).get())!;
    expect(importEvent).toMatchObject({
      proposalId: null,
      actorId: coordinator.id,
      comment: "导入交办清单“交办清单.xlsx”：20 件，均已交办",
    });
    expect(importEvent.data).toMatchObject({ sessionId, proposalIds: result.proposals.map((p) => p.id) });
    // Every assigned unit's handlers hear about it (科技创新局 has three).
    const handlersOf = async (name: string) =>
      (
        await db
          .select()
          .from(users)
          .where(and(eq(users.unitId, unitIds.get(name)!), eq(users.role, "handler")))
          .all()
      ).length;
    let told = 0;
    for (const r of rows) for (const unit of [r.leadUnit!, ...(r.coUnits ? r.coUnits.split("、") : [])]) told += await handlersOf(unit);
    expect((await counts()).notifications - before.notifications).toBe(told);
  });

  it("writes nothing when one row is bad, and says which row and column", async () => {
    const before = await counts();
    const rows = twentyRows(701);
    rows[6] = { ...rows[6]!, leadUnit: "高新区不存在局" };
    const result = await importAssignmentList(db, coordinator, { sessionId, fileName: "有错.xlsx", rows: await sheetFrom(rows) }, TODAY);
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 8, column: "主办单位", message: "未找到单位“高新区不存在局”，请填写系统中的单位全称或简称" }],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses numbers the session already has", async () => {
    const taken = (await db.select().from(proposals).where(eq(proposals.sessionId, sessionId)).get())!.number;
    const rows = twentyRows(801);
    rows[19] = { ...rows[19]!, number: String(taken) };
    const result = await importAssignmentList(db, coordinator, { sessionId, fileName: "重号.xlsx", rows: await sheetFrom(rows) }, TODAY);
    expect(result).toEqual({ ok: false, errors: [{ row: 21, column: "编号", message: `本届次会议已有第${taken}号提案` }] });
  });

  it("refuses an inactive session", async () => {
    await db.update(sessions).set({ active: false }).where(eq(sessions.id, sessionId)).run();
    const result = await importAssignmentList(
      db,
      coordinator,
      { sessionId, fileName: "a.xlsx", rows: await sheetFrom(twentyRows(901)) },
      TODAY,
    );
    expect(result).toEqual({ ok: false, errors: [{ row: null, column: null, message: "请选择启用中的届次会议" }] });
  });

  it("rolls everything back when the database fails half-way through", async () => {
    const before = await counts();
    // The 11th proposal cannot be inserted: the ten before it, their assignments, events, notifications
    // and the new members were already written inside the transaction.
    const repair = await failInserts(db, "proposals", "new.number = 611");
    const rows = await sheetFrom(twentyRows(601));
    await expect((async () => importAssignmentList(db, coordinator, { sessionId, fileName: "中断.xlsx", rows }, TODAY))()).rejects.toThrow(
      /simulated failure/,
    );
    expect(await counts()).toEqual(before);
    expect(await db.select().from(users).where(eq(users.displayName, "新委员甲")).all()).toEqual([]);

    // Nothing is left half-done: the same file imports completely once the fault is gone.
    await repair();
    const retry = await importAssignmentList(db, coordinator, { sessionId, fileName: "中断.xlsx", rows }, TODAY);
    expect(retry.ok && retry.proposals.length).toBe(20);
  });

  it("rolls back the rows already written when the workflow refuses to assign one", async () => {
    const before = await counts();
    const handler = (await db.select().from(users).where(eq(users.username, "jiangmj")).get())!;
    const result = await importAssignmentList(
      db,
      { id: handler.id, role: handler.role, unitId: handler.unitId },
      { sessionId, fileName: "越权.xlsx", rows: await sheetFrom(twentyRows(601)) },
      TODAY,
    );
    expect(result).toEqual({ ok: false, errors: [{ row: 2, column: null, message: "交办未能完成：只有交办单位可以执行此操作" }] });
    expect(await counts()).toEqual(before);
  });
});
