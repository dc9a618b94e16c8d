/**
 * The demo data (and the benchmark's, told the same way) is what the workflow produces: every proposal's
 * event log, replayed command by command through lib/workflow's decide, gives the logged events one for
 * one and ends in the facts the database holds; and no demo or benchmark code writes a workflow table
 * itself — the use cases (db/handling) do, with the clock held at each act's moment.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/client";
import { databaseEngine } from "@/db/engine";
import { seedDemo } from "@/db/demo";
import { loadFacts } from "@/db/handling/facts";
import { workflowContext } from "@/db/handling/run";
// The SQLite declarations, whatever the engine: the same table names on both (db/schema-pg mirrors them).
import * as schema from "@/db/schema/sqlite";
import { events, proposals, replies, users } from "@/db/schema";
import { isoDateInChina } from "@/lib/format";
import type { Command, EventSpec, WorkflowActor } from "@/lib/workflow/commands";
import { decide } from "@/lib/workflow/decide";
import type { ProposalFacts } from "@/lib/workflow/facts";
import { generateBenchDatabase } from "@/scripts/bench/generate";
import { DEMO_TODAY } from "./demo-db";
import { tempDatabase } from "./temp-db";

type EventRow = typeof events.$inferSelect;
type Data = Record<string, unknown>;

/** The events that publication and registration write: not decided by lib/workflow, and they leave the state as it was. */
const OUTSIDE_THE_WORKFLOW = new Set(["register", "publish", "withhold", "withdraw_publication", "republish"]);

/** The command that produced an event (the first one a command logs), as its data and comment record it. */
async function commandOf(db: Db, proposalId: number, e: EventRow): Promise<Command> {
  const d = (e.data ?? {}) as Data;
  const unitId = d.unitId as number;
  const comment = e.comment ?? "";
  switch (e.action) {
    case "assign":
      return { type: "assign", leadUnitId: d.leadUnitId as number, coUnitIds: d.coUnitIds as number[] };
    case "accept":
      return { type: "accept", unitId };
    case "request_adjustment":
      return { type: "request_adjustment", unitId, reason: comment };
    case "adjustment_rejected":
      return { type: "decide_adjustment", unitId, outcome: { kind: "reject" }, comment: e.comment };
    case "adjustment_approved":
      return {
        type: "decide_adjustment",
        unitId,
        outcome:
          "replacementUnitId" in d
            ? { kind: "withdraw", replacementUnitId: d.replacementUnitId as number | null }
            : { kind: "change_lead", leadUnitId: d.leadUnitId as number, formerLead: d.formerLead as "co" | "withdrawn" },
        comment: e.comment,
      };
    case "request_extension":
      return { type: "request_extension", unitId, until: d.until as string, reason: comment };
    case "extension_granted":
      return { type: "decide_extension", unitId, grant: true, until: d.until as string, comment: e.comment };
    case "extension_refused":
      return { type: "decide_extension", unitId, grant: false, until: null, comment: e.comment };
    case "co_opinion_saved":
      return { type: "save_co_opinion", unitId };
    case "co_opinion_submitted":
      return { type: "submit_co_opinion", unitId };
    case "co_opinion_sent":
      return { type: "approve_co_opinion", unitId };
    case "co_opinion_returned":
      return { type: "return_co_opinion", unitId, comment };
    case "co_opinion_waived":
      return { type: "waive_co_opinion", unitId, reason: comment };
    case "contact":
      return { type: "add_contact" };
    case "contact_waived":
      return { type: "waive_contact", reason: comment };
    case "save_draft":
      return { type: "save_draft" };
    case "submit":
      // The demo's drafts pass 公开审查 (demo-seed.test.ts checks that none was confirmed).
      return { type: "submit", review: { disclosure: "full", findings: [], confirmation: null } };
    case "approve":
      return { type: "approve" };
    case "return":
      return { type: "return", comment };
    case "receipt":
      return {
        type: "receipt",
        memberId: d.memberId as number,
        // Not part of the log, nor of what the workflow decides on.
        contactReport: "contacted",
        attitude: d.attitude as "satisfied",
        result: d.result as "satisfied",
        opinion: e.comment,
        onPaper: d.onPaper as boolean,
        round: d.round as number,
      };
    case "remind_receipt": {
      const round = d.round as number;
      const reply = (await db.select().from(replies).where(eq(replies.proposalId, proposalId)).all()).find((r) => r.round === round)!;
      const member = (await db
        .select()
        .from(users)
        .where(eq(users.id, d.memberId as number))
        .get())!;
      return { type: "remind_receipt", memberId: member.id, memberName: member.displayName, round, receiptDue: reply.receiptDue };
    }
    case "close":
      return { type: "close", reason: comment };
    case "supervise":
      return { type: "supervise", unitId, comment };
    case "mark_key":
      return { type: "mark_key", leaderId: d.leaderId as number, plan: comment };
    case "unmark_key":
      return { type: "unmark_key", reason: comment };
    case "progress_report":
      return { type: "report_progress", unitId };
    case "link":
      return { type: "link", relatedId: d.relatedId as number };
    case "unlink":
      return { type: "unlink", relatedId: d.relatedId as number, reason: comment };
    default:
      throw new Error(`no command for event ${e.action}`);
  }
}

