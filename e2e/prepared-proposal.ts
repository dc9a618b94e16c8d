/**
 * A proposal taken to a given step directly in the e2e server's database, through the same use cases the
 * app runs (db/handling), so that a test can start where it matters (e.g. 待审签) without clicking there.
 */
import { and, eq, max } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { events, proposals, replies, replyDrafts, users } from "@/db/schema";
import { isoDateInChina } from "@/lib/format";
import { handleProposal, lookups, ok } from "../tests/integration/demo-db";
import { E2E } from "./env";

export const LEAD_UNIT = "重庆高新区科技创新局";

// Numbers no demo or other test uses.
let next = 9_000_000 + (Date.now() % 900_000) * 10;

function withDb<T>(fn: (db: ReturnType<typeof openDatabase>) => T): T {
  // Sign-off issues the receipt tokens, signed as the e2e server signs them.
  process.env.AUTH_SECRET = E2E.authSecret;
  const db = openDatabase(E2E.databasePath);
  try {
    return fn(db);
  } finally {
    db.$client.close();
  }
}

/** A proposal of 刘新荣, registered and waiting for 交办. */
export function registeredProposal(title: string): { id: number } {
  return withDb((db) => ({ id: ok(lookups(db).register(next++, { title, receivedOn: isoDateInChina(new Date()) })).id }));
}

/** A proposal of 刘新荣 handled by 科技创新局 up to a first draft ("drafted") or 提交审签 ("in_review"). */
export function prepareProposal(stage: "drafted" | "in_review", title: string): { id: number; version: number } {
  return withDb((db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    const id = ok(people.register(next++, { title, receivedOn: today })).id;
    handleProposal(db, people, id, people.unit(LEAD_UNIT), { until: stage, on: today, participants: "蒋明杰与刘新荣委员" });
    return { id, version: db.select({ v: proposals.version }).from(proposals).where(eq(proposals.id, id)).get()!.v };
  });
}

/** A joint proposal of 刘新荣 and the co-signers (by login), handled by 科技创新局 up to its signed reply. */
export function prepareJointReply(title: string, coSigners: string[]): { id: number; replyId: number } {
  return withDb((db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    const id = ok(people.register(next++, { title, receivedOn: today, coSignerIds: coSigners.map((login) => people.user(login).id) })).id;
    handleProposal(db, people, id, people.unit(LEAD_UNIT), { until: "replied", on: today, participants: "蒋明杰与刘新荣委员" });
    return { id, replyId: db.select({ id: replies.id }).from(replies).where(eq(replies.proposalId, id)).get()!.id };
  });
}

/** A second handler of 科技创新局, for two people editing one draft. */
export function ensureSecondHandler(username: string, displayName: string): void {
  withDb((db) => {
    const lead = lookups(db).unit(LEAD_UNIT);
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
    const lead = lookups(db).unit(LEAD_UNIT);
    const year = Number(isoDateInChina(new Date()).slice(0, 4));
    return db.select({ n: max(replies.docSerial) }).from(replies).where(and(eq(replies.unitId, lead), eq(replies.docYear, year))).get()?.n ?? 0;
  });
}

/** The id and number of a demo proposal, by its title. */
export function demoProposal(title: string): { id: number; number: number } {
  return withDb((db) => db.select({ id: proposals.id, number: proposals.number }).from(proposals).where(eq(proposals.title, title)).get()!);
}
