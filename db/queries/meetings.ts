/** What the 面商/座谈会 pages read: the proposals a unit may cover, its meetings, one meeting in full, a photo's file. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  assignments,
  contactRecords,
  events,
  meetingMembers,
  meetingPhotos,
  meetings,
  proposalSigners,
  proposals,
  sessions,
  units,
  users,
} from "../schema";
import { jsonField } from "../dialect";

export type MeetingCandidate = {
  id: number;
  number: number;
  title: string;
  kind: "proposal" | "suggestion";
  proposers: { id: number; name: string }[];
};

/** The proposals the unit leads and handles now (签收 done, not yet submitted), with their proposers and co-signers. */
export async function meetingCandidates(db: Db, unitId: number): Promise<MeetingCandidate[]> {
  const rows = await db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title, kind: sessions.kind })
    .from(assignments)
    .innerJoin(proposals, eq(proposals.id, assignments.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(
      and(
        eq(assignments.unitId, unitId),
        eq(assignments.role, "lead"),
        eq(assignments.status, "accepted"),
        inArray(proposals.status, ["handling", "rehandling"]),
      ),
    )
    .orderBy(asc(sessions.year), asc(proposals.number))
    .all();
  if (rows.length === 0) return [];
  const signers = await db
    .select({ proposalId: proposalSigners.proposalId, id: users.id, name: users.displayName })
    .from(proposalSigners)
    .innerJoin(users, eq(users.id, proposalSigners.userId))
    .where(
      and(
        inArray(
          proposalSigners.proposalId,
          rows.map((r) => r.id),
        ),
        inArray(proposalSigners.role, ["lead", "cosigner"]),
      ),
    )
    .orderBy(asc(proposalSigners.proposalId), sql`${proposalSigners.role} = 'cosigner'`)
    .all();
  return rows.map((r) => ({ ...r, proposers: signers.filter((s) => s.proposalId === r.id).map(({ id, name }) => ({ id, name })) }));
}

export type MeetingListRow = { id: number; kind: "consultation" | "forum"; heldOn: string; place: string; unit: string; proposals: number };

/** The meetings of one unit, or of every unit (the coordinating office), latest first. */
export async function meetingsOf(db: Db, unitId: number | null): Promise<MeetingListRow[]> {
  return db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      heldOn: meetings.heldOn,
      place: meetings.place,
      unit: units.name,
      proposals: sql<number>`(select count(*) from ${contactRecords} where ${contactRecords.meetingId} = ${meetings.id})`,
    })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .where(unitId === null ? undefined : eq(meetings.unitId, unitId))
    .orderBy(desc(meetings.heldOn), desc(meetings.id))
    .all();
}

/** One meeting with its unit, recorder, members, the proposals it covers and its photos; null when there is none. */
export async function meetingDetail(db: Db, id: number) {
  const meeting = await db
    .select({ meeting: meetings, unit: units.name, author: users.displayName })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .innerJoin(users, eq(users.id, meetings.createdBy))
    .where(eq(meetings.id, id))
    .get();
  if (!meeting) return null;
  const members = await db
    .select({ id: users.id, name: users.displayName })
    .from(meetingMembers)
    .innerJoin(users, eq(users.id, meetingMembers.userId))
    .where(eq(meetingMembers.meetingId, id))
    .orderBy(asc(users.id))
    .all();
  const covered = await db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title, kind: sessions.kind })
    .from(contactRecords)
    .innerJoin(proposals, eq(proposals.id, contactRecords.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(eq(contactRecords.meetingId, id))
    .orderBy(asc(sessions.year), asc(proposals.number))
    .all();
  const photos = await db
    .select({ id: meetingPhotos.id, fileName: meetingPhotos.fileName, size: meetingPhotos.size, createdAt: meetingPhotos.createdAt })
    .from(meetingPhotos)
    .where(eq(meetingPhotos.meetingId, id))
    .orderBy(asc(meetingPhotos.id))
    .all();
  return { ...meeting.meeting, unit: meeting.unit, author: meeting.author, members, proposals: covered, photos };
}

/** The unit that held the meeting, or null when there is no such meeting. */
export async function meetingUnitOf(db: Pick<Db, "select">, id: number): Promise<number | null> {
  return (await db.select({ unitId: meetings.unitId }).from(meetings).where(eq(meetings.id, id)).get())?.unitId ?? null;
}

/** The file of one photo of the meeting; null when the meeting has no such photo. */
export async function meetingPhotoFile(db: Db, meetingId: number, photoId: number) {
  return (
    (await db
      .select({ storagePath: meetingPhotos.storagePath, fileName: meetingPhotos.fileName, mimeType: meetingPhotos.mimeType })
      .from(meetingPhotos)
      .where(and(eq(meetingPhotos.id, photoId), eq(meetingPhotos.meetingId, meetingId)))
      .get()) ?? null
  );
}

export type PhotoChange = {
  id: number;
  action: "meeting_photos_added" | "meeting_photo_removed";
  actor: string | null;
  fileNames: string[];
  createdAt: Date;
};

/** The photos added to and removed from a meeting after it was recorded, as logged, oldest first. */
export async function meetingPhotoChanges(db: Db, meetingId: number): Promise<PhotoChange[]> {
  return (
    await db
      .select({ id: events.id, action: events.action, actor: users.displayName, data: events.data, createdAt: events.createdAt })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorId))
      .where(
        and(
          inArray(events.action, ["meeting_photos_added", "meeting_photo_removed"]),
          eq(jsonField(events.data, "meetingId", "integer"), meetingId),
        ),
      )
      .orderBy(asc(events.id))
      .all()
  ).map((e) => ({
    id: e.id,
    action: e.action as PhotoChange["action"],
    actor: e.actor,
    fileNames: (e.data?.fileNames as string[] | undefined) ?? [String(e.data?.fileName ?? "")],
    createdAt: e.createdAt,
  }));
}
