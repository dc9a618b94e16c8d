/**
 * A proposal taken to a given step directly in the e2e server's database, through the same use cases the
 * app runs (db/handling), so that a test can start where it matters (e.g. 待审签) without clicking there.
 */
import { and, eq, max } from "drizzle-orm";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDatabase, openConfiguredDatabase, openDatabase, type Db } from "@/db/client";
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
async function withDb<T>(fn: (db: Db) => Promise<T>, server: { databasePath: string; authSecret: string } = E2E): Promise<T> {
  const saved = { AUTH_SECRET: process.env.AUTH_SECRET, DATABASE_PATH: process.env.DATABASE_PATH };
  process.env.AUTH_SECRET = server.authSecret;
  process.env.DATABASE_PATH = server.databasePath;
  // The e2e server's database on its engine (DATABASE_URL on PostgreSQL, e2e/env.ts); another server's is its SQLite file.
  const db = server === E2E ? openConfiguredDatabase(server.databasePath) : openDatabase(server.databasePath);
  try {
    return await fn(db);
  } finally {
    void closeDatabase(db);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** A file as the upload route leaves it for `userId` (in the incoming folder, recorded); its reference. */
async function uploadedFor(
  db: Db,
  userId: number,
  purpose: UploadPurpose,
  fileName: string,
  bytes: Buffer,
  mimeType = "application/pdf",
): Promise<string> {
  const id = newUploadId();
  fs.mkdirSync(path.dirname(incomingPath(id)), { recursive: true });
  fs.writeFileSync(incomingPath(id), bytes);
  await recordUpload(db, {
    id,
    userId,
    purpose,
    fileName,
    mimeType,
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  });
  return id;
}

/** A small but real PDF: the upload checks read its first bytes. */
export const SMALL_PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/**
 * A proposal of 刘新荣 answered by 科技创新局 with the reply's files: an attachment added while drafting,
 * the scan of the sealed letter after sign-off, and published (in full, or the summary only) — on the
 * given server's database.
 */
export async function prepareReplyWithFiles(
  title: string,
  { server = E2E, disclosure = "full" }: { server?: { databasePath: string; authSecret: string }; disclosure?: "full" | "summary" } = {},
): Promise<{ id: number; publicationId: number }> {
  return withDb(async (db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    const handler = await people.user("jiangmj");
    const id = ok(await people.register(next++, { title, receivedOn: today })).id;
    await handleProposal(db, people, id, await people.unit(LEAD_UNIT), { until: "drafted", on: today, participants: "蒋明杰与刘新荣委员" });
    if (disclosure === "summary")
      ok(await saveDraft(db, handler, id, { ...SAMPLE_DRAFT, disclosure, disclosureSummary: "已出台专项政策，正在推进落实。" }));
    ok(await attachReplyFiles(db, handler, id, [await uploadedFor(db, handler.id, "attachment", "办理方案.pdf", SMALL_PDF)]));
    ok(await submitForSignOff(db, handler, id));
    await ok(await approveReply(db, await people.user("dengmj"), id, null));
    ok(
      await uploadSealedScan(db, handler, id, {
        round: 1,
        uploadId: await uploadedFor(db, handler.id, "sealed", "盖章件.pdf", SMALL_PDF),
        reason: null,
      }),
    );
    const { publicationId } = ok(await decideReplyPublication(db, await people.user("coordinator"), id, { type: "publish" }));
    return { id, publicationId };
  }, server);
}

/** A small JPEG as far as the upload check reads it (its first bytes). */
const SMALL_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00]);

/** A 座谈会 of 科技创新局 with one photo, recorded by 蒋明杰 on a proposal of 刘新荣 it handles — on the given server's database. */
export async function prepareMeetingWithPhoto(
  title: string,
  { server = E2E }: { server?: { databasePath: string; authSecret: string } } = {},
): Promise<{ meetingId: number }> {
  return withDb(async (db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    const handler = await people.user("jiangmj");
    const id = ok(await people.register(next++, { title, receivedOn: today })).id;
    await handleProposal(db, people, id, await people.unit(LEAD_UNIT), { until: "drafted", on: today, participants: "蒋明杰与刘新荣委员" });
    const photo = await uploadedFor(db, handler.id, "photo", "座谈会现场.jpg", SMALL_JPEG, "image/jpeg");
    const input = {
      kind: "forum" as const,
      heldOn: today,
      place: "科技创新局三楼会议室",
      proposalIds: [id],
      memberIds: [],
      officials: "蒋明杰",
      minutes: "座谈会纪要。",
      photos: [photo],
    };
    return ok(await recordMeeting(db, handler, input));
  }, server);
}

