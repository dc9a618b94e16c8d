/**
 * The statement plans of the write paths (issue #22), as query-plans.test.ts guards the reads, on the same
 * data (the demo, a few thousand generated proposals, ANALYZE): every statement of every trigger — read by
 * EXPLAIN QUERY PLAN with the written row's NEW and OLD values as parameters, the views it reads unfolded —
 * and every statement the write use cases run (登记, 交办, 签收, 沟通, 保存草稿, 提交审签, 同意签发, 发布,
 * 导入交办清单) must not read a big table in full. A trigger runs for every row written: one that scanned
 * would make each write cost more as the tables grow. SHOW_PLANS=1 prints the triggers' plans.
 */
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { addContact, saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { importAssignmentList } from "@/db/handling/import";
import { decideReplyPublication } from "@/db/handling/publication";
import { approveReply } from "@/db/handling/sign-off";
import { IMPORT_COLUMNS } from "@/lib/import/columns";
import { demoDatabase, ok, SAMPLE_DRAFT } from "./demo-db";
import { fullScans, generate, type Statement } from "./plan-checks";
import { sqliteOf } from "./temp-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
let sqlite: Database.Database;

beforeAll(async () => {
  t = await demoDatabase();
  sqlite = sqliteOf(t.db);
  await generate(sqlite, 3000);
}, 120_000);

afterAll(() => t?.cleanup());

type Trigger = { name: string; table: string; sql: string };

/** The statements between a trigger's BEGIN and END, each with NEW.x and OLD.x as parameters. */
function triggerStatements(sql: string): Statement[] {
  const body = /\bBEGIN\b([\s\S]*)\bEND\s*;?\s*$/i.exec(sql)?.[1];
  if (body === undefined) throw new Error(`not a trigger: ${sql.slice(0, 80)}`);
  return body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      const params: unknown[] = [];
      const text = s.replace(/\b(?:NEW|OLD)\.[`"]?\w+[`"]?/gi, () => {
        params.push(1);
        return "?";
      });
      return { sql: text, params };
    });
}

/** Every statement the prepared statements of `sqlite`'s process run while `work` runs, with its parameters. */
async function recorded(work: () => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const prototype = Object.getPrototypeOf(sqlite.prepare("select 1")) as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = prototype[method]!;
    originals.set(method, original);
    prototype[method] = function (this: Database.Statement, ...args: unknown[]) {
      statements.push({ sql: this.source, params: args });
      return original.apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    for (const [method, original] of originals) prototype[method] = original;
  }
  return statements;
}

/**
 * The tables whose foreign keys point at `table`. The plan of an insert into a parent table shows a scan
 * of such a child table (fkScanChildren), but SQLite runs it only while a foreign key violation is
 * outstanding (OP_FkIfZero skips it otherwise), which a consistent database never has between statements.
 */
function referencing(table: string | undefined): Set<string> {
  const children = new Set<string>();
  if (!table) return children;
  for (const child of sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]) {
    const keys = sqlite.prepare('select "table" from pragma_foreign_key_list(?)').pluck().all(child) as string[];
    if (keys.includes(table)) children.add(child);
  }
  return children;
}

