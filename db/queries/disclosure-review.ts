/**
 * 公开审查's facts (docs/domain.md "公开审查"): the proposal's people list, and the findings in a reply's
 * texts. lib/disclosure-review.ts finds; the workflow and publication deciders judge.
 */
import { eq, inArray } from "drizzle-orm";
import { candidateNames, participantNames, privatePersons, reviewReply, type Finding, type ReviewedReply } from "@/lib/disclosure-review";
import type { Db } from "../client";
import { contactRecords, meetingMembers, meetings, proposalSigners, users } from "../schema";

type Reader = Pick<Db, "select">;

/** The private persons named in the proposal's contact records: neither its members nor any official. */
export async function privatePersonsOf(db: Reader, proposalId: number): Promise<string[]> {
  const contacts = await db
    .select({ participants: contactRecords.participants, meetingId: contactRecords.meetingId })
    .from(contactRecords)
    .where(eq(contactRecords.proposalId, proposalId))
    .all();
  if (contacts.length === 0) return [];
  const participants = contacts.map((c) => c.participants);
  const signers = await db
    .select({ name: users.displayName })
    .from(proposalSigners)
    .innerJoin(users, eq(users.id, proposalSigners.userId))
    .where(eq(proposalSigners.proposalId, proposalId))
    .all();
  const meetingIds = [...new Set(contacts.map((c) => c.meetingId).filter((id): id is number => id !== null))];
  const meetingRows = meetingIds.length
    ? await db.select({ officials: meetings.officials }).from(meetings).where(inArray(meetings.id, meetingIds)).all()
    : [];
  const meetingMemberNames = meetingIds.length
    ? await db
        .select({ name: users.displayName })
        .from(meetingMembers)
        .innerJoin(users, eq(users.id, meetingMembers.userId))
        .where(inArray(meetingMembers.meetingId, meetingIds))
        .all()
    : [];
  // Anyone the system knows by the names written: a member in office or one of the staff.
  const named = await db
    .select({ name: users.displayName, role: users.role })
    .from(users)
    .where(inArray(users.displayName, candidateNames(participants)))
    .all();
  return privatePersons({
    members: [...signers, ...meetingMemberNames, ...named.filter((u) => u.role === "member")].map((p) => p.name),
    officials: [...named.filter((u) => u.role !== "member").map((u) => u.name), ...participantNames(meetingRows.map((m) => m.officials))],
    participants,
  });
}

/** The findings in a reply's public texts, judged against the proposal's own people. */
export async function reviewOfReply(db: Reader, proposalId: number, reply: ReviewedReply): Promise<Finding[]> {
  return reviewReply(reply, await privatePersonsOf(db, proposalId));
}
