/**
 * Every (state, command, actor) combination: each command is tried from every proposal state by every
 * kind of actor, on facts where all its other preconditions hold. Exactly the listed states and actors
 * succeed; everything else is refused with a reason and leaves the facts untouched.
 */
import { describe, expect, it } from "vitest";
import { PROPOSAL_STATES, type ProposalState } from "@/lib/domain";
import { COMMAND_TYPES, type Command, type CommandType } from "@/lib/workflow/commands";
import { decide } from "@/lib/workflow/decide";
import { EVENT_LABELS } from "@/lib/event-labels";
import type { ProposalFacts } from "@/lib/workflow/facts";
import {
  ACTORS,
  assignment,
  CO,
  COSIGNER,
  CTX,
  facts,
  LEAD,
  LEADER,
  OTHER,
  PROPOSER,
  RELATED,
  SECTIONS,
  STAFF,
  SUBMIT,
  type ActorKey,
} from "./workflow-fixtures";

type Case = {
  command: Command;
  setup: (state: ProposalState) => ProposalFacts;
  states: ProposalState[];
  actors: ActorKey[];
  /** What must hold after the command was carried out. */
  afterwards?: (after: ProposalFacts) => void;
};

const BEFORE_REVIEW: ProposalState[] = ["assigned", "handling", "rehandling"];
const HANDLING: ProposalState[] = ["handling", "rehandling"];

const withCo = (state: ProposalState, co: Partial<Parameters<typeof assignment>[2]>) =>
  facts(state, { assignments: [assignment(LEAD, "lead"), assignment(CO, "co", co)] });

/** Any handler of the lead unit acts for it until the unit names one (分办). */
const LEAD_HANDLERS: ActorKey[] = ["leadHandler", "leadOffice"];
/** The lead unit divided to the lead handler in 科室 A, inside its deadline (2026-07-01). */
const DIVIDED = { sectionId: SECTIONS.leadA.id, assigneeId: STAFF.leadHandler.id, due: "2026-06-30" };
const divided = (state: ProposalState, over: Partial<ProposalFacts> = {}, co: Partial<Parameters<typeof assignment>[2]> = {}) =>
  facts(state, { assignments: [assignment(LEAD, "lead", { division: DIVIDED }), assignment(CO, "co", co)], ...over });
/** Ready for 提交审签 once divided; `leaderStep` when the unit's drafts pass its 分管领导. */
const readyDivided = (state: ProposalState, leaderStep: boolean) =>
  divided(
    state,
    { draftsThisRound: 1, contactsThisRound: 1, leaderReviewUnitIds: leaderStep ? [LEAD] : [] },
    { status: "done", opinion: "sent" },
  );
/** In review with the 分管领导 (in every state the matrix tries: decide must look at both). */
const atLeader = (state: ProposalState) => divided(state, { reviewStage: "leader", leaderReviewUnitIds: [LEAD], draftsThisRound: 1 });

