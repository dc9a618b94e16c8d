/**
 * Photos of a 面商 / 座谈会 on a real SQLite file: taken with the record (all or nothing with it), added and
 * removed later by the unit's handlers only, at most MAX_MEETING_PHOTOS, logged; the upload route takes
 * JPEG, PNG and WebP by their first bytes for this purpose and nothing else; the photo's route answers
 * exactly as the meeting's page does (403 / 404), with the headers of every stored file.
 */

import fs from "node:fs";
import path from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, getDb } from "@/db/client";
import { acceptAssignment, assignProposal } from "@/db/handling/assignment";
import { addMeetingPhotos, type MeetingInput, recordMeeting, removeMeetingPhoto } from "@/db/handling/meetings";
import { incomingPath, newUploadId } from "@/db/handling/uploads";
import { meetingDetail, meetingPhotoChanges } from "@/db/queries/meetings";
import { events, meetingPhotos, meetings, uploads } from "@/db/schema";
import { eventLabel } from "@/lib/event-labels";
import { MAX_MEETING_PHOTOS } from "@/lib/import/attachments";
import type { UploadPurpose } from "@/lib/uploads";
import { DEMO_TODAY, demoDatabase, ok } from "./demo-db";
import { indexes, inOrder } from "./in-order";
import { useAsAppDatabase } from "./temp-db";
import { uploadedFile } from "./uploaded-file";

// The routes ask the guard who calls; here the caller is whoever the test says (null: nobody signed in).
const caller = vi.hoisted(() => ({
  user: null as null | { id: number; role: string; unitId: number | null; mustChangePassword?: boolean },
}));
vi.mock("@/app/_server/guard", () => ({
  uploadCaller: async () => caller.user ?? new Response("请先登录后再上传文件", { status: 401 }),
  downloadCaller: async () => caller.user ?? new Response("请先登录", { status: 401 }),
}));

let t: Awaited<ReturnType<typeof demoDatabase>>;
const LEAD = "重庆高新区科技创新局";
let number = 7600;

beforeAll(async () => {
  t = await demoDatabase();
  useAsAppDatabase(t);
  vi.stubEnv("ATTACHMENTS_DIR", path.join(t.dir, "attachments"));
});
afterAll(async () => {
  await closeDatabase(getDb());
  vi.unstubAllEnvs();
  return t.cleanup();
});

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2]);
const WEBP = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50]);
const PDF = new TextEncoder().encode("%PDF-1.7\n会议纪要");

/** A file as the upload route leaves it, for `login`; returns its reference. */
async function uploaded(
  login: string,
  fileName: string,
  bytes: Uint8Array = JPEG,
  purpose: UploadPurpose = "photo",
  mimeType = "image/jpeg",
) {
  return uploadedFile(t.db, { userId: (await t.user(login)).id, purpose, fileName, bytes, mimeType });
}
const photos = async (login: string, n: number) => await inOrder(indexes(n), async (i) => uploaded(login, `现场${i + 1}.jpg`));

const stored = (storagePath: string) => path.join(process.env.ATTACHMENTS_DIR!, storagePath);
const photoRows = async (meetingId: number) =>
  t.db.select().from(meetingPhotos).where(eq(meetingPhotos.meetingId, meetingId)).orderBy(asc(meetingPhotos.id)).all();
const photoEvents = async () =>
  t.db
    .select({ action: events.action, data: events.data, proposalId: events.proposalId })
    .from(events)
    .where(inArray(events.action, ["meeting_photos_added", "meeting_photo_removed"]))
    .orderBy(asc(events.id))
    .all();

/** A new proposal led by 科技创新局, accepted (so in hand), or left 待签收. */
async function proposal(accepted = true): Promise<number> {
  const id = ok(await t.register(number++, { title: `关于科学城孵化器建设的建议${number}` })).id;
  ok(await assignProposal(t.db, await t.user("coordinator"), id, { leadUnitId: await t.unit(LEAD), coUnitIds: [] }));
  if (accepted) ok(await acceptAssignment(t.db, await t.user("jiangmj"), id, await t.unit(LEAD)));
  return id;
}

const input = async (proposalIds: number[], photoIds: string[]): Promise<MeetingInput> => ({
  kind: "consultation",
  heldOn: DEMO_TODAY,
  place: "科技创新局三楼会议室",
  proposalIds,
  memberIds: [(await t.user("liuxr")).id],
  officials: "邓敏军局长、蒋明杰",
  minutes: "委员介绍了建议，局里介绍了已开展的工作。",
  photos: photoIds,
});

/** A meeting of 科技创新局 recorded by 蒋明杰 with `n` photos. */
const meetingWith = async (n: number) =>
  ok(await recordMeeting(t.db, await t.user("jiangmj"), await input([await proposal()], await photos("jiangmj", n)))).meetingId;