const logged = (e: EventRow) => ({
  action: e.action,
  fromState: e.fromState,
  toState: e.toState,
  comment: e.comment,
  data: e.data ?? null,
});
const decided = (e: EventSpec) => ({
  action: e.action,
  fromState: e.fromState,
  toState: e.toState,
  comment: e.comment ?? null,
  data: e.data ?? null,
});
const byNumber = (a: number, b: number) => a - b;
/** Facts without the database's ids (an assignment the replay creates has none), their lists in one order (loadFacts gives them in no particular one). */
const comparable = (f: ProposalFacts) => ({
  ...f,
  proposerIds: [...f.proposerIds].sort(byNumber),
  assignments: f.assignments.map(({ id: _, ...a }) => a).sort((a, b) => a.unitId - b.unitId),
  receiptsThisRound: [...f.receiptsThisRound].sort((a, b) => a.memberId - b.memberId),
  linkedIds: [...f.linkedIds].sort(byNumber),
  earlierReplies: f.earlierReplies.map((r) => ({ ...r, answeredBy: [...r.answeredBy].sort(byNumber) })),
});

/** Replays one proposal's log through decide; returns how many commands it took. */
async function replay(db: Db, proposalId: number): Promise<number> {
  const stored = (await loadFacts(db, proposalId))!;
  const proposal = (await db.select().from(proposals).where(eq(proposals.id, proposalId)).get())!;
  const log = await db.select().from(events).where(eq(events.proposalId, proposalId)).orderBy(asc(events.id)).all();
  const actors = new Map<number, WorkflowActor>();
  const actor = async (id: number) => {
    if (!actors.has(id)) {
      const u = (await db.select().from(users).where(eq(users.id, id)).get())!;
      actors.set(id, { id: u.id, role: u.role, unitId: u.unitId });
    }
    return actors.get(id)!;
  };
  let facts: ProposalFacts = {
    status: "registered",
    round: 1,
    isUrgent: proposal.isUrgent,
    // The demo and the bench mark 重点 at registration (and name the leader afterwards); none is unmarked.
    isKey: proposal.isKey && !log.some((e) => e.action === "unmark_key"),
    keyLeaderId: null,
    proposerIds: stored.proposerIds,
    contactWaived: false,
    contactsThisRound: 0,
    draftsThisRound: 0,
    draftReturned: false,
    assignments: [],
    reply: null,
    receiptsThisRound: [],
    linkedIds: [],
    earlierReplies: [],
    replyFilesThisRound: 0,
    sealedRounds: [],
    reviewStage: null,
    leaderReviewUnitIds: stored.leaderReviewUnitIds,
  };
  expect(log[0]?.action).toBe("register");
  let commands = 0;
  for (let i = 0; i < log.length; ) {
    const e = log[i]!;
    const where = `proposal ${proposal.number} event ${i} (${e.action})`;
    if (OUTSIDE_THE_WORKFLOW.has(e.action)) {
      expect(e.fromState ?? facts.status, where).toBe(e.toState);
      i++;
      continue;
    }
    const decision = decide(
      facts,
      await actor(e.actorId!),
      await commandOf(db, proposalId, e),
      await workflowContext(db, isoDateInChina(e.createdAt)),
    );
    if (!decision.ok) throw new Error(`${where}: refused: ${decision.reason}`);
    expect(log.slice(i, i + decision.events.length).map(logged), where).toEqual(decision.events.map(decided));
    facts = decision.facts;
    i += decision.events.length;
    commands++;
  }
  const { version: _, ...held } = stored;
  expect(comparable(facts), `proposal ${proposal.number}`).toEqual(comparable(held));
  return commands;
}

