/**
 * 面商 / 座谈会: a unit records one meeting that covers several proposals it leads. Each proposal gets its
 * contact record through the workflow (add_contact, so lib/workflow decides per proposal: the lead unit's
 * handler, between 签收 and 提交审签); all or nothing, with each refusal reported by proposal.
 */
import { eq, inArray } from "drizzle-orm";
import { MEETING_CONTACT_METHOD, MEETING_KIND_LABELS, type MeetingKind } from "@/lib/domain";
import { proposalLabel } from "@/lib/format";
import type { WorkflowActor } from "@/lib/workflow/commands";
import { leadAssignment } from "@/lib/workflow/facts";
import type { Db } from "../client";
import { contactRecords, meetingMembers, meetings, proposals, sessions, users } from "../schema";
import { runCommand } from "./run";

export type MeetingInput = {
  kind: MeetingKind;
  heldOn: string;
  place: string;
  proposalIds: number[];
  memberIds: number[];
  officials: string;
  minutes: string;
};

export type MeetingResult = { ok: true; data: { meetingId: number } } | { ok: false; reason: string; refusals?: { proposalId: number; label: string; reason: string }[] };

class Refused extends Error {
  constructor(readonly refusals: { proposalId: number; label: string; reason: string }[]) {
    super("refused");
  }
}

export function recordMeeting(db: Db, actor: WorkflowActor, input: MeetingInput): MeetingResult {
  if (actor.unitId === null) return { ok: false, reason: "只有承办单位的承办人可以记录面商或座谈会" };
  const unitId = actor.unitId;
  const members = input.memberIds.length === 0 ? [] : db.select({ id: users.id, name: users.displayName, role: users.role }).from(users).where(inArray(users.id, input.memberIds)).all();
  if (members.length !== input.memberIds.length || members.some((m) => m.role !== "member")) return { ok: false, reason: "参加的委员/代表有误，请重新选择" };
  const labels = new Map(
    db
      .select({ id: proposals.id, number: proposals.number, kind: sessions.kind })
      .from(proposals)
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .where(inArray(proposals.id, input.proposalIds))
      .all()
      .map((p) => [p.id, proposalLabel(p.number, p.kind)]),
  );
  const participants = [input.officials.trim(), members.map((m) => m.name).join("、")].filter(Boolean).join("；");
  const summary = `${MEETING_KIND_LABELS[input.kind]}（${input.place.trim()}）：${input.minutes.trim()}`;
  try {
    const meetingId = db.transaction(
      (tx) => {
        const meeting = tx
          .insert(meetings)
          .values({ unitId, kind: input.kind, heldOn: input.heldOn, place: input.place.trim(), officials: input.officials.trim(), minutes: input.minutes.trim(), createdBy: actor.id })
          .returning({ id: meetings.id })
          .get();
        if (members.length > 0) tx.insert(meetingMembers).values(members.map((m) => ({ meetingId: meeting.id, userId: m.id }))).run();
        const refusals: { proposalId: number; label: string; reason: string }[] = [];
        for (const proposalId of input.proposalIds) {
          const result = runCommand(tx, {
            proposalId,
            actor,
            command: { type: "add_contact" },
            write: (inner, applied) =>
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
        return meeting.id;
      },
      { behavior: "immediate" },
    );
    return { ok: true, data: { meetingId } };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: `有 ${error.refusals.length} 件提案不能记入此次${MEETING_KIND_LABELS[input.kind]}，未保存`, refusals: error.refusals };
    throw error;
  }
}