/** A proposal of 刘新荣, registered and waiting for 交办. */
export async function registeredProposal(title: string): Promise<{ id: number }> {
  return withDb(async (db) => ({ id: ok(await lookups(db).register(next++, { title, receivedOn: isoDateInChina(new Date()) })).id }));
}

/** A proposal of 刘新荣 handled by 科技创新局 up to a first draft ("drafted") or 提交审签 ("in_review"). */
export async function prepareProposal(stage: "drafted" | "in_review", title: string): Promise<{ id: number; version: number }> {
  return withDb(async (db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    const id = ok(await people.register(next++, { title, receivedOn: today })).id;
    await handleProposal(db, people, id, await people.unit(LEAD_UNIT), { until: stage, on: today, participants: "蒋明杰与刘新荣委员" });
    return { id, version: (await db.select({ v: proposals.version }).from(proposals).where(eq(proposals.id, id)).get())!.v };
  });
}

/** A joint proposal of 刘新荣 and the co-signers (by login), handled by 科技创新局 up to its signed reply. */
export async function prepareJointReply(title: string, coSigners: string[]): Promise<{ id: number; replyId: number }> {
  return withDb(async (db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    const id = ok(
      await people.register(next++, {
        title,
        receivedOn: today,
        coSignerIds: await Promise.all(coSigners.map(async (login) => (await people.user(login)).id)),
      }),
    ).id;
    await handleProposal(db, people, id, await people.unit(LEAD_UNIT), { until: "replied", on: today, participants: "蒋明杰与刘新荣委员" });
    return { id, replyId: (await db.select({ id: replies.id }).from(replies).where(eq(replies.proposalId, id)).get())!.id };
  });
}

/** A second handler of 科技创新局, for two people editing one draft. */
export async function ensureSecondHandler(username: string, displayName: string): Promise<void> {
  await withDb(async (db) => {
    const lead = await lookups(db).unit(LEAD_UNIT);
    await db.insert(users).values({ username, displayName, role: "handler", unitId: lead }).onConflictDoNothing().run();
  });
}

/** What was written for a proposal: its replies (发文字号), the actions of its events in order, and its drafts. */
export async function writtenFor(proposalId: number) {
  return withDb(async (db) => ({
    replies: await db.select().from(replies).where(eq(replies.proposalId, proposalId)).all(),
    actions: (
      await db.select({ action: events.action }).from(events).where(eq(events.proposalId, proposalId)).orderBy(events.id).all()
    ).map((e) => e.action),
    drafts: await db.select().from(replyDrafts).where(eq(replyDrafts.proposalId, proposalId)).orderBy(replyDrafts.id).all(),
  }));
}

/** The highest 发文字号 serial of 科技创新局 this year. */
export async function lastDocSerial(): Promise<number> {
  return withDb(async (db) => {
    const lead = await lookups(db).unit(LEAD_UNIT);
    const year = Number(isoDateInChina(new Date()).slice(0, 4));
    return (
      (
        await db
          .select({ n: max(replies.docSerial) })
          .from(replies)
          .where(and(eq(replies.unitId, lead), eq(replies.docYear, year)))
          .get()
      )?.n ?? 0
    );
  });
}

/** The id and number of a demo proposal, by its title. */
export async function demoProposal(title: string): Promise<{ id: number; number: number }> {
  return withDb(
    async (db) =>
      (await db.select({ id: proposals.id, number: proposals.number }).from(proposals).where(eq(proposals.title, title)).get())!,
  );
}

/** Proposals of 刘新荣 registered today and not yet assigned (待交办). */
export async function registerProposals(titles: string[]): Promise<number[]> {
  return withDb(async (db) => {
    const people = lookups(db);
    const today = isoDateInChina(new Date());
    const ids: number[] = [];
    for (const title of titles) ids.push(ok(await people.register(next++, { title, receivedOn: today })).id);
    return ids;
  });
}
