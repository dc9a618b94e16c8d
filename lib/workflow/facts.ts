/**
 * The workflow-relevant facts about one proposal: what the rules look at, loaded by the server
 * from the database and handed to `decide`. Pure data.
 */
import type { AssignmentRole, AssignmentState, CoOpinionState, ProposalState, ReviewStage, Satisfaction } from "../domain";

/**
 * 分办: inside a unit that accepted its assignment, the 科室 and the named 承办人 who handle it, with an
 * internal deadline inside the unit's own. Once named, the unit's work on the assignment is theirs.
 */
export type Division = { sectionId: number; assigneeId: number; due: string };

export type AssignmentFacts = {
  /** null for an assignment the decision creates (the server inserts it). */
  id: number | null;
  unitId: number;
  role: AssignmentRole;
  status: AssignmentState;
  handlerId: number | null;
  assignedOn: string;
  acceptDue: string;
  due: string;
  extendedDue: string | null;
  /** Co-handling units only: where their opinion stands. */
  opinion: CoOpinionState | null;
  opinionWaived: boolean;
  pendingExtension: boolean;
  /** null until the unit's office divides it (分办). */
  division: Division | null;
};

export type ProposalFacts = {
  status: ProposalState;
  round: number;
  isUrgent: boolean;
  /** 重点提案, and the 区领导 who leads its handling. */
  isKey: boolean;
  keyLeaderId: number | null;
  /** The lead proposer and co-signers: the people who get replies and return receipts. */
  proposerIds: readonly number[];
  contactWaived: boolean;
  contactsThisRound: number;
  draftsThisRound: number;
  /** The latest draft was sent back (by the 分管领导 or the director); a new version must be saved before resubmitting. */
  draftReturned: boolean;
  /** Files attached to the reply in this round (答复附件: 办理方案, data, photos). */
  replyFilesThisRound: number;
  /** In review only: who has the draft now. Fixed at 提交审签, so a change of the unit's setting moves no draft already submitted. */
  reviewStage: ReviewStage | null;
  /** The units whose drafts, once divided to a 科室, pass their 分管领导 before the director (an administrator's setting per unit). */
  leaderReviewUnitIds: readonly number[];
  assignments: AssignmentFacts[];
  /** The reply of the current round, once approved. */
  reply: { round: number; writtenOn: string; receiptDue: string } | null;
  receiptsThisRound: { memberId: number; result: Satisfaction }[];
  /** The proposals handled together with this one (并案), by id. */
  linkedIds: number[];
  /** The signed replies of earlier rounds, with who has returned a receipt on each: those stay answerable. */
  earlierReplies: { round: number; answeredBy: number[] }[];
  /** The rounds whose signed reply has the scan of its sealed letter (盖章件) uploaded. */
  sealedRounds: number[];
};

/** Effective deadline of an assignment: the extension when one was granted. */
export function effectiveDue(a: Pick<AssignmentFacts, "due" | "extendedDue">): string {
  return a.extendedDue ?? a.due;
}

export function liveAssignments(facts: ProposalFacts): AssignmentFacts[] {
  return facts.assignments.filter((a) => a.status !== "withdrawn");
}

export function leadAssignment(facts: ProposalFacts): AssignmentFacts | undefined {
  return liveAssignments(facts).find((a) => a.role === "lead");
}
