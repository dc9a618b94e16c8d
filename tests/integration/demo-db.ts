import { eq } from "drizzle-orm";
import { afterAll } from "vitest";
import { closeDatabase, type Db } from "@/db/client";
import { seedDemo } from "@/db/demo";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { addContact, saveDraft, submitForSignOff, type DraftInput } from "@/db/handling/drafting";
import { registerProposal, type RegisterInput } from "@/db/handling/register";
import { approveReply } from "@/db/handling/sign-off";
import { sessions, units, users } from "@/db/schema";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { type TempDatabase, tempDatabase } from "./temp-db";

export const DEMO_TODAY = "2026-06-15";

/** A reply draft as 蒋明杰 saves it in the tests. */
export const SAMPLE_DRAFT: DraftInput = {
  body: "一、工作开展情况\n\n已出台专项政策。",
  resultClass: "B",
  contactPerson: "蒋明杰",
  contactPhone: "023—68511253",
  disclosure: "full",
  disclosureSummary: null,
  disclosureReason: null,
};

/** A use case's data, its refusal thrown. */
export function ok<T>(result: { ok: true; data: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

/** How far a round goes, on which day its contact is recorded, and with whom. */
export type Round = { until?: "drafted" | "in_review" | "replied"; on?: string; participants?: string; summary?: string };

/** 蒋明杰 answers the proposal's round: a contact record, SAMPLE_DRAFT, 提交审签, and 邓敏军's 同意签发 — as far as `until` (all of it by default). */
export async function answerRound(
  db: Db,
  people: Pick<Awaited<ReturnType<typeof lookups>>, "user">,
  id: number,
  round: Round = {},
): Promise<void> {
  const { until = "replied", on = DEMO_TODAY, participants = "蒋明杰", summary = "电话沟通" } = round;
  const handler = await people.user("jiangmj");
  await ok(await addContact(db, handler, id, { contactedOn: on, method: "phone", participants, summary }));
  ok(await saveDraft(db, handler, id, SAMPLE_DRAFT));
  if (until === "drafted") return;
  ok(await submitForSignOff(db, handler, id));
  if (until === "replied") await ok(await approveReply(db, await people.user("dengmj"), id, null));
}

/** The coordinator assigns the proposal to `lead` alone, 蒋明杰 accepts it and answers the round (answerRound). */
export async function handleProposal(
  db: Db,
  people: Pick<Awaited<ReturnType<typeof lookups>>, "user">,
  id: number,
  lead: number,
  round: Round = {},
): Promise<void> {
  ok(await assignProposal(db, await people.user("coordinator"), id, { leadUnitId: lead, coUnitIds: [] }));
  ok(await acceptAssignment(db, await people.user("jiangmj"), id, lead));
  await answerRound(db, people, id, round);
}

/**
 * The demo database of DEMO_TODAY, seeded once per test file (every act goes through the use cases, about
 * a second) and closed, for demoDatabase to copy: the same day gives the same database. Removed after
 * the file's tests.
 */
let template: Promise<TempDatabase> | undefined;

function demoTemplate(): Promise<TempDatabase> {
  template ??= (async () => {
    const t = await tempDatabase();
    await seedDemo(t.db, { today: DEMO_TODAY });
    // A PostgreSQL database is copied only while no one is connected to it.
    await closeDatabase(t.db);
    return t;
  })();
  return template;
}

afterAll(async () => (await template)?.cleanup());

/** A temporary database with the demo data, and lookups by login and unit name. */
export async function demoDatabase() {
  const t = await tempDatabase((await demoTemplate()).location);
  return { ...t, ...lookups(t.db) };
}

export function lookups(db: Db) {
  const user = async (login: string): Promise<WorkflowActor & { displayName: string; title: string | null }> => {
    const u = await db.select().from(users).where(eq(users.username, login)).get();
    if (!u) throw new Error(`no user ${login}`);
    return { id: u.id, role: u.role, unitId: u.unitId, canDivide: u.canDivide, displayName: u.displayName, title: u.title };
  };
  const unit = async (name: string) => {
    const u = await db.select().from(units).where(eq(units.name, name)).get();
    if (!u) throw new Error(`no unit ${name}`);
    return u.id;
  };
  const session = async (meeting: string) => (await db.select().from(sessions).where(eq(sessions.meeting, meeting)).get())!.id;
  /** Registers a proposal of 刘新荣 in the demo's 第二次会议, as the coordinator; `over` changes any field. */
  const register = async (number: number, over: Partial<RegisterInput> = {}) =>
    registerProposal(db, (await user("coordinator")).id, {
      sessionId: await session("第二次会议"),
      number,
      title: `测试提案${number}`,
      body: "正文",
      categoryId: null,
      receivedOn: DEMO_TODAY,
      proposerId: (await user("liuxr")).id,
      coSignerIds: [],
      seconderIds: [],
      isKey: false,
      isUrgent: false,
      wantsMeeting: false,
      ...over,
    });
  return { user, unit, session, register };
}
