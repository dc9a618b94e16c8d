/** Everything that can be done to a proposal once it is registered. Assignments are named by unit. */
import type { DisclosureCheck, Finding } from "../disclosure-review";
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

/** A 科室 named in a 分办 form, as the server found it. */
export type SectionRef = { id: number; unitId: number; active: boolean };
/** The person named as 承办人 in a 分办 form, as the server found them. */
export type StaffRef = { id: number; role: Role; unitId: number | null; sectionId: number | null; active: boolean };

/** 分办 and 改派: the 科室, the named 承办人 and the internal deadline; 改派 says why. */
type Divide = { unitId: number; section: SectionRef; assignee: StaffRef; due: string };

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
  | ({ type: "assign_internal" } & Divide)
  | ({ type: "reassign_internal"; reason: string } & Divide)
  | { type: "add_contact" }
  | { type: "waive_contact"; reason: string }
  /** `importedFrom`: the Word document the body was read from (从 Word 导入), named in the log. */
  | { type: "save_draft"; importedFrom?: string | null }
  /** 提交审签, with the 公开审查 of the draft submitted (docs/domain.md "公开审查"), as the use case found it. */
  | { type: "submit"; review: DisclosureCheck }
  | { type: "approve" }
  | { type: "return"; comment: string }
  /** 答复附件 while drafting: the files' names, for the log. */
  | { type: "attach_reply_files"; fileNames: string[] }
  | { type: "remove_reply_file"; fileName: string }
  /** The scan of the sealed letter of the reply of `round`; replacing one takes a reason. */
  | { type: "upload_sealed_scan"; round: number; fileName: string; reason: string | null }
  | { type: "leader_approve"; comment: string | null }
  | { type: "leader_return"; comment: string }
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
  "assign_internal",
  "reassign_internal",
  "add_contact",
  "waive_contact",
  "save_draft",
  "submit",
  "approve",
  "return",
  "attach_reply_files",
  "remove_reply_file",
  "upload_sealed_scan",
  "leader_approve",
  "leader_return",
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

/** Who acts. `canDivide` (可分办): a handler of the unit's office whom the administrator allowed to divide its proposals. */
export type WorkflowActor = { id: number; role: Role; unitId: number | null; canDivide?: boolean };

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
  | { to: "unit"; unitId: number; role: "handler" | "director" | "leader"; message: string }
  | { to: "coordinators"; message: string }
  /** Members (proposers): the link goes to their own page. */
  | { to: "users"; userIds: number[]; message: string }
  /** Named staff (a unit's 承办人): the link goes to the staff proposal page. */
  | { to: "staff"; userIds: number[]; message: string };

/** A refusal of 公开审查 carries its findings, for the form to show them. */
export type Decision =
  | { ok: true; facts: ProposalFacts; events: EventSpec[]; notify: Recipient[] }
  | { ok: false; reason: string; findings?: Finding[] };
