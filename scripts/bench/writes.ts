/**
 * What writing costs as the database grows (issue #22): the same writes, through the use cases, on a
 * fresh copy of each database given — 导入交办清单 of `--rows` proposals (one transaction, as the import
 * page runs it), and `--ops` each of 保存草稿 (a 2,500-character letter), 同意签发 and 发布, each its own
 * transaction as a request runs it (the median and the slowest are reported). The copies are made in the
 * temporary directory and deleted; the databases given are only read.
 *
 *   tsx scripts/bench/writes.ts data/bench-small.db data/bench-100k-v2.m-….db [--rows 1000] [--ops 20]
 *   tsx scripts/bench/writes.ts --engine postgresql [--pg SERVER] <database> <database> …   (each copied: CREATE DATABASE … TEMPLATE)
 * On PostgreSQL the CPU time is this process's only (the database server's is not in it): the wall clock is the figure.
 *
 * Both databases should come from the bench generator (scripts/bench/generate.ts, `--proposals 1000` for
 * the small one): the same units, people and sessions, so the import's rows and the acts are the same.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, asc, desc, eq, max, ne, sql } from "drizzle-orm";
import { closeDatabase, type Db, openDatabase } from "@/db/client";
import { openPostgres } from "@/db/postgres";
import { atInstant } from "@/db/clock";
import { Rng } from "@/db/demo/random";
import { TOPICS } from "@/db/demo/topics";
import { saveDraft } from "@/db/handling/drafting";
import { importAssignmentList } from "@/db/handling/import";
import { decideReplyPublication } from "@/db/handling/publication";
import { approveReply, type Signer } from "@/db/handling/sign-off";
import { assignments, pendingPublications, proposals, replies, replyDrafts, sessions, units, users } from "@/db/schema";
import { IMPORT_COLUMNS } from "@/lib/import/columns";
import { defaultPgServer } from "../lib/create-database";
import { freshPostgresCopy } from "./postgres";
import { StatementTimes } from "./statement-times";

/** When the writes happen: the day after the bench data's "today", in office hours. */
const AT = new Date("2026-06-16T10:00:00+08:00");
const SEED = 0x2222;
/** Signs the receipt links a sign-off issues when AUTH_SECRET is not set (as the generator does). */
const RECEIPT_LINK_KEY = "bench-writes-receipt-links-0123456789abcdef";

export type WriteTimes = {
  database: string;
  proposals: number;
  /** Seconds for the whole import: CPU time, and wall-clock time. */
  importSeconds: number;
  importWallSeconds: number;
  importRows: number;
  draftSave: OpTimes;
  signOff: OpTimes;
  publication: OpTimes;
};
/** Milliseconds per call: CPU time (median and slowest) and wall-clock time (median). */
export type OpTimes = { n: number; median: number; max: number; wallMedian: number; refused: number };

function log(message: string) {
  process.stdout.write(`[writes] ${message}\n`);
}

function summary(ms: number[], wall: number[], refused: number): OpTimes {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
  return { n: sorted.length, median: round(median(ms)), max: round(sorted.at(-1) ?? 0), wallMedian: round(median(wall)), refused };
}

/** The work's result and its time in ms: the process's CPU time (user and system), which other processes on the machine do not inflate, and the wall-clock time. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await work();
  const c = process.cpuUsage(c0);
  return [result, (c.user + c.system) / 1000, performance.now() - t0];
}

/** The import's sheet: a header and `rows` proposals of the session, with the demo's topics' texts. */
async function importSheet(db: Db, sessionId: number, rows: number): Promise<string[][]> {
  const rng = new Rng(SEED);
  const last =
    (
      await db
        .select({ n: max(proposals.number) })
        .from(proposals)
        .where(eq(proposals.sessionId, sessionId))
        .get()
    )?.n ?? 0;
  const unitNames = (await db.select({ name: units.name }).from(units).orderBy(asc(units.id)).all()).map((u) => u.name);
  // Names that one member alone bears (the import refuses a name it cannot tell apart).
  const named = new Map<string, number>();
  for (const m of await db.select({ name: users.displayName }).from(users).where(eq(users.role, "member")).orderBy(asc(users.id)).all())
    named.set(m.name, (named.get(m.name) ?? 0) + 1);
  const members = [...named]
    .filter(([, k]) => k === 1)
    .map(([name]) => name)
    .slice(0, 300);
  const topics = Object.values(TOPICS);
  const sheet: string[][] = [IMPORT_COLUMNS.map((c) => c.header)];
  for (let i = 0; i < rows; i++) {
    const t = rng.pick(topics);
    const [lead, ...co] = rng.sample(unitNames, rng.int(1, 3));
    const body = [t.background, ...t.problems, ...t.suggestions.flat(), ...t.done, ...t.next].join("\n");
    const cells: Record<(typeof IMPORT_COLUMNS)[number]["key"], string> = {
      number: String(last + 1 + i),
      title: `${t.title.replace(/的建议$/, "")}（第${i + 1}件）的建议`,
      proposer: rng.pick(members),
      coSigners: rng.sample(members, rng.int(0, 3)).join("、"),
      category: t.category,
      leadUnit: lead!,
      coUnits: co.join("、"),
      body,
      receivedOn: "2026-06-10",
    };
    sheet.push(IMPORT_COLUMNS.map((c) => cells[c.key]));
  }
  return sheet;
}

