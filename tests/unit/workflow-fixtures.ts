import { DEFAULT_DEADLINES } from "@/lib/deadline-rules";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import type { ProposalState } from "@/lib/domain";
import type { Command, SectionRef, StaffRef, WorkflowActor, WorkflowContext } from "@/lib/workflow/commands";
import type { AssignmentFacts, ProposalFacts } from "@/lib/workflow/facts";

/** Unit 1 leads, unit 2 co-handles, unit 3 has no part. Member 100 proposes, 101 co-signs, 200 is unrelated. */
export const LEAD = 1;
export const CO = 2;
export const OTHER = 3;
export const PROPOSER = 100;
export const COSIGNER = 101;
/** Another proposal, which 并案 links to this one. */
export const RELATED = 500;
/** The 区领导 who leads a 重点提案 (领办). */
export const LEADER = 300;

export const ACTORS = {
  coordinator: { id: 1, role: "coordinator", unitId: 9 },
  leadHandler: { id: 11, role: "handler", unitId: LEAD },
  leadDirector: { id: 12, role: "director", unitId: LEAD },
  /** A handler of the lead unit's office whom the administrator allowed to divide (可分办). */
  leadOffice: { id: 13, role: "handler", unitId: LEAD, canDivide: true },
  /** The lead unit's 分管领导. */
  leadLeader: { id: 14, role: "leader", unitId: LEAD },
  coHandler: { id: 21, role: "handler", unitId: CO },
  coDirector: { id: 22, role: "director", unitId: CO },
  otherHandler: { id: 31, role: "handler", unitId: OTHER },
  otherDirector: { id: 32, role: "director", unitId: OTHER },
  otherLeader: { id: 33, role: "leader", unitId: OTHER },
  proposer: { id: PROPOSER, role: "member", unitId: null },
  otherMember: { id: 200, role: "member", unitId: null },
  admin: { id: 2, role: "admin", unitId: null },
  leader: { id: LEADER, role: "district_leader", unitId: null },
} as const satisfies Record<string, WorkflowActor>;
export type ActorKey = keyof typeof ACTORS;

/** Two 科室 of the lead unit and one of the co-handling unit; a 科室 that was abolished. */
export const SECTIONS = {
  leadA: { id: 70, unitId: LEAD, active: true },
  leadB: { id: 71, unitId: LEAD, active: true },
  leadClosed: { id: 72, unitId: LEAD, active: false },
  co: { id: 80, unitId: CO, active: true },
} as const satisfies Record<string, SectionRef>;

/** People a 分办 may name: the lead handler in 科室 A, a colleague in 科室 B, the co-handling unit's handler. */
export const STAFF = {
  leadHandler: { id: ACTORS.leadHandler.id, role: "handler", unitId: LEAD, sectionId: SECTIONS.leadA.id, active: true },
  colleague: { id: 15, role: "handler", unitId: LEAD, sectionId: SECTIONS.leadB.id, active: true },
  coHandler: { id: ACTORS.coHandler.id, role: "handler", unitId: CO, sectionId: SECTIONS.co.id, active: true },
} as const satisfies Record<string, StaffRef>;

/** 提交审签 of a draft whose 公开审查 found nothing. */
export const SUBMIT: Extract<Command, { type: "submit" }> = {
  type: "submit",
  review: { disclosure: "full", findings: [], confirmation: null },
};

export const CTX: WorkflowContext = { today: "2026-06-15", rules: DEFAULT_DEADLINES, calendar: PACKAGE_CALENDAR };

export function assignment(unitId: number, role: "lead" | "co", over: Partial<AssignmentFacts> = {}): AssignmentFacts {
  return {
    id: unitId * 10,
    unitId,
    role,
    status: "accepted",
    handlerId: unitId * 10 + 1,
    assignedOn: "2026-04-01",
    acceptDue: "2026-04-09",
    due: "2026-07-01",
    extendedDue: null,
    opinion: null,
    opinionWaived: false,
    pendingExtension: false,
    division: null,
    ...over,
  };
}

export function facts(status: ProposalState, over: Partial<ProposalFacts> = {}): ProposalFacts {
  return {
    status,
    round: 1,
    isUrgent: false,
    isKey: false,
    keyLeaderId: null,
    proposerIds: [PROPOSER, COSIGNER],
    contactWaived: false,
    contactsThisRound: 0,
    draftsThisRound: 0,
    draftReturned: false,
    replyFilesThisRound: 0,
    reviewStage: status === "in_review" ? "director" : null,
    leaderReviewUnitIds: [],
    assignments: [assignment(LEAD, "lead"), assignment(CO, "co")],
    reply: null,
    receiptsThisRound: [],
    linkedIds: [],
    earlierReplies: [],
    sealedRounds: [],
    ...over,
  };
}
