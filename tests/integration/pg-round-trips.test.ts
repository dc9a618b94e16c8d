/**
 * On PostgreSQL every statement of a write transaction is a round trip made while the write lock is held (decision
 * 011), and between two of them the server's other requests run: under load a transaction of twenty statements held
 * the lock for hundreds of milliseconds and the next writer waited (the bench's mixed run, session 18). The workflow's
 * facts are read in one statement (db/handling/facts.ts), the deadline rules and calendar in one (workflowContext),
 * a sign-off's receipt tokens written in one; this counts what the common writes send between BEGIN and COMMIT. And a
 * page's statements are each a round trip and their cost in the app's one thread: the reads that every signed-in page
 * makes (the session, the header) and every page about a proposal (its parties, its detail) are one statement each.
 * PostgreSQL only (vitest.config.ts).
 */
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { addContact, saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { loadFacts } from "@/db/handling/facts";
import { approveReply } from "@/db/handling/sign-off";
import { liveSessionUser } from "@/db/queries/credentials";
import { signedInHeader } from "@/db/queries/notifications";
import { getProposalDetail, listProposals, loadProposalParties } from "@/db/queries/proposals";
import { users } from "@/db/schema";
import { demoDatabase, ok, SAMPLE_DRAFT } from "./demo-db";

/** The text of every statement node-postgres sends while `work` runs. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    sent.push(typeof first === "string" ? first : String((first as { text?: string }).text));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return sent;
}

/** The statements of the one transaction among `sent`, from its lock to its COMMIT. */
function inTransaction(sent: string[]): string[] {
  const begin = sent.findIndex((s) => /^begin/i.test(s.trim()));
  const commit = sent.findIndex((s, i) => i > begin && /^commit/i.test(s.trim()));
  expect(begin, sent.join("\n")).toBeGreaterThanOrEqual(0);
  expect(commit, sent.join("\n")).toBeGreaterThan(begin);
  return sent.slice(begin + 1, commit);
}

/** One demo database for both: the proposals each test registers are its own. */
let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(async () => t?.cleanup());

describe("round trips of a write on PostgreSQL", () => {
  it("reads a proposal's facts in one statement", async () => {
    const id = ok(await t.register(990)).id;
    const sent = await statementsOf(() => loadFacts(t.db, id));
    expect(sent).toHaveLength(1);
  });

  it("records a contact, saves a draft, submits and signs off in a few statements each", async () => {
    const lead = await t.unit("重庆高新区科技创新局");
    const id = ok(await t.register(991)).id;
    ok(await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: lead, coUnitIds: [] }));
    const handler = await t.user("jiangmj");
    ok(await acceptAssignment(t.db, handler, id, lead));
    const director = await t.user("dengmj");
    const counts: Record<string, number> = {};
    let signOffAll = 0;
    const steps: [string, () => Promise<{ ok: boolean }>][] = [
      [
        "contact",
        () => addContact(t.db, handler, id, { contactedOn: "2026-06-15", method: "phone", participants: "蒋明杰", summary: "电话沟通" }),
      ],
      ["draft", () => saveDraft(t.db, handler, id, SAMPLE_DRAFT)],
      ["submit", () => submitForSignOff(t.db, handler, id)],
      ["sign-off", () => approveReply(t.db, director, id, null)],
    ];
    for (const [name, step] of steps) {
      let result: { ok: boolean } | undefined;
      const sent = await statementsOf(async () => (result = await step()));
      expect(result?.ok, name).toBe(true);
      counts[name] = inTransaction(sent).length;
      if (name === "sign-off") signOffAll = sent.length;
    }
    // Before the facts were one statement (and the settings one, the receipt tokens one): 18, 18, 21 and 28.
    const atMost = { contact: 6, draft: 6, submit: 9, "sign-off": 12 };
    for (const [name, n] of Object.entries(atMost)) expect(counts[name], name).toBeLessThanOrEqual(n);
    // With the notices to the lead unit's handlers, the proposer and the coordinators after the commit (one insert for
    // all: 40 statements before).
    expect(signOffAll).toBeLessThanOrEqual(20);
  });
});

describe("round trips of the reads on every page, on PostgreSQL", () => {
  it("reads the session, the header, a proposal's parties and its detail in one statement each, and an empty list in one", async () => {
    const lead = await t.unit("重庆高新区科技创新局");
    const id = ok(await t.register(992)).id;
    ok(await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: lead, coUnitIds: [] }));
    const handler = await t.user("jiangmj");
    const account = await t.db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, handler.id)).get();
    const session = { userId: handler.id, sessionVersion: account!.version, sessionId: "round-trips-1" };
    const reads: [string, () => Promise<unknown>][] = [
      ["session", () => liveSessionUser(t.db, session)],
      ["header", () => signedInHeader(t.db, handler)],
      ["parties", () => loadProposalParties(t.db, id)],
      ["detail", () => getProposalDetail(t.db, id)],
    ];
    for (const [name, read] of reads) {
      let result: unknown;
      const sent = await statementsOf(async () => (result = await read()));
      expect(result, name).toBeTruthy();
      // Before: the session 2 (the user, then whether it was signed out), the header 2, the parties 3, the detail 3.
      expect(sent, name).toHaveLength(1);
    }
    // A list whose filters leave nothing: its empty first page is the count (the count ran the selection again before).
    const none = { q: "没有这个词语的提案", status: "closed" as const };
    let empty: Awaited<ReturnType<typeof listProposals>> | undefined;
    const listed = await statementsOf(async () => (empty = await listProposals(t.db, none, { today: "2026-06-15" })));
    expect(empty).toEqual({ rows: [], total: 0 });
    expect(listed).toHaveLength(1);
    // What the single statements read is what the page needs.
    expect(await signedInHeader(t.db, handler)).toEqual({ unread: expect.any(Number), unitShortName: "高新区科技创新局" });
    expect(await loadProposalParties(t.db, id)).toMatchObject({ unitIds: [lead] });
    expect((await getProposalDetail(t.db, id))?.assignments.map((a) => a.unitId)).toEqual([lead]);
  });
});