describe("photos taken with the record", () => {
  it("become the meeting's photos, stored under meetings/<id>/ outside public/, the uploads used up", async () => {
    const refs = [await uploaded("jiangmj", "合影.jpg"), await uploaded("jiangmj", "会场.png", PNG, "photo", "image/png")];
    const { meetingId } = ok(await recordMeeting(t.db, await t.user("jiangmj"), await input([await proposal()], refs)));
    const rows = await photoRows(meetingId);
    expect(rows.map((r) => [r.fileName, r.mimeType, r.size, r.uploadedBy])).toEqual([
      ["合影.jpg", "image/jpeg", JPEG.byteLength, (await t.user("jiangmj")).id],
      ["会场.png", "image/png", PNG.byteLength, (await t.user("jiangmj")).id],
    ]);
    for (const r of rows) expect(r.storagePath).toMatch(new RegExp(`^meetings/${meetingId}/[0-9a-f]{32}$`));
    expect(fs.readFileSync(stored(rows[1]!.storagePath))).toEqual(Buffer.from(PNG));
    expect(refs.some((ref) => fs.existsSync(incomingPath(ref)))).toBe(false);
    expect(await t.db.select().from(uploads).where(inArray(uploads.id, refs)).all()).toEqual([]);
    expect((await meetingDetail(t.db, meetingId))!.photos.map((p) => p.fileName)).toEqual(["合影.jpg", "会场.png"]);
  });

  it("are kept back with the record when a proposal refuses it: nothing saved, the uploads still usable", async () => {
    const refs = await photos("jiangmj", 2);
    const before = (await t.db.select().from(meetings).all()).length;
    const refused = await recordMeeting(t.db, await t.user("jiangmj"), await input([await proposal(), await proposal(false)], refs));
    expect(refused.ok).toBe(false);
    expect((await t.db.select().from(meetings).all()).length).toBe(before);
    expect(refs.every((ref) => fs.existsSync(incomingPath(ref)))).toBe(true);
    // The same uploads then go with a record that is taken.
    const { meetingId } = ok(await recordMeeting(t.db, await t.user("jiangmj"), await input([await proposal()], refs)));
    expect(await photoRows(meetingId)).toHaveLength(2);
  });

  it(`are at most ${MAX_MEETING_PHOTOS}, of the caller's own uploads for photos`, async () => {
    expect(
      await recordMeeting(t.db, await t.user("jiangmj"), await input([await proposal()], await photos("jiangmj", MAX_MEETING_PHOTOS + 1))),
    ).toEqual({ ok: false, reason: "每次会议最多 20 张照片" });
    // Another handler's upload, and the handler's own upload for another purpose, are not photos to use.
    expect(
      await recordMeeting(t.db, await t.user("jiangmj"), await input([await proposal()], [await uploaded("wangl", "别人的.jpg")])),
    ).toEqual({ ok: false, reason: "上传的文件已失效或已被使用，请移除后重新上传" });
    expect(
      await recordMeeting(
        t.db,
        await t.user("jiangmj"),
        await input([await proposal()], [await uploaded("jiangmj", "附件.jpg", JPEG, "attachment")]),
      ),
    ).toEqual({
      ok: false,
      reason: "上传的文件已失效或已被使用，请移除后重新上传",
    });
    expect(
      ok(await recordMeeting(t.db, await t.user("jiangmj"), await input([await proposal()], await photos("jiangmj", MAX_MEETING_PHOTOS)))),
    ).toBeDefined();
  });
});