async function replayAll(db: Db): Promise<{ proposals: number; commands: number }> {
  const ids = await db.select({ id: proposals.id }).from(proposals).orderBy(asc(proposals.id)).all();
  let commands = 0;
  for (const { id } of ids) commands += await replay(db, id);
  return { proposals: ids.length, commands };
}

describe("the demo database", () => {
  let demo: Awaited<ReturnType<typeof tempDatabase>>;
  beforeAll(async () => {
    demo = await tempDatabase();
    await seedDemo(demo.db, { today: DEMO_TODAY });
  }, 60_000);
  afterAll(() => demo?.cleanup());

  it("is every proposal's event log replayed through the workflow, ending in the facts it holds", async () => {
    const { proposals: count, commands } = await replayAll(demo.db);
    expect(count).toBeGreaterThanOrEqual(40);
    expect(commands).toBeGreaterThan(300);
  });
});

// The benchmark generator writes a SQLite file (scripts/bench), whatever engine the tests run on.
describe.runIf(databaseEngine() === "sqlite")("the benchmark's data, on a sample", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tian-bench-"));
  let db: Db;
  beforeAll(async () => {
    const file = path.join(dir, "bench.db");
    await generateBenchDatabase(file, 200);
    db = openDatabase(file);
  }, 300_000);
  afterAll(() => {
    if (db) void closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is the workflow's too: every proposal's log replays", async () => {
    const { proposals: count, commands } = await replayAll(db);
    expect(count).toBe(200);
    expect(commands).toBeGreaterThan(1000);
  });
});

describe("demo and benchmark code", () => {
  /** Written directly: the reference data the stories are told with (reference.ts, scripts/bench/generate.ts). */
  const REFERENCE: readonly unknown[] = [schema.units, schema.sections, schema.users, schema.categories, schema.sessions];
  /** Every other table, by the name the code gives it and by its SQL name. */
  const workflow = Object.entries(schema).filter(([, t]) => is(t, SQLiteTable) && !REFERENCE.includes(t)) as [string, SQLiteTable][];
  const byName = new Set(workflow.map(([name]) => name));
  const bySqlName = new Set(workflow.map(([, t]) => getTableName(t)));
  const files = ["db/demo", "scripts/bench"].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(dir, f)),
  );

  it.each(files)("%s writes no workflow table itself", (file) => {
    const source = fs.readFileSync(file, "utf8");
    const drizzleWrites = [...source.matchAll(/\.(?:insert|update|delete)\(\s*(\w+)/g)].map((m) => m[1]!);
    const sqlWrites = [...source.matchAll(/\b(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from)\s+["`]?(\w+)/gi)].map((m) => m[1]!);
    expect(drizzleWrites.filter((t) => byName.has(t))).toEqual([]);
    expect(sqlWrites.filter((t) => bySqlName.has(t))).toEqual([]);
  });

  it("db/handling and db/schema stamp time through db/clock.ts only", () => {
    for (const dir of ["db/handling", "db/schema"]) {
      for (const f of fs.readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
        expect(fs.readFileSync(path.join(dir, f), "utf8"), `${dir}/${f}`).not.toMatch(/new Date\(\)|Date\.now\(\)/);
      }
    }
  });
});
