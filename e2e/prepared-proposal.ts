/**
 * A proposal taken to a given step directly in the e2e server's database, through the same use cases the
 * app runs (db/handling), so that a test can start where it matters (e.g. 待审签) without clicking there.
 */
import { and, eq, max } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { addContact, saveDraft, submitForSignOff, type DraftInput } from "@/db/handling/drafting";
import { registerProposal } from "@/db/handling/register";
import { events, proposals, replies, replyDrafts, sessions, units, users } from "@/db/schema";
import { isoDateInChina } from "@/lib/format";
import { E2E } from "./env";

export const LEAD_UNIT = "重庆高新区科技创新局";

export const DRAFT: DraftInput = {
  body: "一、工作开展情况\n\n已出台专项政策。",
  resultClass: "B",
  contactPerson: "蒋明杰",
  contactPhone: "023—68511253",
  disclosure: "full",
  disclosureSummary: null,
  disclosureReason: null,
};

// Numbers no demo or other test uses.
let next = 9_000_000 + (Date.now() % 900_000) * 10;

function withDb<T>(fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(E2E.databasePath);
  try {
    return fn(db);
  } finally {
    db.$client.close();
  }
}

function must<T extends { ok: boolean }>(result: T): T {
  if (!result.ok) throw new Error(`preparing the proposal failed: ${(result as { reason?: string }).reason}`);
  return result;
}

/** A proposal of 刘新荣 handled by 科技创新局 up to a first draft ("drafted") or 提交审签 ("in_review"). */
export function prepareProposal(stage: "drafted" | "in_review", title: string): { id: number; version: number } {
  return withDb((db) => {
    const user = (username: string) => {
      const u = db.select().from(users).where(eq(users.username, username)).get();
      if (!u) throw new Error(`no user ${username}`);
      return { id: u.id, role: u.role, unitId: u.unitId };
    };
    const session = db.select().from(sessions).where(eq(sessions.meeting, "第二次会议")).get()!;
    const lead = db.select().from(units).where(eq(units.name, LEAD_UNIT)).get()!.id;
    const today = isoDateInChina(new Date());
    const registered = must(
      registerProposal(db, user("coordinator").id, {
        sessionId: session.id,
        number: next++,
        title,
        body: "正文",
        categoryId: null,
        receivedOn: today,
        proposerId: user("liuxr").id,
        coSignerIds: [],
        seconderIds: [],
        isKey: false,
        isUrgent: false,
        wantsMeeting: false,
      }),
    );
    const id = registered.ok ? registered.data.id : 0;
    must(assignProposal(db, user("coordinator"), id, { leadUnitId: lead, coUnitIds: [] }));
    must(acceptAssignment(db, user("jiangmj"), id, lead));
    must(addContact(db, user("jiangmj"), id, { contactedOn: today, method: "phone", participants: "蒋明杰与刘新荣委员", summary: "电话沟通" }));
    must(saveDraft(db, user("jiangmj"), id, DRAFT));
    if (stage === "in_review") must(submitForSignOff(db, user("jiangmj"), id));
    return { id, version: db.select({ v: proposals.version }).from(proposals).where(eq(proposals.id, id)).get()!.v };
  });
}

/** A second handler of 科技创新局, for two people editing one draft. */
export function ensureSecondHandler(username: string, displayName: string): void {
  withDb((db) => {
    const lead = db.select().from(units).where(eq(units.name, LEAD_UNIT)).get()!.id;
    db.insert(users).values({ username, displayName, role: "handler", unitId: lead }).onConflictDoNothing().run();
  });
}

/** What was written for a proposal: its replies (发文字号), the actions of its events in order, and its drafts. */
export function writtenFor(proposalId: number) {
  return withDb((db) => ({
    replies: db.select().from(replies).where(eq(replies.proposalId, proposalId)).all(),
    actions: db.select({ action: events.action }).from(events).where(eq(events.proposalId, proposalId)).orderBy(events.id).all().map((e) => e.action),
    drafts: db.select().from(replyDrafts).where(eq(replyDrafts.proposalId, proposalId)).orderBy(replyDrafts.id).all(),
  }));
}

/** The highest 发文字号 serial of 科技创新局 this year. */
export function lastDocSerial(): number {
  return withDb((db) => {
    const lead = db.select().from(units).where(eq(units.name, LEAD_UNIT)).get()!.id;
    const year = Number(isoDateInChina(new Date()).slice(0, 4));
    return db.select({ n: max(replies.docSerial) }).from(replies).where(and(eq(replies.unitId, lead), eq(replies.docYear, year))).get()?.n ?? 0;
  });
}