const CASES: Record<CommandType, Case> = {
  assign: {
    command: { type: "assign", leadUnitId: LEAD, coUnitIds: [CO] },
    setup: (s) => facts(s, { assignments: [] }),
    states: ["registered"],
    actors: ["coordinator"],
  },
  accept: {
    command: { type: "accept", unitId: LEAD },
    setup: (s) => facts(s, { assignments: [assignment(LEAD, "lead", { status: "pending", handlerId: null })] }),
    states: BEFORE_REVIEW,
    actors: LEAD_HANDLERS,
  },
  request_adjustment: {
    command: { type: "request_adjustment", unitId: LEAD, reason: "职能不符" },
    setup: (s) => facts(s, { assignments: [assignment(LEAD, "lead", { status: "pending" })] }),
    states: BEFORE_REVIEW,
    actors: LEAD_HANDLERS,
  },
  decide_adjustment: {
    command: { type: "decide_adjustment", unitId: CO, outcome: { kind: "withdraw", replacementUnitId: null }, comment: null },
    setup: (s) => withCo(s, { status: "adjust_requested" }),
    states: BEFORE_REVIEW,
    actors: ["coordinator"],
  },
  request_extension: {
    command: { type: "request_extension", unitId: LEAD, until: "2026-08-01", reason: "需要调研" },
    setup: (s) => facts(s),
    states: HANDLING,
    actors: LEAD_HANDLERS,
  },
  decide_extension: {
    command: { type: "decide_extension", unitId: LEAD, grant: true, until: "2026-08-01", comment: null },
    setup: (s) => facts(s, { assignments: [assignment(LEAD, "lead", { pendingExtension: true })] }),
    states: [...BEFORE_REVIEW, "in_review"],
    actors: ["coordinator"],
  },
  save_co_opinion: {
    command: { type: "save_co_opinion", unitId: CO },
    setup: (s) => withCo(s, {}),
    states: BEFORE_REVIEW,
    actors: ["coHandler"],
  },
  submit_co_opinion: {
    command: { type: "submit_co_opinion", unitId: CO },
    setup: (s) => withCo(s, { opinion: "draft" }),
    states: BEFORE_REVIEW,
    actors: ["coHandler"],
  },
  approve_co_opinion: {
    command: { type: "approve_co_opinion", unitId: CO },
    setup: (s) => withCo(s, { opinion: "submitted" }),
    states: BEFORE_REVIEW,
    actors: ["coDirector"],
  },
  return_co_opinion: {
    command: { type: "return_co_opinion", unitId: CO, comment: "请补充数据" },
    setup: (s) => withCo(s, { opinion: "submitted" }),
    states: BEFORE_REVIEW,
    actors: ["coDirector"],
  },
  waive_co_opinion: {
    command: { type: "waive_co_opinion", unitId: CO, reason: "协办单位已撤并" },
    setup: (s) => withCo(s, {}),
    states: BEFORE_REVIEW,
    actors: ["coordinator"],
  },
  assign_internal: {
    command: { type: "assign_internal", unitId: LEAD, section: SECTIONS.leadA, assignee: STAFF.leadHandler, due: "2026-06-30" },
    setup: (s) => facts(s),
    states: BEFORE_REVIEW,
    actors: ["leadDirector", "leadOffice"],
    afterwards: (f) => expect(f.assignments.find((a) => a.unitId === LEAD)?.division).toEqual(DIVIDED),
  },
  reassign_internal: {
    command: {
      type: "reassign_internal",
      unitId: LEAD,
      section: SECTIONS.leadB,
      assignee: STAFF.colleague,
      due: "2026-06-25",
      reason: "工作调整",
    },
    setup: (s) => divided(s),
    states: BEFORE_REVIEW,
    actors: ["leadDirector", "leadOffice"],
    afterwards: (f) =>
      expect(f.assignments.find((a) => a.unitId === LEAD)?.division).toEqual({
        sectionId: SECTIONS.leadB.id,
        assigneeId: STAFF.colleague.id,
        due: "2026-06-25",
      }),
  },
  add_contact: { command: { type: "add_contact" }, setup: (s) => facts(s), states: HANDLING, actors: LEAD_HANDLERS },
  waive_contact: {
    command: { type: "waive_contact", reason: "提案人长期在外" },
    setup: (s) => facts(s),
    states: BEFORE_REVIEW,
    actors: ["coordinator"],
  },
  save_draft: { command: { type: "save_draft" }, setup: (s) => facts(s), states: HANDLING, actors: LEAD_HANDLERS },
  submit: {
    command: SUBMIT,
    setup: (s) => withCo(s, { status: "done", opinion: "sent" }),
    states: HANDLING,
    actors: LEAD_HANDLERS,
    afterwards: (f) => expect(f.reviewStage).toBe("director"),
  },
  approve: { command: { type: "approve" }, setup: (s) => facts(s), states: ["in_review"], actors: ["leadDirector"] },
  return: {
    command: { type: "return", comment: "请补充下一步计划" },
    setup: (s) => facts(s),
    states: ["in_review"],
    actors: ["leadDirector"],
  },
  attach_reply_files: {
    command: { type: "attach_reply_files", fileNames: ["办理方案.pdf"] },
    setup: (s) => facts(s),
    states: HANDLING,
    actors: LEAD_HANDLERS,
    afterwards: (after) => expect(after.replyFilesThisRound).toBe(1),
  },
  remove_reply_file: {
    command: { type: "remove_reply_file", fileName: "办理方案.pdf" },
    setup: (s) => facts(s, { replyFilesThisRound: 1 }),
    states: HANDLING,
    actors: LEAD_HANDLERS,
    afterwards: (after) => expect(after.replyFilesThisRound).toBe(0),
  },
  upload_sealed_scan: {
    command: { type: "upload_sealed_scan", round: 1, fileName: "盖章件.pdf", reason: null },
    setup: (s) => facts(s, { reply: { round: 1, writtenOn: "2026-05-16", receiptDue: "2026-06-13" } }),
    // After sign-off, the lead unit (its handler or its director), also once the proposal is closed.
    states: ["replied", "closed"],
    actors: ["leadHandler", "leadOffice", "leadDirector"],
    afterwards: (after) => expect(after.sealedRounds).toEqual([1]),
  },
  leader_approve: {
    command: { type: "leader_approve", comment: null },
    setup: atLeader,
    states: ["in_review"],
    actors: ["leadLeader"],
    afterwards: (f) => expect([f.status, f.reviewStage]).toEqual(["in_review", "director"]),
  },
  leader_return: {
    command: { type: "leader_return", comment: "请补充科技成果转化的数据" },
    setup: atLeader,
    states: ["in_review"],
    actors: ["leadLeader"],
    afterwards: (f) => expect([f.status, f.reviewStage, f.draftReturned]).toEqual(["handling", null, true]),
  },
  receipt: {
    command: {
      type: "receipt",
      memberId: PROPOSER,
      contactReport: "visited",
      attitude: "satisfied",
      result: "satisfied",
      opinion: null,
      onPaper: false,
      round: 1,
    },
    setup: (s) => facts(s, { reply: { round: 1, writtenOn: "2026-05-16", receiptDue: "2026-06-13" } }),
    // A closed proposal still takes the receipts owed on its reply (it stays closed).
    states: ["replied", "closed"],
    actors: ["proposer"],
  },
  remind_receipt: {
    command: { type: "remind_receipt", memberId: COSIGNER, memberName: "联名人", round: 1, receiptDue: "2026-06-13" },
    setup: (s) =>
      facts(s, {
        reply: { round: 1, writtenOn: "2026-05-16", receiptDue: "2026-06-13" },
        receiptsThisRound: [{ memberId: PROPOSER, result: "satisfied" }],
      }),
    // Owed once the reply is out, and still after the proposal was closed.
    states: ["replied", "closed"],
    actors: ["coordinator"],
    afterwards: (f) => expect(f.receiptsThisRound).toEqual([{ memberId: PROPOSER, result: "satisfied" }]),
  },
  close: {
    command: { type: "close", reason: "回执期限已过，提案人未反馈" },
    setup: (s) => facts(s, { reply: { round: 1, writtenOn: "2026-05-06", receiptDue: "2026-06-03" } }),
    states: ["replied"],
    actors: ["coordinator"],
  },
  supervise: {
    command: { type: "supervise", unitId: LEAD, comment: "请加快办理" },
    setup: (s) => facts(s),
    states: ["assigned", "handling", "rehandling", "in_review", "replied"],
    actors: ["coordinator"],
  },
  mark_key: {
    command: { type: "mark_key", leaderId: LEADER, plan: "由区领导领办，分管部门每月报送进展" },
    setup: (s) => facts(s),
    states: ["registered", "assigned", "handling", "rehandling", "in_review", "replied"],
    actors: ["coordinator"],
    afterwards: (f) => expect([f.isKey, f.keyLeaderId]).toEqual([true, LEADER]),
  },
  unmark_key: {
    command: { type: "unmark_key", reason: "经研究不再列为重点" },
    setup: (s) => facts(s, { isKey: true, keyLeaderId: LEADER }),
    states: ["registered", "assigned", "handling", "rehandling", "in_review", "replied"],
    actors: ["coordinator"],
    afterwards: (f) => expect([f.isKey, f.keyLeaderId]).toEqual([false, null]),
  },
  report_progress: {
    command: { type: "report_progress", unitId: LEAD },
    setup: (s) => facts(s, { isKey: true, keyLeaderId: LEADER }),
    states: ["handling", "rehandling", "in_review"],
    actors: LEAD_HANDLERS,
  },
  link: {
    command: { type: "link", relatedId: RELATED },
    setup: (s) => facts(s),
    states: ["registered", "assigned", "handling", "rehandling", "in_review", "replied"],
    actors: ["coordinator"],
  },
  unlink: {
    command: { type: "unlink", relatedId: RELATED, reason: "两件提案所提事项不同" },
    setup: (s) => facts(s, { linkedIds: [RELATED] }),
    states: ["registered", "assigned", "handling", "rehandling", "in_review", "replied"],
    actors: ["coordinator"],
  },
};

