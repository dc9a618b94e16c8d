/**
 * 面商 / 座谈会: a unit records one meeting that covers several proposals it leads. Each proposal gets its
 * contact record through the workflow (add_contact, so lib/workflow decides per proposal: the lead unit's
 * handler, between 签收 and 提交审签); all or nothing, with each refusal reported by proposal.
 * The record may carry photos (uploads of purpose "photo", at most MAX_MEETING_PHOTOS), taken with it and
 * added or removed later by the unit's handlers (lib/authz.ts canEditMeetingPhotos), each change logged.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { canEditMeetingPhotos } from "@/lib/authz";
import { MEETING_CONTACT_METHOD, MEETING_KIND_LABELS, type MeetingKind } from "@/lib/domain";
import { proposalLabel } from "@/lib/format";
import { MAX_MEETING_PHOTOS } from "@/lib/import/attachments";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { leadAssignment } from "@/lib/workflow/facts";
import type { Db } from "../client";
import { logEvent } from "../queries/events";
import { meetingUnitOf } from "../queries/meetings";
import { contactRecords, meetingMembers, meetingPhotos, meetings, proposals, sessions, users } from "../schema";
import { runCommand, type RunResult, type Tx } from "./run";
import { removeStoredFile, takingUploads } from "./stored-files";
import { heldUploads, type HeldUpload } from "./uploads";

export type MeetingInput = {
  kind: MeetingKind;
  heldOn: string;
  place: string;
  proposalIds: number[];
  memberIds: number[];
  officials: string;
  minutes: string;
  /** References of the caller's uploads of purpose "photo". */
  photos?: readonly string[];
};

export type MeetingResult =
  | { ok: true; data: { meetingId: number } }
  | { ok: false; reason: string; refusals?: { proposalId: number; label: string; reason: string }[] };

class Refused extends Error {
  constructor(readonly refusals: { proposalId: number; label: string; reason: string }[]) {
    super("refused");
  }
}

const tooManyPhotos = (room: number) =>
  `每次会议最多 ${MAX_MEETING_PHOTOS} 张照片${room < MAX_MEETING_PHOTOS ? `，还可添加 ${room} 张` : ""}`;

type Place = (tx: Tx, folder: string, file: HeldUpload) => Promise<string>;

/** Takes the held photos into the meeting's folder, in the caller's transaction. */
async function insertPhotos(tx: Tx, place: Place, meetingId: number, actorId: number, photos: readonly HeldUpload[]): Promise<void> {
  for (const file of photos) {
    const storagePath = await place(tx, `meetings/${meetingId}`, file);
    const { fileName, mimeType, size, sha256 } = file;
    await tx.insert(meetingPhotos).values({ meetingId, fileName, mimeType, size, sha256, storagePath, uploadedBy: actorId }).run();
  }
}

export async function recordMeeting(db: Db, actor: WorkflowActor, input: MeetingInput): Promise<MeetingResult> {
  if (actor.unitId === null) return { ok: false, reason: "只有承办单位的承办人可以记录面商或座谈会" };
  const unitId = actor.unitId;
  const photoIds = input.photos ?? [];
  if (photoIds.length > MAX_MEETING_PHOTOS) return { ok: false, reason: tooManyPhotos(MAX_MEETING_PHOTOS) };
  const photos = await heldUploads(db, actor.id, "photo", photoIds);
  if (!photos.ok) return { ok: false, reason: photos.message };
  const members =
    input.memberIds.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.displayName, role: users.role })
          .from(users)
          .where(inArray(users.id, input.memberIds))
          .all();
  if (members.length !== input.memberIds.length || members.some((m) => m.role !== "member"))
    return { ok: false, reason: "参加的委员/代表有误，请重新选择" };
  const labels = new Map(
    (
      await db
        .select({ id: proposals.id, number: proposals.number, kind: sessions.kind })
        .from(proposals)
        .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
        .where(inArray(proposals.id, input.proposalIds))
        .all()
    ).map((p) => [p.id, proposalLabel(p.number, p.kind)]),
  );
  const participants = [input.officials.trim(), members.map((m) => m.name).join("、")].filter(Boolean).join("；");
  const summary = `${MEETING_KIND_LABELS[input.kind]}（${input.place.trim()}）：${input.minutes.trim()}`;
  try {
    // Anything thrown (a refusal, an upload used meanwhile) rolls it all back and puts the photos' files back.
    return await takingUploads(async (place) =>
      db.transaction(
        async (tx): Promise<MeetingResult> => {
          const meeting = await tx
            .insert(meetings)
            .values({
              unitId,
              kind: input.kind,
              heldOn: input.heldOn,
              place: input.place.trim(),
              officials: input.officials.trim(),
              minutes: input.minutes.trim(),
              createdBy: actor.id,
            })
            .returning({ id: meetings.id })
            .get();
          if (members.length > 0)
            await tx
              .insert(meetingMembers)
              .values(members.map((m) => ({ meetingId: meeting.id, userId: m.id })))
              .run();
          const refusals: { proposalId: number; label: string; reason: string }[] = [];
          for (const proposalId of input.proposalIds) {
            const result = await runCommand(tx, {
              proposalId,
              actor,
              command: { type: "add_contact" },
              write: async (inner, applied) =>
                void inner
                  .insert(contactRecords)
                  .values({
                    proposalId,
                    unitId: leadAssignment(applied.after)!.unitId,
                    round: applied.after.round,
                    contactedOn: input.heldOn,
                    method: MEETING_CONTACT_METHOD[input.kind],
                    participants,
                    summary,
                    meetingId: meeting.id,
                    createdBy: actor.id,
                  })
                  .run(),
            });
            if (!result.ok) refusals.push({ proposalId, label: labels.get(proposalId) ?? `提案${proposalId}`, reason: result.reason });
          }
          if (refusals.length > 0) throw new Refused(refusals);
          await insertPhotos(tx, place, meeting.id, actor.id, photos.uploads);
          return { ok: true, data: { meetingId: meeting.id } };
        },
        { behavior: "immediate" },
      ),
    );
  } catch (error) {
    if (error instanceof Refused)
      return {
        ok: false,
        reason: `有 ${error.refusals.length} 件提案不能记入此次${MEETING_KIND_LABELS[input.kind]}，未保存`,
        refusals: error.refusals,
      };
    throw error;
  }
}