describe("photos added and removed later", () => {
  it("by a handler of the meeting's unit (not only its recorder), logged with Chinese labels", async () => {
    const meetingId = await meetingWith(1);
    const eventsBefore = (await photoEvents()).length;
    expect(ok(await addMeetingPhotos(t.db, await t.user("wangl"), meetingId, await photos("wangl", 2)))).toEqual({ count: 2 });
    const rows = await photoRows(meetingId);
    expect(rows.map((r) => r.uploadedBy)).toEqual([(await t.user("jiangmj")).id, (await t.user("wangl")).id, (await t.user("wangl")).id]);
    ok(await removeMeetingPhoto(t.db, await t.user("jiangmj"), meetingId, rows[0]!.id));
    expect(fs.existsSync(stored(rows[0]!.storagePath))).toBe(false);
    expect(fs.existsSync(stored(rows[1]!.storagePath))).toBe(true);
    expect((await photoRows(meetingId)).map((r) => r.id)).toEqual([rows[1]!.id, rows[2]!.id]);
    expect((await photoEvents()).slice(eventsBefore)).toEqual([
      { action: "meeting_photos_added", data: { meetingId, fileNames: ["现场1.jpg", "现场2.jpg"] }, proposalId: null },
      { action: "meeting_photo_removed", data: { meetingId, fileName: "现场1.jpg" }, proposalId: null },
    ]);
    const changes = await meetingPhotoChanges(t.db, meetingId);
    expect(changes.map((c) => [eventLabel(c.action), c.actor, c.fileNames])).toEqual([
      ["添加会议照片", "王磊", ["现场1.jpg", "现场2.jpg"]],
      ["删除会议照片", "蒋明杰", ["现场1.jpg"]],
    ]);
  });

  it("never by another unit, the unit's director or 分管领导, nor the coordinating office; the uploads stay usable", async () => {
    const meetingId = await meetingWith(1);
    const [photo] = await photoRows(meetingId);
    const NOT_YOURS = "只有记录此会议的单位的承办人可以添加或删除照片";
    for (const login of ["dqgzb", "dengmj", "zhouwb", "coordinator"]) {
      const ref = await uploaded(login, "越权.jpg");
      expect(await addMeetingPhotos(t.db, await t.user(login), meetingId, [ref]), login).toEqual({ ok: false, reason: NOT_YOURS });
      expect(fs.existsSync(incomingPath(ref))).toBe(true);
      expect(await removeMeetingPhoto(t.db, await t.user(login), meetingId, photo!.id), login).toEqual({ ok: false, reason: NOT_YOURS });
    }
    expect(await photoRows(meetingId)).toEqual([photo]);
    expect(fs.existsSync(stored(photo!.storagePath))).toBe(true);
    expect(await addMeetingPhotos(t.db, await t.user("jiangmj"), 2_000_000_000, await photos("jiangmj", 1))).toEqual({
      ok: false,
      reason: "该会议记录不存在",
    });
  });

  it(`up to ${MAX_MEETING_PHOTOS} in all; a photo named under another meeting is not that meeting's`, async () => {
    const meetingId = await meetingWith(MAX_MEETING_PHOTOS - 2);
    const three = await photos("jiangmj", 3);
    expect(await addMeetingPhotos(t.db, await t.user("jiangmj"), meetingId, three)).toEqual({
      ok: false,
      reason: "每次会议最多 20 张照片，还可添加 2 张",
    });
    expect(three.every((ref) => fs.existsSync(incomingPath(ref)))).toBe(true);
    ok(await addMeetingPhotos(t.db, await t.user("jiangmj"), meetingId, three.slice(0, 2)));
    expect(await addMeetingPhotos(t.db, await t.user("jiangmj"), meetingId, three.slice(2))).toEqual({
      ok: false,
      reason: "每次会议最多 20 张照片，还可添加 0 张",
    });
    const other = await meetingWith(1);
    const [otherPhoto] = await photoRows(other);
    expect(await removeMeetingPhoto(t.db, await t.user("jiangmj"), meetingId, otherPhoto!.id)).toEqual({
      ok: false,
      reason: "该照片不存在或已删除",
    });
    expect(await photoRows(other)).toEqual([otherPhoto]);
    ok(await removeMeetingPhoto(t.db, await t.user("jiangmj"), other, otherPhoto!.id));
    expect(await removeMeetingPhoto(t.db, await t.user("jiangmj"), other, otherPhoto!.id)).toEqual({
      ok: false,
      reason: "该照片不存在或已删除",
    });
  });
});