// Make the ready fixtures satisfy submit's and the others' remaining preconditions.
CASES.submit.setup = (s) => ({ ...withCo(s, { status: "done", opinion: "sent" }), draftsThisRound: 1, contactsThisRound: 1 });

/** The live assignments after a decision, as unit → role and status. */
const roles = (f: ProposalFacts) =>
  Object.fromEntries(f.assignments.map((a) => [a.unitId, a.status === "withdrawn" ? "withdrawn" : `${a.role}:${a.status}`]));

const adjustment = (
  requester: "lead" | "co",
  outcome: Extract<Command, { type: "decide_adjustment" }>["outcome"],
  afterwards: Case["afterwards"],
): Case => ({
  command: { type: "decide_adjustment", unitId: requester === "lead" ? LEAD : CO, outcome, comment: null },
  setup: (s) =>
    facts(s, {
      assignments: [
        assignment(LEAD, "lead", requester === "lead" ? { status: "adjust_requested", handlerId: null } : {}),
        assignment(CO, "co", requester === "co" ? { status: "adjust_requested", handlerId: null } : { status: "done", opinion: "sent" }),
      ],
    }),
  states: BEFORE_REVIEW,
  actors: ["coordinator"],
  afterwards,
});

/** The same matrix for the other forms of a command: every outcome of 申请调整, receipts of an earlier round. */
const VARIANTS: Record<string, Case> = {
  "co-handling unit becomes the lead, the former lead stays as co-handling unit": adjustment(
    "co",
    { kind: "change_lead", leadUnitId: CO, formerLead: "co" },
    (f) => expect(roles(f)).toEqual({ [LEAD]: "co:pending", [CO]: "lead:pending" }),
  ),
  "co-handling unit becomes the lead, the former lead leaves": adjustment(
    "co",
    { kind: "change_lead", leadUnitId: CO, formerLead: "withdrawn" },
    (f) => expect(roles(f)).toEqual({ [LEAD]: "withdrawn", [CO]: "lead:pending" }),
  ),
  "lead and co-handling unit swap": adjustment("lead", { kind: "change_lead", leadUnitId: CO, formerLead: "co" }, (f) =>
    expect(roles(f)).toEqual({ [LEAD]: "co:pending", [CO]: "lead:pending" }),
  ),
  "the lead hands over to a co-handling unit and leaves": adjustment(
    "lead",
    { kind: "change_lead", leadUnitId: CO, formerLead: "withdrawn" },
    (f) => expect(roles(f)).toEqual({ [LEAD]: "withdrawn", [CO]: "lead:pending" }),
  ),
  "the lead hands over to a new unit and stays as co-handling unit": adjustment(
    "lead",
    { kind: "change_lead", leadUnitId: OTHER, formerLead: "co" },
    (f) => expect(roles(f)).toEqual({ [LEAD]: "co:pending", [CO]: "co:done", [OTHER]: "lead:pending" }),
  ),
  "a co-handling unit is replaced by a new one": adjustment("co", { kind: "withdraw", replacementUnitId: OTHER }, (f) =>
    expect(roles(f)).toEqual({ [LEAD]: "lead:accepted", [CO]: "withdrawn", [OTHER]: "co:pending" }),
  ),
  "a reminder of the receipt owed on the first round's reply, in any state of the second round": {
    command: { type: "remind_receipt", memberId: PROPOSER, memberName: "提案人", round: 1, receiptDue: "2026-06-13" },
    setup: (s) => facts(s, { round: 2, earlierReplies: [{ round: 1, answeredBy: [COSIGNER] }] }),
    states: [...PROPOSAL_STATES],
    actors: ["coordinator"],
  },
  "progress on a proposal that is not 重点: nobody, never": {
    command: { type: "report_progress", unitId: LEAD },
    setup: (s) => facts(s),
    states: [],
    actors: [],
  },
  "a co-handling unit's progress report: nobody, never": {
    command: { type: "report_progress", unitId: CO },
    setup: (s) => facts(s, { isKey: true, keyLeaderId: LEADER }),
    states: [],
    actors: [],
  },
  "another 区领导 takes over a 重点提案": {
    command: { type: "mark_key", leaderId: LEADER + 1, plan: "改由另一位区领导领办" },
    setup: (s) => facts(s, { isKey: true, keyLeaderId: LEADER }),
    states: ["registered", "assigned", "handling", "rehandling", "in_review", "replied"],
    actors: ["coordinator"],
    afterwards: (f) => expect(f.keyLeaderId).toBe(LEADER + 1),
  },
  // 分办: once named, the 承办人 alone does the unit's work; the draft then passes the 分管领导 where the unit asks for it.
  "添加沟通记录 once divided: only the named 承办人": {
    command: { type: "add_contact" },
    setup: (s) => divided(s),
    states: HANDLING,
    actors: ["leadHandler"],
  },
  "保存草稿 once divided: only the named 承办人": {
    command: { type: "save_draft" },
    setup: (s) => divided(s),
    states: HANDLING,
    actors: ["leadHandler"],
  },
  "提交审签 once divided, in a unit with the 分管领导 step: to the 分管领导": {
    command: SUBMIT,
    setup: (s) => readyDivided(s, true),
    states: HANDLING,
    actors: ["leadHandler"],
    afterwards: (f) => expect([f.status, f.reviewStage]).toEqual(["in_review", "leader"]),
  },
  "提交审签 once divided, in a unit without the 分管领导 step: to the director": {
    command: SUBMIT,
    setup: (s) => readyDivided(s, false),
    states: HANDLING,
    actors: ["leadHandler"],
    afterwards: (f) => expect(f.reviewStage).toBe("director"),
  },
  "提交审签 undivided, in a unit with the 分管领导 step: to the director": {
    command: SUBMIT,
    setup: (s) => ({
      ...withCo(s, { status: "done", opinion: "sent" }),
      draftsThisRound: 1,
      contactsThisRound: 1,
      leaderReviewUnitIds: [LEAD],
    }),
    states: HANDLING,
    actors: LEAD_HANDLERS,
    afterwards: (f) => expect(f.reviewStage).toBe("director"),
  },
  "同意签发 while the 分管领导 has the draft: nobody": { command: { type: "approve" }, setup: atLeader, states: [], actors: [] },
  "退回修改 while the 分管领导 has the draft: nobody": {
    command: { type: "return", comment: "补充" },
    setup: atLeader,
    states: [],
    actors: [],
  },
  "同意签发 after the 分管领导 passed the draft on: the director": {
    command: { type: "approve" },
    setup: (s) => divided(s, { reviewStage: "director", leaderReviewUnitIds: [LEAD], draftsThisRound: 1 }),
    states: ["in_review"],
    actors: ["leadDirector"],
  },
  "分管领导审核 of a draft with the director: nobody": {
    command: { type: "leader_approve", comment: null },
    setup: (s) => divided(s, { leaderReviewUnitIds: [LEAD] }),
    states: [],
    actors: [],
  },
  "a co-handling unit divides its opinion: its director": {
    command: { type: "assign_internal", unitId: CO, section: SECTIONS.co, assignee: STAFF.coHandler, due: "2026-06-30" },
    setup: (s) => facts(s),
    states: BEFORE_REVIEW,
    actors: ["coDirector"],
  },
  "协办意见 divided to another handler of the co-handling unit: none of the actors": {
    command: { type: "save_co_opinion", unitId: CO },
    setup: (s) => withCo(s, { division: { sectionId: SECTIONS.co.id, assigneeId: 25, due: "2026-06-30" } }),
    states: [],
    actors: [],
  },
  "a receipt on the first round's reply, in any state of the second round": {
    command: {
      type: "receipt",
      memberId: PROPOSER,
      contactReport: "visited",
      attitude: "satisfied",
      result: "unsatisfied",
      opinion: "未解决",
      onPaper: false,
      round: 1,
    },
    setup: (s) => facts(s, { round: 2, earlierReplies: [{ round: 1, answeredBy: [COSIGNER] }] }),
    states: [...PROPOSAL_STATES],
    actors: ["proposer"],
    afterwards: (f) => expect(f.earlierReplies).toEqual([{ round: 1, answeredBy: [COSIGNER, PROPOSER] }]),
  },
};