/** Why the caller may not change the meeting's photos, or null when they may. */
async function photoRefusal(db: Db, actor: WorkflowActor, meetingId: number): Promise<string | null> {
  const unitId = await meetingUnitOf(db, meetingId);
  if (unitId === null) return "该会议记录不存在";
  return canEditMeetingPhotos(actor, unitId) ? null : "只有记录此会议的单位的承办人可以添加或删除照片";
}

/** 添加会议照片: the caller's uploads (purpose "photo") become photos of the meeting, up to MAX_MEETING_PHOTOS in all; logged. */
export async function addMeetingPhotos(
  db: Db,
  actor: WorkflowActor,
  meetingId: number,
  uploadIds: readonly string[],
): Promise<RunResult<{ count: number }>> {
  const refusal = await photoRefusal(db, actor, meetingId);
  if (refusal) return { ok: false, reason: refusal };
  const held = await heldUploads(db, actor.id, "photo", uploadIds);
  if (!held.ok) return { ok: false, reason: held.message };
  return takingUploads(async (place) =>
    db.transaction(
      async (tx): Promise<RunResult<{ count: number }>> => {
        const room =
          MAX_MEETING_PHOTOS - (await tx.select({ n: count() }).from(meetingPhotos).where(eq(meetingPhotos.meetingId, meetingId)).get())!.n;
        if (held.uploads.length > room) return { ok: false, reason: tooManyPhotos(room) };
        await insertPhotos(tx, place, meetingId, actor.id, held.uploads);
        await logEvent(tx, {
          actorId: actor.id,
          action: "meeting_photos_added",
          data: { meetingId, fileNames: held.uploads.map((f) => f.fileName) },
        });
        return { ok: true, data: { count: held.uploads.length } };
      },
      { behavior: "immediate" },
    ),
  );
}

/** 删除会议照片: one photo of the meeting, logged; its file is deleted once the removal is committed. */
export async function removeMeetingPhoto(db: Db, actor: WorkflowActor, meetingId: number, photoId: number): Promise<RunResult<void>> {
  const refusal = await photoRefusal(db, actor, meetingId);
  if (refusal) return { ok: false, reason: refusal };
  const removed = await db.transaction(
    async (tx) => {
      const photo = await tx
        .delete(meetingPhotos)
        .where(and(eq(meetingPhotos.id, photoId), eq(meetingPhotos.meetingId, meetingId)))
        .returning({ fileName: meetingPhotos.fileName, storagePath: meetingPhotos.storagePath })
        .get();
      if (photo) await logEvent(tx, { actorId: actor.id, action: "meeting_photo_removed", data: { meetingId, fileName: photo.fileName } });
      return photo;
    },
    { behavior: "immediate" },
  );
  if (!removed) return { ok: false, reason: "该照片不存在或已删除" };
  removeStoredFile(removed.storagePath);
  return { ok: true, data: undefined };
}