describe("the upload route with purpose=photo", () => {
  async function post(name: string, bytes: Uint8Array, purpose = "photo") {
    const { POST } = await import("@/app/api/uploads/route");
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)]), name);
    const response = await POST(
      new Request(`http://app.test/api/uploads?purpose=${purpose}`, {
        method: "POST",
        body: form,
        headers: { origin: "http://app.test", host: "app.test" },
      }),
    );
    return { status: response.status, body: await response.text() };
  }
  beforeEach(async () => {
    caller.user = { ...(await t.user("jiangmj")) };
  });

  it("takes JPEG, PNG and WebP by their first bytes; refuses a PDF, a disguised file or a PNG named .webp, and keeps none of them", async () => {
    for (const [name, bytes, mimeType] of [
      ["合影.JPG", JPEG, "image/jpeg"],
      ["会场.png", PNG, "image/png"],
      ["签到.webp", WEBP, "image/webp"],
    ] as const) {
      const taken = await post(name, bytes);
      expect(taken.status, name).toBe(200);
      const { id } = JSON.parse(taken.body) as { id: string };
      expect(
        await t.db.select({ purpose: uploads.purpose, mimeType: uploads.mimeType }).from(uploads).where(eq(uploads.id, id)).get(),
      ).toEqual({ purpose: "photo", mimeType });
    }
    const incoming = () => fs.readdirSync(path.dirname(incomingPath(newUploadId()))).length;
    const before = incoming();
    expect(await post("纪要.pdf", PDF)).toEqual({ status: 422, body: "照片“纪要.pdf”的类型不支持；只接受 JPG、PNG、WebP 照片" });
    expect(await post("伪装.jpg", PDF)).toEqual({ status: 422, body: "照片“伪装.jpg”的内容与扩展名不符，请确认文件未损坏" });
    expect(await post("会场.webp", PNG)).toEqual({ status: 422, body: "照片“会场.webp”的内容与扩展名不符，请确认文件未损坏" });
    // A page or a drawing that could run script is no photo, whatever its name.
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await post("合影.svg", svg)).toEqual({ status: 422, body: "照片“合影.svg”的类型不支持；只接受 JPG、PNG、WebP 照片" });
    expect(await post("合影.jpg", svg)).toEqual({ status: 422, body: "照片“合影.jpg”的内容与扩展名不符，请确认文件未损坏" });
    // RIFF but not WebP (a WAV file renamed).
    expect(await post("录音.webp", new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45]))).toMatchObject({
      status: 422,
    });
    expect(incoming()).toBe(before);
  });

  it("is for those who record meetings: a director, the coordinating office or a member may not upload photos", async () => {
    for (const login of ["dengmj", "coordinator", "liuxr"]) {
      caller.user = { ...(await t.user(login)) };
      expect((await post("合影.jpg", JPEG)).status, login).toBe(403);
    }
  });
});

describe("the photo's route", () => {
  async function get(meetingId: number | string, photoId: number | string) {
    const { GET } = await import("@/app/(staff)/meetings/[id]/photos/[photoId]/route");
    const response = await GET(new Request(`http://app.test/meetings/${meetingId}/photos/${photoId}`), {
      params: Promise.resolve({ id: String(meetingId), photoId: String(photoId) }),
    });
    return response;
  }
  const as = async (login: string | null) => {
    caller.user = login ? { ...(await t.user(login)) } : null;
  };

  it("serves the photo to the unit's staff and the coordinating office, as a download never sniffed", async () => {
    const meetingId = ok(
      await recordMeeting(
        t.db,
        await t.user("jiangmj"),
        await input([await proposal()], [await uploaded("jiangmj", "会场 合影.png", PNG, "photo", "image/png")]),
      ),
    ).meetingId;
    const [photo] = await photoRows(meetingId);
    for (const login of ["jiangmj", "wangl", "dengmj", "zhouwb", "coordinator"]) {
      await as(login);
      const response = await get(meetingId, photo!.id);
      expect(response.status, login).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(PNG));
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("会场 合影.png")}`);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("refuses as the meeting's page does: 401 signed out, 403 to another unit and to roles without meetings, 404 for what does not exist", async () => {
    const meetingId = await meetingWith(1);
    const [photo] = await photoRows(meetingId);
    const other = await meetingWith(1);
    const status = async (login: string | null, m: number | string, p: number | string) => {
      await as(login);
      return (await get(m, p)).status;
    };
    expect(await status(null, meetingId, photo!.id)).toBe(401);
    for (const login of ["dqgzb", "dqgzb-fz", "liuxr", "admin", "liwd"]) expect(await status(login, meetingId, photo!.id), login).toBe(403);
    // Another unit is refused even where the meeting or the photo does not exist… as the page refuses it.
    expect(await status("dqgzb", meetingId, 2_000_000_000)).toBe(403);
    expect(await status("liuxr", 2_000_000_000, photo!.id)).toBe(403);
    for (const login of ["jiangmj", "coordinator", "dqgzb"]) expect(await status(login, 2_000_000_000, photo!.id), login).toBe(404);
    expect(await status("jiangmj", meetingId, 2_000_000_000)).toBe(404);
    expect(await status("jiangmj", other, photo!.id)).toBe(404);
    expect(await status("jiangmj", "abc", photo!.id)).toBe(404);
    expect(await status("jiangmj", meetingId, "..%2F..%2Fpackage.json")).toBe(404);
  });

  it("reads and never writes: a removed photo is gone (404), the remaining one still served", async () => {
    const meetingId = await meetingWith(2);
    const [first, second] = await photoRows(meetingId);
    ok(await removeMeetingPhoto(t.db, await t.user("jiangmj"), meetingId, first!.id));
    const before = { events: await photoEvents(), photos: await photoRows(meetingId), uploads: await t.db.select().from(uploads).all() };
    await as("jiangmj");
    expect((await get(meetingId, first!.id)).status).toBe(404);
    expect((await get(meetingId, second!.id)).status).toBe(200);
    expect({ events: await photoEvents(), photos: await photoRows(meetingId), uploads: await t.db.select().from(uploads).all() }).toEqual(
      before,
    );
  });
});
