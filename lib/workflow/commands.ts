/** Everything that can be done to a proposal once it is registered. Assignments are named by unit. */
import type { ContactReport, ProposalState, Role, Satisfaction } from "../domain";
import type { DeadlineKind, DeadlineRule } from "../deadline-rules";
import type { HolidayCalendar } from "../holiday-calendar";
import type { ProposalFacts } from "./facts";

/** The coordinator's answer to a 申请调整. */
export type AdjustmentOutcome =
  | { kind: "reject" }
  /** A co-handling unit leaves, replaced by a unit not yet handling the proposal, or by none. */
  | { kind: "withdraw"; replacementUnitId: number | null }
  /**
   * Another unit leads: for a co-handling unit's request the requester itself, for the lead's request a
   * co-handling unit or a new one. The former lead stays as co-handling unit or leaves.
   */
  | { kind: "change_lead"; leadUnitId: number; formerLead: "co" | "withdrawn" };

export type Command =
  | { type: "assign"; leadUnitId: number; coUnitIds: number[] }
  | { type: "accept"; unitId: number }
  | { type: "request_adjustment"; unitId: number; reason: string }
  | { type: "decide_adjustment"; unitId: number; outcome: AdjustmentOutcome; comment: string | null }
  | { type: "request_extension"; unitId: number; until: string; reason: string }
  | { type: "decide_extension"; unitId: number; grant: boolean; until: string | null; comment: string | null }
  | { type: "save_co_opinion"; unitId: number }
  | { type: "submit_co_opinion"; unitId: number }
  | { type: "approve_co_opinion"; unitId: number }
  | { type: "return_co_opinion"; unitId: number; comment: string }
  | { type: "waive_co_opinion"; unitId: number; reason: string }
  | { type: "add_contact" }
  | { type: "waive_contact"; reason: string }
  | { type: "save_draft" }
  | { type: "submit" }
  | { type: "approve" }
  | { type: "return"; comment: string }
  /** 答复附件 while drafting: the files' names, for the log. */
  | { type: "attach_reply_files"; fileNames: string[] }
  | { type: "remove_reply_file"; fileName: string }
  /** The scan of the sealed letter of the reply of `round`; replacing one takes a reason. */
  | { type: "upload_sealed_scan"; round: number; fileName: string; reason: string | null }
  | {
      type: "receipt";
      memberId: number;
      contactReport: ContactReport;
      attitude: Satisfaction;
      result: Satisfaction;
      opinion: string | null;
      onPaper: boolean;
      /** The reply round answered: each reply keeps its own receipts, whatever round the proposal is in now. */
      round: number;
    }
  /**
   * 催告: remind a proposer or co-signer of the receipt they owe on the reply of `round`. The use case loads
   * that reply's receipt deadline and the member's name for the notice and the log.
   */
  | { type: "remind_receipt"; memberId: number; memberName: string; round: number; receiptDue: string }
  | { type: "close"; reason: string }
  | { type: "supervise"; unitId: number; comment: string }
  /** 重点提案: the coordinating office marks a proposal (or changes its 领办 leader or plan); the leader is a 区领导. */
  | { type: "mark_key"; leaderId: number; plan: string }
  | { type: "unmark_key"; reason: string }
  /** 中期进展 on a 重点提案, filed by the lead unit while it handles the proposal. */
  | { type: "report_progress"; unitId: number }
  | { type: "link"; relatedId: number }
  | { type: "unlink"; relatedId: number; reason: string };

export type CommandType = Command["type"];

export const COMMAND_TYPES: readonly CommandType[] = [
  "assign",
  "accept",
  "request_adjustment",
  "decide_adjustment",
  "request_extension",
  "decide_extension",
  "save_co_opinion",
  "submit_co_opinion",
  "approve_co_opinion",
  "return_co_opinion",
  "waive_co_opinion",
  "add_contact",
  "waive_contact",
  "save_draft",
  "submit",
  "approve",
  "return",
  "attach_reply_files",
  "remove_reply_file",
  "upload_sealed_scan",
  "receipt",
  "remind_receipt",
  "close",
  "supervise",
  "mark_key",
  "unmark_key",
  "report_progress",
  "link",
  "unlink",
];

export type WorkflowActor = { id: number; role: Role; unitId: number | null };

/** Today, the deadline rules in force, and the holiday calendar they are counted on. */
export type WorkflowContext = { today: string; rules: Record<DeadlineKind, DeadlineRule>; calendar: HolidayCalendar };

/** One row for the event log. */
export type EventSpec = {
  action: string;
  fromState: ProposalState;
  toState: ProposalState;
  comment?: string | null;
  data?: Record<string, unknown>;
};

/** Who must hear about the change: in-app notifications are sent after the transaction commits. */
export type Recipient =
  | { to: "unit"; unitId: number; role: "handler" | "director"; message: string }
  | { to: "coordinators"; message: string }
  | { to: "users"; userIds: number[]; message: string };

export type Decision = { ok: true; facts: ProposalFacts; events: EventSpec[]; notify: Recipient[] } | { ok: false; reason: string };