/** A letter of about 2,500 characters, different for each call. */
function letter(n: number): string {
  const topics = Object.values(TOPICS);
  const parts: string[] = [];
  for (let i = 0; parts.join("").length < 2500; i++) {
    const t = topics[(n + i) % topics.length]!;
    parts.push(`${t.background}${t.done.join("；")}。${t.next.join("；")}。`);
  }
  return `（第${n}稿）${parts.join("\n\n")}`.slice(0, 2500);
}

async function measure(db: Db, label: string, rows: number, ops: number, profile: StatementTimes | null): Promise<WriteTimes> {
  const count = async (table: typeof proposals) => (await db.select({ n: sql<number>`count(*)` }).from(table).get())!.n;
  const n = await count(proposals);
  const coordinator = (await db.select().from(users).where(eq(users.username, "coordinator")).get())!;
  const coordinatorActor = { id: coordinator.id, role: coordinator.role, unitId: coordinator.unitId };
  const session = (await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.year, 2026), eq(sessions.kind, "proposal"), eq(sessions.active, true)))
    .get())!;

  // 导入交办清单: one transaction of `rows` proposals, each registered and assigned.
  const sheet = await importSheet(db, session.id, rows);
  const [imported, importMs, importWallMs] = await timed(() =>
    atInstant(AT, () =>
      importAssignmentList(db, coordinatorActor, { sessionId: session.id, fileName: "bench.xlsx", rows: sheet }, "2026-06-16"),
    ),
  );
  if (!imported.ok) throw new Error(`import refused: ${JSON.stringify(imported.errors.slice(0, 3))}`);
  log(`${label}: 导入 ${rows} 件 CPU ${(importMs / 1000).toFixed(2)} 秒（墙钟 ${(importWallMs / 1000).toFixed(2)} 秒）`);
  if (profile) for (const line of profile.report()) log(`  ${line}`);

  // 保存草稿 by the lead unit's handler, on proposals in handling (the oldest assignments of the year's sessions first).
  const handling = await db
    .select({ id: proposals.id, handlerId: assignments.handlerId, assigneeId: assignments.assigneeId })
    .from(proposals)
    .innerJoin(assignments, and(eq(assignments.proposalId, proposals.id), eq(assignments.role, "lead"), eq(assignments.status, "accepted")))
    .where(eq(proposals.status, "handling"))
    .orderBy(asc(proposals.id))
    .limit(ops)
    .all();
  const draftMs: number[] = [];
  const draftWall: number[] = [];
  let draftRefused = 0;
  for (const [i, p] of handling.entries()) {
    const who = (await db
      .select()
      .from(users)
      .where(eq(users.id, p.assigneeId ?? p.handlerId!))
      .get())!;
    const input = {
      body: letter(i),
      resultClass: "B" as const,
      contactPerson: who.displayName,
      contactPhone: "023-68000000",
      disclosure: "full" as const,
      disclosureSummary: null,
      disclosureReason: null,
    };
    const [result, ms, wall] = await timed(() =>
      atInstant(AT, () => saveDraft(db, { id: who.id, role: who.role, unitId: who.unitId }, p.id, input)),
    );
    if (result.ok) draftMs.push(ms) && draftWall.push(wall);
    else draftRefused++;
  }

  // 同意签发 by the lead unit's director, on proposals in review.
  const inReview = await db
    .select({ id: proposals.id, unitId: assignments.unitId })
    .from(proposals)
    .innerJoin(assignments, and(eq(assignments.proposalId, proposals.id), eq(assignments.role, "lead"), eq(assignments.status, "accepted")))
    .where(and(eq(proposals.status, "in_review"), eq(proposals.reviewStage, "director")))
    .orderBy(asc(proposals.id))
    .limit(ops)
    .all();
  const signMs: number[] = [];
  const signWall: number[] = [];
  let signRefused = 0;
  for (const p of inReview) {
    const d = await db
      .select()
      .from(users)
      .where(and(eq(users.unitId, p.unitId), eq(users.role, "director"), eq(users.disabled, false)))
      .get();
    if (!d) {
      signRefused++;
      continue;
    }
    const signer: Signer = { id: d.id, role: d.role, unitId: d.unitId, displayName: d.displayName, title: d.title };
    const [result, ms, wall] = await timed(() => atInstant(AT, () => approveReply(db, signer, p.id, null)));
    if (result.ok) signMs.push(ms) && signWall.push(wall);
    else signRefused++;
  }

  // 发布 by the coordinator, of the latest signed replies waiting for a decision (those just signed among them).
  const waiting = await db
    .select({ proposalId: replies.proposalId, replyId: replies.id })
    .from(pendingPublications)
    .innerJoin(replies, eq(replies.id, pendingPublications.replyId))
    .innerJoin(proposals, and(eq(proposals.id, replies.proposalId), eq(proposals.round, replies.round)))
    .innerJoin(replyDrafts, eq(replyDrafts.id, replies.draftId))
    .where(ne(replyDrafts.disclosure, "none"))
    .orderBy(desc(replies.id))
    .limit(ops)
    .all();
  const publishMs: number[] = [];
  const publishWall: number[] = [];
  let publishRefused = 0;
  for (const w of waiting) {
    const [result, ms, wall] = await timed(() =>
      atInstant(AT, () =>
        decideReplyPublication(db, coordinatorActor, w.proposalId, { type: "publish" }, { replyId: w.replyId, today: "2026-06-16" }),
      ),
    );
    if (result.ok) publishMs.push(ms) && publishWall.push(wall);
    else publishRefused++;
  }
  return {
    database: label,
    proposals: n,
    importSeconds: Math.round(importMs) / 1000,
    importWallSeconds: Math.round(importWallMs) / 1000,
    importRows: rows,
    draftSave: summary(draftMs, draftWall, draftRefused),
    signOff: summary(signMs, signWall, signRefused),
    publication: summary(publishMs, publishWall, publishRefused),
  };
}

