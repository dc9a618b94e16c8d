/**
 * A proposal taken to a given step directly in the e2e server's database, through the same use cases the
 * app runs (db/handling), so that a test can start where it matters (e.g. 待审签) without clicking there.
 */
import { and, eq, max } from "drizzle-orm";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { saveDraft, submitForSignOff } from "@/db/handling/drafting";
import { recordMeeting } from "@/db/handling/meetings";
import { decideReplyPublication } from "@/db/handling/publication";
import { attachReplyFiles, uploadSealedScan } from "@/db/handling/reply-files";
import { approveReply } from "@/db/handling/sign-off";
import { incomingPath, newUploadId, recordUpload } from "@/db/handling/uploads";
import { events, proposals, replies, replyDrafts, users } from "@/db/schema";
import { isoDateInChina } from "@/lib/format";
import type { UploadPurpose } from "@/lib/uploads";
import { handleProposal, lookups, ok, SAMPLE_DRAFT } from "../tests/integration/demo-db";
import { E2E } from "./env";

export const LEAD_UNIT = "重庆高新区科技创新局";

// Numbers no demo or other test uses.
let next = 9_000_000 + (Date.now() % 900_000) * 10;

/**
 * Runs `fn` on a server's database (the e2e server's unless named): as that server, so that sign-off
 * signs receipt tokens with its secret and files go where it keeps them (beside its database).
 */
function withDb<T>(fn: (db: ReturnType<typeof openDatabase>) => T, server: { databasePath: string; authSecret: string } = E2E): T {
  const saved = { AUTH_SECRET: process.env.AUTH_SECRET, DATABASE_PATH: process.env.DATABASE_PATH };
  process.env.AUTH_SECRET = server.authSecret;
  process.env.DATABASE_PATH = server.databasePath;
  const db = openDatabase(server.databasePath);
  try {
    return fn(db);
  } finally {
    db.$client.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** A file as the upload route leaves it for `userId` (in the incoming folder, recorded); its reference. */
function uploadedFor(db: ReturnType<typeof openDatabase>, userId: number, purpose: UploadPurpose, fileName: string, bytes: Buffer, mimeType = "application/pdf"): string {
  const id = newUploadId();
  fs.mkdirSync(path.dirname(incomingPath(id)), { recursive: true });
  fs.writeFileSync(incomingPath(id), bytes);
  recordUpload(db, { id, userId, purpose, fileName, mimeType, size: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") });
  return id;
}

/** A small but real PDF: the upload checks read its first bytes. */
export const SMALL_PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/**
 * A proposal of 刘新荣 answered by 科技创新局 with the reply's files: an attachment added while drafting,
 * the scan of the sealed letter after sign-off, and published (in full, or the summary only) — on the
 * given server's database.
 */
export function prepareReplyWithFiles(
  title: string,
  { server = E2E, disclosure = "full" }: { server?: { databasePath: string; authSecret: string }; disclosure?: "full" | "summary" } = {},
): { id: number; publicationId: number } {
  return withDb((db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    const handler = people.user("jiangmj");
    const id = ok(people.register(next++, { title, receivedOn: today })).id;
    handleProposal(db, people, id, people.unit(LEAD_UNIT), { until: "drafted", on: today, participants: "蒋明杰与刘新荣委员" });
    if (disclosure === "summary") ok(saveDraft(db, handler, id, { ...SAMPLE_DRAFT, disclosure, disclosureSummary: "已出台专项政策，正在推进落实。" }));
    ok(attachReplyFiles(db, handler, id, [uploadedFor(db, handler.id, "attachment", "办理方案.pdf", SMALL_PDF)]));
    ok(submitForSignOff(db, handler, id));
    ok(approveReply(db, people.user("dengmj"), id, null));
    ok(uploadSealedScan(db, handler, id, { round: 1, uploadId: uploadedFor(db, handler.id, "sealed", "盖章件.pdf", SMALL_PDF), reason: null }));
    const { publicationId } = ok(decideReplyPublication(db, people.user("coordinator"), id, { type: "publish" }));
    return { id, publicationId };
  }, server);
}

/** A small JPEG as far as the upload check reads it (its first bytes). */
const SMALL_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00]);

/** A 座谈会 of 科技创新局 with one photo, recorded by 蒋明杰 on a proposal of 刘新荣 it handles — on the given server's database. */
export function prepareMeetingWithPhoto(title: string, { server = E2E }: { server?: { databasePath: string; authSecret: string } } = {}): { meetingId: number } {
  return withDb((db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    const handler = people.user("jiangmj");
    const id = ok(people.register(next++, { title, receivedOn: today })).id;
    handleProposal(db, people, id, people.unit(LEAD_UNIT), { until: "drafted", on: today, participants: "蒋明杰与刘新荣委员" });
    const photo = uploadedFor(db, handler.id, "photo", "座谈会现场.jpg", SMALL_JPEG, "image/jpeg");
    const input = { kind: "forum" as const, heldOn: today, place: "科技创新局三楼会议室", proposalIds: [id], memberIds: [], officials: "蒋明杰", minutes: "座谈会纪要。", photos: [photo] };
    return ok(recordMeeting(db, handler, input));
  }, server);
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

/** Proposals of 刘新荣 registered today and not yet assigned (待交办). */
export function registerProposals(titles: string[]): number[] {
  return withDb((db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    return titles.map((title) => ok(people.register(next++, { title, receivedOn: today })).id);
  });
}