function matrix(name: string, c: Case) {
  describe(name, () => {
    for (const state of PROPOSAL_STATES) {
      it(`from ${state}`, () => {
        for (const [key, actor] of Object.entries(ACTORS) as [ActorKey, (typeof ACTORS)[ActorKey]][]) {
          const before = c.setup(state);
          const snapshot = structuredClone(before);
          const result = decide(before, actor, c.command, CTX);
          const expected = c.states.includes(state) && c.actors.includes(key);
          expect(result.ok, `${name} by ${key} from ${state}: ${result.ok ? "allowed" : result.reason}`).toBe(expected);
          expect(before, "facts are never mutated").toEqual(snapshot);
          if (result.ok) {
            expect(result.events.length).toBeGreaterThan(0);
            // Every event the workflow logs reads in Chinese on the timeline.
            for (const e of result.events) expect(EVENT_LABELS[e.action], e.action).toMatch(/[\u4e00-\u9fff]/);
            c.afterwards?.(result.facts);
          } else expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
        }
      });
    }
  });
}

describe("workflow matrix", () => {
  it("covers every command", () => expect(Object.keys(CASES).sort()).toEqual([...COMMAND_TYPES].sort()));
  for (const type of COMMAND_TYPES) matrix(type, CASES[type]);
  for (const [name, c] of Object.entries(VARIANTS)) matrix(name, c);
});
