import { DEFAULT_DEADLINES } from "@/lib/deadline-rules";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import type { ProposalState } from "@/lib/domain";
import type { WorkflowActor, WorkflowContext } from "@/lib/workflow/commands";
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
  coHandler: { id: 21, role: "handler", unitId: CO },
  coDirector: { id: 22, role: "director", unitId: CO },
  otherHandler: { id: 31, role: "handler", unitId: OTHER },
  otherDirector: { id: 32, role: "director", unitId: OTHER },
  proposer: { id: PROPOSER, role: "member", unitId: null },
  otherMember: { id: 200, role: "member", unitId: null },
  admin: { id: 2, role: "admin", unitId: null },
  leader: { id: LEADER, role: "district_leader", unitId: null },
} as const satisfies Record<string, WorkflowActor>;
export type ActorKey = keyof typeof ACTORS;

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
    assignments: [assignment(LEAD, "lead"), assignment(CO, "co")],
    reply: null,
    receiptsThisRound: [],
    linkedIds: [],
    earlierReplies: [],
    sealedRounds: [],
    ...over,
  };
}