/** Measures the writes on a fresh copy of the SQLite file `source` (deleted afterwards). */
export async function measureSqlite(
  source: string,
  rows: number,
  ops: number,
  profile = false,
  label = path.basename(source),
): Promise<WriteTimes> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-writes-"));
  const file = path.join(dir, "copy.db");
  try {
    fs.copyFileSync(source, file);
    // On disk before the clock starts: else the first checkpoint's fsync writes the whole copy back.
    const fd = fs.openSync(file, "r+");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    const db = openDatabase(file);
    try {
      return await measure(db, label, rows, ops, profile ? new StatementTimes(db.$client) : null);
    } finally {
      await closeDatabase(db);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Measures the writes on a fresh copy (CREATE DATABASE … TEMPLATE, dropped afterwards) of the PostgreSQL database `template`. */
export async function measurePostgres(server: string, template: string, rows: number, ops: number, label = template): Promise<WriteTimes> {
  const copy = await freshPostgresCopy(server, template);
  // The use cases ask the engine of the process (db/engine.ts) for their SQL.
  process.env.DATABASE_URL = copy.url;
  const db = openPostgres(copy.url) as Db;
  try {
    return await measure(db, label, rows, ops, null);
  } finally {
    await closeDatabase(db);
    await copy.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rows: { type: "string", default: "1000" },
      ops: { type: "string", default: "20" },
      profile: { type: "boolean", default: false },
      engine: { type: "string", default: "sqlite" },
      pg: { type: "string", default: defaultPgServer() },
    },
  });
  process.env.AUTH_SECRET ??= RECEIPT_LINK_KEY;
  const onPostgres = values.engine === "postgresql";
  const measureOne = (source: string, rows: number, ops: number, label?: string) =>
    onPostgres
      ? measurePostgres(values.pg, source, rows, ops, label)
      : measureSqlite(path.resolve(source), rows, ops, values.profile, label);
  const results: WriteTimes[] = [];
  // A first pass, not reported, so that the first database measured does not pay for the JIT's warm-up.
  if (positionals[0]) await measureOne(positionals[0], 100, 3, "预热（不计）");
  for (const source of positionals) {
    const r = await measureOne(source, Number(values.rows), Number(values.ops));
    results.push(r);
    log(JSON.stringify(r));
  }
  if (results.length === 2) {
    const [a, b] = results as [WriteTimes, WriteTimes];
    const ratio = (x: number, y: number) => (x > 0 ? (y / x).toFixed(2) : "–");
    log(
      `导入 ${b.importRows} 件：CPU ${a.importSeconds} 秒 → ${b.importSeconds} 秒（×${ratio(a.importSeconds, b.importSeconds)}），墙钟 ${a.importWallSeconds} → ${b.importWallSeconds} 秒（×${ratio(a.importWallSeconds, b.importWallSeconds)}）`,
    );
    for (const k of ["draftSave", "signOff", "publication"] as const)
      log(
        `${k}：CPU 中位 ${a[k].median} ms → ${b[k].median} ms（×${ratio(a[k].median, b[k].median)}），墙钟中位 ${a[k].wallMedian} → ${b[k].wallMedian} ms（×${ratio(a[k].wallMedian, b[k].wallMedian)}），CPU 最慢 ${a[k].max} → ${b[k].max} ms`,
      );
  }
}