describe("statement plans of the writes", () => {
  it("no trigger reads a big table in full", () => {
    const triggers = sqlite
      .prepare("select name, tbl_name as \"table\", sql from sqlite_master where type = 'trigger' order by name")
      .all() as Trigger[];
    const views = (sqlite.prepare("select sql from sqlite_master where type = 'view'").pluck().all() as string[]).join("\n");
    expect(triggers.length).toBeGreaterThanOrEqual(40);
    const failures: string[] = [];
    let checked = 0;
    for (const trigger of triggers) {
      for (const statement of triggerStatements(trigger.sql)) {
        // The append-only guards raise an error and read nothing.
        if (/^SELECT RAISE\(/i.test(statement.sql)) continue;
        checked++;
        if (process.env.SHOW_PLANS)
          console.log(
            `${trigger.name}\n  ${statement.sql.replace(/\s+/g, " ").slice(0, 160)}\n${(
              sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { detail: string }[]
            )
              .map((r) => `    ${r.detail}`)
              .join("\n")}`,
          );
        for (const problem of fullScans(sqlite, statement, views))
          failures.push(`${trigger.name} (on ${trigger.table}): ${problem}\n    ${statement.sql.replace(/\s+/g, " ").slice(0, 200)}`);
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  });

  it("would notice a trigger that scans", () => {
    sqlite.exec("SAVEPOINT scanning_trigger");
    try {
      sqlite.exec(`CREATE TRIGGER scanning_trigger AFTER INSERT ON events BEGIN
  UPDATE notifications SET read_at = NEW.created_at WHERE message = NEW.comment;
END`);
      const sql = sqlite.prepare("select sql from sqlite_master where name = 'scanning_trigger'").pluck().get() as string;
      const problems = triggerStatements(sql).flatMap((s) => fullScans(sqlite, s));
      expect(problems.join("\n")).toMatch(/SCAN notifications: full scan of a big table/);
    } finally {
      sqlite.exec("ROLLBACK TO scanning_trigger; RELEASE scanning_trigger");
    }
  });

  it("the use cases' own statements read no big table in full", async () => {
    const coordinator = await t.user("coordinator");
    const handler = await t.user("jiangmj");
    const director = await t.user("dengmj");
    const unit = await t.unit("重庆高新区科技创新局");
    const sessionId = await t.session("第二次会议");
    const cases: [string, () => Promise<unknown>][] = [];
    let id = 0;
    cases.push(["登记提案", async () => (id = ok(await t.register(9001)).id)]);
    cases.push(["交办", async () => ok(await assignProposal(t.db, coordinator, id, { leadUnitId: unit, coUnitIds: [] }))]);
    cases.push(["签收", async () => ok(await acceptAssignment(t.db, handler, id, unit))]);
    cases.push([
      "添加沟通记录",
      async () =>
        ok(
          await addContact(t.db, handler, id, { contactedOn: "2026-06-15", method: "phone", participants: "蒋明杰", summary: "电话沟通" }),
        ),
    ]);
    cases.push(["保存草稿", async () => ok(await saveDraft(t.db, handler, id, SAMPLE_DRAFT, { basedOn: null }))]);
    cases.push([
      "保存草稿（第二稿）",
      async () => ok(await saveDraft(t.db, handler, id, { ...SAMPLE_DRAFT, body: `${SAMPLE_DRAFT.body}\n\n补充。` })),
    ]);
    cases.push(["提交审签", async () => ok(await submitForSignOff(t.db, handler, id))]);
    cases.push(["同意签发", async () => ok(await approveReply(t.db, director, id, null))]);
    cases.push(["发布", async () => ok(await decideReplyPublication(t.db, coordinator, id, { type: "publish" }))]);
    cases.push([
      "导入交办清单",
      async () => {
        const header = IMPORT_COLUMNS.map((c) => c.header);
        const row = (n: number) =>
          IMPORT_COLUMNS.map(
            (c) =>
              ({
                number: String(n),
                title: `关于导入第${n}件的建议`,
                proposer: "刘新荣",
                coSigners: "",
                category: "科技、教育",
                leadUnit: "重庆高新区科技创新局",
                coUnits: "",
                body: "正文。",
                receivedOn: "2026-06-10",
              })[c.key],
          );
        const result = await importAssignmentList(t.db, coordinator, {
          sessionId,
          fileName: "plans.xlsx",
          rows: [header, row(9101), row(9102)],
        });
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
      },
    ]);
    const failures: string[] = [];
    let checked = 0;
    for (const [name, work] of cases) {
      const statements = await recorded(work);
      expect(statements.length, name).toBeGreaterThan(0);
      for (const statement of statements) {
        checked++;
        const children = referencing(/^\s*insert\s+into\s+["`]?(\w+)/i.exec(statement.sql)?.[1]);
        for (const problem of fullScans(sqlite, statement).filter((p) => !children.has(/^SCAN (\w+)/.exec(p)?.[1] ?? "")))
          failures.push(`${name}: ${problem}\n    ${statement.sql.replace(/\s+/g, " ").slice(0, 200)}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
