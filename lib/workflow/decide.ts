/**
 * The handling workflow: given a proposal's facts, who acts and what they ask, decide whether it is
 * allowed and what the facts become. Pure; the server loads the facts, calls `decide`, and persists the
 * result with its events in one transaction. Every refusal carries the reason in Chinese.
 */
import { addMonths, dueDate } from "../deadlines";
import { disclosureGate, type Finding } from "../disclosure-review";
import type { ProposalState } from "../domain";
import { receiptReminder } from "../notices";
import { roundsOwed } from "../receipts";
import { MAX_ATTACHMENTS } from "../import/attachments";
import type { AdjustmentOutcome, Command, Decision, EventSpec, Recipient, WorkflowActor, WorkflowContext } from "./commands";
import { effectiveDue, leadAssignment, liveAssignments, type AssignmentFacts, type ProposalFacts } from "./facts";

const OPEN_FOR_HANDLING: readonly ProposalState[] = ["handling", "rehandling"];
/** Assigned and not yet submitted: units may still be adjusted, accept, and give opinions. */
const BEFORE_REVIEW: readonly ProposalState[] = ["assigned", "handling", "rehandling"];
const OPEN: readonly ProposalState[] = ["assigned", "handling", "rehandling", "in_review", "replied"];
/** 并案 is decided from registration (ideally before 交办) until the proposal is closed. */
const LINKABLE: readonly ProposalState[] = ["registered", ...OPEN];
/** A 重点提案's lead unit reports progress while it handles the proposal, up to sign-off. */
const KEY_PROGRESS: readonly ProposalState[] = ["handling", "rehandling", "in_review"];

class Refusal extends Error {
  constructor(
    reason: string,
    readonly findings?: Finding[],
  ) {
    super(reason);
  }
}

function refuse(reason: string): never {
  throw new Refusal(reason);
}

function ensure(condition: unknown, reason: string): asserts condition {
  if (!condition) refuse(reason);
}

function requireText(text: string | null | undefined, what: string): string {
  const t = text?.trim();
  ensure(t, `请填写${what}`);
  return t;
}

const isCoordinator = (a: WorkflowActor) => a.role === "coordinator";
const isHandlerOf = (a: WorkflowActor, unitId: number) => a.role === "handler" && a.unitId === unitId;
const isDirectorOf = (a: WorkflowActor, unitId: number) => a.role === "director" && a.unitId === unitId;
const isLeaderOf = (a: WorkflowActor, unitId: number) => a.role === "leader" && a.unitId === unitId;
/** 分办 is the unit's office's: its director, or a handler the administrator allowed to (可分办). */
const mayDivide = (a: WorkflowActor, unitId: number) => isDirectorOf(a, unitId) || (isHandlerOf(a, unitId) && a.canDivide === true);

function requireCoordinator(actor: WorkflowActor) {
  ensure(isCoordinator(actor), "只有交办单位可以执行此操作");
}

function liveAssignmentOf(facts: ProposalFacts, unitId: number): AssignmentFacts {
  const a = liveAssignments(facts).find((x) => x.unitId === unitId);
  ensure(a, "该单位没有承办此提案");
  return a;
}

function requireLead(facts: ProposalFacts, actor: WorkflowActor, who: "handler" | "director"): AssignmentFacts {
  const lead = leadAssignment(facts);
  ensure(lead, "此提案尚未确定主办单位");
  const allowed = who === "handler" ? isHandlerOf(actor, lead.unitId) : isDirectorOf(actor, lead.unitId);
  ensure(allowed, who === "handler" ? "只有主办单位的承办人可以执行此操作" : "只有主办单位负责人可以审签");
  return lead;
}

/** Once a unit has divided its assignment, only the named 承办人 does its work (contacts, the draft and its attachments, the opinion). */
function requireAssignee(a: AssignmentFacts, actor: WorkflowActor) {
  ensure(a.division === null || a.division.assigneeId === actor.id, "此提案已分办给本单位其他承办人，由该承办人办理");
}

/** Who hears about the unit's work on an assignment: its named 承办人 once divided, else every handler of the unit. */
function tellHandlers(a: AssignmentFacts, message: string): Recipient {
  return a.division
    ? { to: "staff", userIds: [a.division.assigneeId], message }
    : { to: "unit", unitId: a.unitId, role: "handler", message };
}

function newAssignment(facts: ProposalFacts, unitId: number, role: AssignmentFacts["role"], ctx: WorkflowContext): AssignmentFacts {
  const dueRule =
    role === "co"
      ? ctx.rules.coOpinion
      : facts.round > 1
        ? ctx.rules.secondRound
        : facts.isUrgent
          ? ctx.rules.urgentReply
          : ctx.rules.reply;
  return {
    // A unit that was withdrawn earlier keeps its row: one row per unit and proposal.
    id: facts.assignments.find((a) => a.unitId === unitId)?.id ?? null,
    unitId,
    role,
    status: "pending",
    handlerId: null,
    assignedOn: ctx.today,
    acceptDue: dueDate(ctx.calendar, ctx.today, ctx.rules.accept),
    due: dueDate(ctx.calendar, ctx.today, dueRule),
    extendedDue: null,
    opinion: null,
    opinionWaived: false,
    pendingExtension: false,
    division: null,
  };
}

function putAssignment(facts: ProposalFacts, a: AssignmentFacts) {
  const i = facts.assignments.findIndex((x) => x.unitId === a.unitId);
  if (i >= 0) facts.assignments[i] = a;
  else facts.assignments.push(a);
}

/**
 * An approved adjustment that moves the lead: the new lead and, when it stays, the former lead get fresh
 * assignments in their new roles (accepted again, with that role's deadlines from today); the
 * co-handling units not involved keep theirs. A unit with its own request or extension still waiting
 * is decided first.
 */
function changeLead(
  facts: ProposalFacts,
  requester: AssignmentFacts,
  outcome: Extract<AdjustmentOutcome, { kind: "change_lead" }>,
  ctx: WorkflowContext,
  notify: Recipient[],
) {
  const former = leadAssignment(facts);
  ensure(former, "此提案尚未确定主办单位");
  const { leadUnitId } = outcome;
  if (requester.role === "co") ensure(leadUnitId === requester.unitId, "协办单位申请调整，只能改由该单位主办");
  ensure(leadUnitId !== former.unitId, "新的主办单位不能与原主办单位相同");
  const incoming = liveAssignments(facts).find((x) => x.unitId === leadUnitId);
  for (const other of [former, incoming]) {
    if (!other || other === requester) continue;
    ensure(other.status !== "adjust_requested", "相关单位也有待审批的调整申请，请先审批该申请");
  }
  for (const other of [former, incoming]) ensure(!other?.pendingExtension, "相关单位有待审批的延期申请，请先审批该申请");
  putAssignment(facts, newAssignment(facts, leadUnitId, "lead", ctx));
  const told = (unitId: number, what: string) =>
    notify.push({
      to: "unit",
      unitId,
      role: "handler",
      message: unitId === requester.unitId ? `调整申请已同意，${what}` : `主办单位已调整，${what}`,
    });
  told(leadUnitId, "本单位改为主办，请签收");
  if (outcome.formerLead === "co") {
    putAssignment(facts, newAssignment(facts, former.unitId, "co", ctx));
    told(former.unitId, "本单位改为协办，请签收");
  } else {
    former.status = "withdrawn";
    told(former.unitId, "本单位不再承办此提案");
  }
}

/** The unit's assignment that this actor may divide (分办) or reassign now, whoever and whenever it names. */
function divisibleAssignment(facts: ProposalFacts, actor: WorkflowActor, unitId: number): AssignmentFacts {
  const a = liveAssignmentOf(facts, unitId);
  ensure(mayDivide(actor, a.unitId), "只有本单位负责人或有分办权限的承办人可以分办");
  ensure(a.status === "accepted", a.status === "done" ? "本单位的办理已完成，不能再分办" : "请先签收再分办");
  ensure(BEFORE_REVIEW.includes(facts.status), facts.status === "in_review" ? "答复函正在审签，暂不能分办" : "此提案当前不能分办");
  ensure(!(a.role === "co" && a.opinionWaived), "交办单位已免除此协办意见，无需分办");
  return a;
}

/** Why this actor may not divide the unit's assignment now (whatever 科室 and 承办人 they would name), or null: pages ask before offering the form. */
export function divisionRefusal(facts: ProposalFacts, actor: WorkflowActor, unitId: number): string | null {
  try {
    divisibleAssignment(facts, actor, unitId);
    return null;
  } catch (error) {
    if (error instanceof Refusal) return error.message;
    throw error;
  }
}

/** Which co-handling units still stand between the lead unit and 提交审签. */
export function missingCoOpinions(facts: ProposalFacts): AssignmentFacts[] {
  return liveAssignments(facts).filter((a) => a.role === "co" && a.status !== "done" && !a.opinionWaived);
}

/**
 * What still stands between the lead unit and 提交审签, as the handler should read it before trying:
 * the same conditions `submit` checks, all at once. `unitName` names the co-handling units.
 */
export function submitBlockers(facts: ProposalFacts, unitName: (unitId: number) => string): string[] {
  return [
    ...(facts.draftsThisRound === 0 ? ["尚未保存答复函草稿"] : []),
    ...(facts.draftReturned ? ["答复函已被退回，请修改并保存后再提交"] : []),
    ...missingCoOpinions(facts).map((a) => `${unitName(a.unitId)}的协办意见尚未送达`),
    ...(facts.contactsThisRound === 0 && !facts.contactWaived ? ["尚未与提案人沟通（请添加沟通记录）"] : []),
  ];
}

const isUnsatisfied = (r: { attitude: string; result: string }) => r.attitude === "unsatisfied" || r.result === "unsatisfied";

export function decide(current: ProposalFacts, actor: WorkflowActor, command: Command, ctx: WorkflowContext): Decision {
  const facts = structuredClone(current);
  const from = current.status;
  const events: EventSpec[] = [];
  const notify: Recipient[] = [];
  const log = (action: string, extra: Omit<EventSpec, "action" | "fromState" | "toState"> = {}) =>
    events.push({ action, fromState: from, toState: facts.status, ...extra });

  try {
    switch (command.type) {
      case "assign": {
        requireCoordinator(actor);
        ensure(from === "registered", "只有已登记、尚未交办的提案可以交办");
        const coUnitIds = [...new Set(command.coUnitIds)];
        ensure(!coUnitIds.includes(command.leadUnitId), "主办单位不能同时作为协办单位");
        ensure(coUnitIds.length === command.coUnitIds.length, "协办单位有重复");
        putAssignment(facts, newAssignment(facts, command.leadUnitId, "lead", ctx));
        for (const unitId of coUnitIds) putAssignment(facts, newAssignment(facts, unitId, "co", ctx));
        facts.status = "assigned";
        log("assign", { data: { leadUnitId: command.leadUnitId, coUnitIds } });
        for (const unitId of [command.leadUnitId, ...coUnitIds])
          notify.push({ to: "unit", unitId, role: "handler", message: "有新交办的提案，请签收" });
        break;
      }
      case "accept": {
        const a = liveAssignmentOf(facts, command.unitId);
        ensure(isHandlerOf(actor, a.unitId), "只有本单位承办人可以签收");
        ensure(a.status === "pending", a.status === "adjust_requested" ? "调整申请正在审批，暂不能签收" : "此交办已签收");
        ensure(BEFORE_REVIEW.includes(from), "此提案当前不能签收");
        a.status = "accepted";
        a.handlerId = actor.id;
        if (a.role === "lead" && from === "assigned") facts.status = facts.round > 1 ? "rehandling" : "handling";
        log("accept", { data: { unitId: a.unitId, role: a.role } });
        break;
      }
      case "request_adjustment": {
        const a = liveAssignmentOf(facts, command.unitId);
        ensure(isHandlerOf(actor, a.unitId), "只有本单位承办人可以申请调整");
        ensure(BEFORE_REVIEW.includes(from), "此提案当前不能申请调整");
        ensure(a.status === "pending", a.status === "adjust_requested" ? "已提交调整申请，请等待审批" : "已签收的交办不能申请调整");
        const reason = requireText(command.reason, "申请调整的理由");
        a.status = "adjust_requested";
        log("request_adjustment", { comment: reason, data: { unitId: a.unitId } });
        notify.push({ to: "coordinators", message: "有单位申请调整承办，请审批" });
        break;
      }
      case "decide_adjustment": {
        requireCoordinator(actor);
        const a = liveAssignmentOf(facts, command.unitId);
        ensure(a.status === "adjust_requested", "该单位没有待审批的调整申请");
        ensure(BEFORE_REVIEW.includes(from), "此提案当前不能调整承办单位");
        const { outcome } = command;
        if (outcome.kind === "reject") {
          a.status = "pending";
          log("adjustment_rejected", { comment: command.comment, data: { unitId: a.unitId } });
          notify.push({ to: "unit", unitId: a.unitId, role: "handler", message: "调整申请未获同意，请签收办理" });
          break;
        }
        if (outcome.kind === "withdraw") {
          ensure(a.role === "co", "调整主办单位须指定新的主办单位");
          const replacement = outcome.replacementUnitId;
          if (replacement !== null) {
            ensure(replacement !== a.unitId, "新的承办单位不能与原单位相同");
            ensure(!liveAssignments(facts).some((x) => x.unitId === replacement), "新的承办单位已在承办此提案");
            putAssignment(facts, newAssignment(facts, replacement, "co", ctx));
            notify.push({ to: "unit", unitId: replacement, role: "handler", message: "有新交办的提案（协办），请签收" });
          }
          a.status = "withdrawn";
          log("adjustment_approved", { comment: command.comment, data: { unitId: a.unitId, replacementUnitId: replacement } });
          notify.push({ to: "unit", unitId: a.unitId, role: "handler", message: "调整申请已同意" });
          break;
        }
        changeLead(facts, a, outcome, ctx, notify);
        // The new lead must accept before handling resumes.
        if (OPEN_FOR_HANDLING.includes(from)) facts.status = "assigned";
        log("adjustment_approved", {
          comment: command.comment,
          data: { unitId: a.unitId, leadUnitId: outcome.leadUnitId, formerLead: outcome.formerLead },
        });
        break;
      }
      case "request_extension": {
        const a = liveAssignmentOf(facts, command.unitId);
        ensure(isHandlerOf(actor, a.unitId), "只有本单位承办人可以申请延期");
        ensure(a.status === "accepted", "签收后才能申请延期");
        ensure(OPEN_FOR_HANDLING.includes(from), "此提案当前不在办理中");
        ensure(!a.pendingExtension, "已有待审批的延期申请");
        const reason = requireText(command.reason, "申请延期的理由");
        ensure(command.until > effectiveDue(a), "申请延至的日期须晚于现在的期限");
        ensure(command.until <= addMonths(a.due, 3), `延期最多三个月，即不晚于${addMonths(a.due, 3)}`);
        a.pendingExtension = true;
        log("request_extension", { comment: reason, data: { unitId: a.unitId, until: command.until } });
        notify.push({ to: "coordinators", message: "有单位申请延期，请审批" });
        break;
      }
      case "decide_extension": {
        requireCoordinator(actor);
        const a = liveAssignmentOf(facts, command.unitId);
        ensure(a.pendingExtension, "该单位没有待审批的延期申请");
        ensure([...BEFORE_REVIEW, "in_review"].includes(from), "此提案当前不能延期");
        a.pendingExtension = false;
        if (command.grant) {
          const until = command.until;
          ensure(until, "请填写同意延至的日期");
          ensure(until > effectiveDue(a), "延至的日期须晚于现在的期限");
          ensure(until <= addMonths(a.due, 3), `延期最多三个月，即不晚于${addMonths(a.due, 3)}`);
          a.extendedDue = until;
          log("extension_granted", { comment: command.comment, data: { unitId: a.unitId, until } });
          notify.push({ to: "unit", unitId: a.unitId, role: "handler", message: `延期申请已同意，期限延至${until}` });
        } else {
          log("extension_refused", { comment: command.comment, data: { unitId: a.unitId } });
          notify.push({ to: "unit", unitId: a.unitId, role: "handler", message: "延期申请未获同意" });
        }
        break;
      }
      case "save_co_opinion":
      case "submit_co_opinion": {
        const a = liveAssignmentOf(facts, command.unitId);
        ensure(a.role === "co", "只有协办单位填写协办意见");
        ensure(BEFORE_REVIEW.includes(from), "此提案当前不能填写协办意见");
        ensure(isHandlerOf(actor, a.unitId), "只有本单位承办人可以填写协办意见");
        ensure(a.status === "accepted", "请先签收再填写协办意见");
        requireAssignee(a, actor);
        ensure(!a.opinionWaived, "交办单位已免除此协办意见");
        ensure(a.opinion === null || a.opinion === "draft" || a.opinion === "returned", "协办意见已提交，不能再修改");
        // Submitting carries the opinion's text, so it may come without an earlier save.
        if (command.type === "submit_co_opinion") {
          a.opinion = "submitted";
          log("co_opinion_submitted", { data: { unitId: a.unitId } });
          notify.push({ to: "unit", unitId: a.unitId, role: "director", message: "有协办意见待审签" });
        } else {
          a.opinion = "draft";
          log("co_opinion_saved", { data: { unitId: a.unitId } });
        }
        break;
      }
      case "approve_co_opinion":
      case "return_co_opinion": {
        const a = liveAssignmentOf(facts, command.unitId);
        ensure(a.role === "co", "只有协办单位有协办意见");
        ensure(BEFORE_REVIEW.includes(from), "此提案当前不能审签协办意见");
        ensure(isDirectorOf(actor, a.unitId), "只有本单位负责人可以审签协办意见");
        ensure(a.opinion === "submitted", "没有待审签的协办意见");
        if (command.type === "approve_co_opinion") {
          a.opinion = "sent";
          a.status = "done";
          log("co_opinion_sent", { data: { unitId: a.unitId } });
          const lead = leadAssignment(facts);
          if (lead) notify.push({ to: "unit", unitId: lead.unitId, role: "handler", message: "协办单位已送来协办意见" });
        } else {
          const comment = requireText(command.comment, "退回意见");
          a.opinion = "returned";
          log("co_opinion_returned", { comment, data: { unitId: a.unitId } });
          notify.push(tellHandlers(a, "协办意见被退回修改"));
        }
        break;
      }
      case "waive_co_opinion": {
        requireCoordinator(actor);
        const a = liveAssignmentOf(facts, command.unitId);
        ensure(a.role === "co", "只能免除协办单位的意见");
        ensure(a.status !== "done" && !a.opinionWaived, "该协办意见已送达或已免除");
        ensure(BEFORE_REVIEW.includes(from), "此提案当前不能免除协办意见");
        const reason = requireText(command.reason, "免除理由");
        a.opinionWaived = true;
        log("co_opinion_waived", { comment: reason, data: { unitId: a.unitId } });
        break;
      }
      case "assign_internal":
      case "reassign_internal": {
        const a = divisibleAssignment(facts, actor, command.unitId);
        const reassign = command.type === "reassign_internal";
        const before = a.division;
        if (reassign) ensure(before, "尚未分办，请先分办");
        else ensure(!before, "已分办；如需更换科室、承办人或期限，请改派");
        const { section, assignee, due } = command;
        ensure(section.unitId === a.unitId && section.active, "所选科室不属于本单位或已撤销");
        ensure(assignee.role === "handler" && assignee.unitId === a.unitId && assignee.active, "承办人须是本单位在岗的承办人");
        ensure(assignee.sectionId === section.id, "所选承办人不在该科室");
        ensure(due >= ctx.today, "内部办理期限不能早于今天");
        ensure(due <= effectiveDue(a), `内部办理期限须在本单位的办理期限（${effectiveDue(a)}）之内`);
        const reason = reassign ? requireText(command.reason, "改派理由") : null;
        if (before)
          ensure(
            before.sectionId !== section.id || before.assigneeId !== assignee.id || before.due !== due,
            "改派须更换科室、承办人或内部期限",
          );
        a.division = { sectionId: section.id, assigneeId: assignee.id, due };
        log(command.type, {
          comment: reason,
          data: {
            unitId: a.unitId,
            sectionId: section.id,
            assigneeId: assignee.id,
            due,
            ...(before ? { previousAssigneeId: before.assigneeId } : {}),
          },
        });
        notify.push({ to: "staff", userIds: [assignee.id], message: `本单位将此提案分办给您，内部办理期限${due}` });
        if (before && before.assigneeId !== assignee.id)
          notify.push({ to: "staff", userIds: [before.assigneeId], message: "此提案已改派本单位其他承办人办理" });
        break;
      }
      case "add_contact": {
        const lead = requireLead(facts, actor, "handler");
        requireAssignee(lead, actor);
        ensure(OPEN_FOR_HANDLING.includes(from), "签收后、提交审签前才能记录沟通");
        facts.contactsThisRound += 1;
        log("contact");
        break;
      }
      case "waive_contact": {
        requireCoordinator(actor);
        ensure(BEFORE_REVIEW.includes(from), "此提案当前不能免除沟通");
        ensure(!facts.contactWaived, "已免除沟通要求");
        const reason = requireText(command.reason, "免除理由");
        facts.contactWaived = true;
        log("contact_waived", { comment: reason });
        break;
      }
      case "save_draft": {
        const lead = requireLead(facts, actor, "handler");
        ensure(lead.status === "accepted", "请先签收再起草答复");
        requireAssignee(lead, actor);
        ensure(OPEN_FOR_HANDLING.includes(from), from === "in_review" ? "答复函正在审签，不能修改" : "此提案当前不能起草答复");
        facts.draftsThisRound += 1;
        facts.draftReturned = false;
        log("save_draft", {
          comment: command.importedFrom ? `正文从 Word 文档“${command.importedFrom}”导入` : null,
          data: { version: facts.draftsThisRound },
        });
        break;
      }
      case "submit": {
        const lead = requireLead(facts, actor, "handler");
        ensure(lead.status === "accepted", "请先签收");
        requireAssignee(lead, actor);
        ensure(OPEN_FOR_HANDLING.includes(from), from === "in_review" ? "答复函已提交审签" : "此提案当前不能提交审签");
        ensure(facts.draftsThisRound > 0, "请先保存答复函草稿");
        ensure(!facts.draftReturned, "答复函已被退回，请按审签意见修改并保存后再提交");
        const missing = missingCoOpinions(facts);
        ensure(missing.length === 0, `还有 ${missing.length} 个协办单位的意见未送达`);
        ensure(facts.contactsThisRound > 0 || facts.contactWaived, "答复前须与提案人沟通：请先添加沟通记录");
        const gate = disclosureGate(command.review, "提交审签");
        if (!gate.ok) throw new Refusal(gate.reason, gate.findings);
        facts.status = "in_review";
        // A draft written in a 科室 of a unit that asks for it passes the 分管领导 first.
        facts.reviewStage = lead.division && facts.leaderReviewUnitIds.includes(lead.unitId) ? "leader" : "director";
        log("submit", facts.reviewStage === "leader" ? { data: { reviewStage: "leader" } } : {});
        // Logged in review, after the step: the timeline's states run on from one event to the next.
        if (gate.confirmed)
          events.push({
            action: "disclosure_confirmed",
            fromState: facts.status,
            toState: facts.status,
            comment: gate.confirmed.reason,
            data: { stage: "submit", findings: gate.confirmed.findings },
          });
        notify.push(
          facts.reviewStage === "leader"
            ? { to: "unit", unitId: lead.unitId, role: "leader", message: "有答复函待分管领导审核" }
            : { to: "unit", unitId: lead.unitId, role: "director", message: "有答复函待审签" },
        );
        break;
      }
      case "leader_approve":
      case "leader_return": {
        const lead = leadAssignment(facts);
        ensure(lead, "此提案尚未确定主办单位");
        ensure(isLeaderOf(actor, lead.unitId), "只有主办单位的分管领导可以审核");
        ensure(from === "in_review" && facts.reviewStage === "leader", "没有待分管领导审核的答复函");
        if (command.type === "leader_approve") {
          facts.reviewStage = "director";
          log("leader_approve", { comment: command.comment?.trim() || null });
          notify.push({ to: "unit", unitId: lead.unitId, role: "director", message: "有答复函待审签（分管领导已审核）" });
        } else {
          const comment = requireText(command.comment, "退回意见");
          facts.status = facts.round > 1 ? "rehandling" : "handling";
          facts.reviewStage = null;
          facts.draftReturned = true;
          log("leader_return", { comment });
          notify.push(tellHandlers(lead, "答复函被分管领导退回修改"));
        }
        break;
      }
      case "approve": {
        const lead = requireLead(facts, actor, "director");
        ensure(from === "in_review", from === "replied" ? "此答复函已签发" : "没有待审签的答复函");
        ensure(facts.reviewStage !== "leader", "答复函尚待分管领导审核");
        facts.status = "replied";
        facts.reviewStage = null;
        facts.reply = { round: facts.round, writtenOn: ctx.today, receiptDue: dueDate(ctx.calendar, ctx.today, ctx.rules.receipt) };
        facts.receiptsThisRound = [];
        lead.status = "done";
        log("approve");
        notify.push(tellHandlers(lead, "答复函已签发"));
        notify.push({ to: "users", userIds: [...facts.proposerIds], message: "您的提案已答复，请阅读答复函并提交回执" });
        notify.push({ to: "coordinators", message: "答复函已签发，待公开" });
        break;
      }
      case "return": {
        const lead = requireLead(facts, actor, "director");
        ensure(from === "in_review", "没有待审签的答复函");
        ensure(facts.reviewStage !== "leader", "答复函尚待分管领导审核");
        const comment = requireText(command.comment, "退回修改意见");
        facts.status = facts.round > 1 ? "rehandling" : "handling";
        facts.reviewStage = null;
        facts.draftReturned = true;
        log("return", { comment });
        notify.push(tellHandlers(lead, "答复函被退回修改"));
        break;
      }
      case "attach_reply_files":
      case "remove_reply_file": {
        const lead = requireLead(facts, actor, "handler");
        ensure(lead.status === "accepted", "请先签收再办理答复附件");
        requireAssignee(lead, actor);
        ensure(OPEN_FOR_HANDLING.includes(from), from === "in_review" ? "答复函正在审签，不能修改附件" : "此提案当前不能修改答复附件");
        if (command.type === "remove_reply_file") {
          ensure(facts.replyFilesThisRound > 0, "没有可删除的答复附件");
          facts.replyFilesThisRound -= 1;
          log("reply_file_removed", { data: { fileName: command.fileName } });
          break;
        }
        ensure(command.fileNames.length > 0, "请先选择要添加的文件");
        const room = MAX_ATTACHMENTS - facts.replyFilesThisRound;
        ensure(command.fileNames.length <= room, `答复附件最多 ${MAX_ATTACHMENTS} 个，${room === 0 ? "已满" : `还可添加 ${room} 个`}`);
        facts.replyFilesThisRound += command.fileNames.length;
        log("reply_file_attached", { data: { fileNames: command.fileNames } });
        break;
      }
      case "upload_sealed_scan": {
        const lead = leadAssignment(facts);
        ensure(lead && (isHandlerOf(actor, lead.unitId) || isDirectorOf(actor, lead.unitId)), "只有主办单位可以上传盖章答复函扫描件");
        const { round } = command;
        const signed =
          (facts.reply?.round === round && (from === "replied" || from === "closed")) ||
          facts.earlierReplies.some((r) => r.round === round);
        ensure(signed, "答复函签发后才能上传盖章件扫描件");
        if (facts.sealedRounds.includes(round)) {
          const reason = requireText(command.reason, "替换盖章件的原因");
          log("sealed_scan_replaced", { comment: reason, data: { round, fileName: command.fileName } });
          break;
        }
        facts.sealedRounds.push(round);
        log("sealed_scan_uploaded", { data: { round, fileName: command.fileName } });
        notify.push({ to: "users", userIds: [...facts.proposerIds], message: "盖章的答复函扫描件已上传，可在答复函处查看下载" });
        break;
      }
      case "receipt": {
        ensure(facts.proposerIds.includes(command.memberId), "只有提案人或联名人可以提交回执");
        if (command.onPaper) ensure(isCoordinator(actor), "只有交办单位可以代录纸质回执");
        else ensure(actor.role === "member" && actor.id === command.memberId, "只能提交本人的回执");
        // Each signed reply keeps waiting for its own receipts, whatever the others answered and
        // whatever round the proposal is in now; only the current round's answers move the proposal.
        const current = command.round === facts.round;
        const answeredBy = current
          ? facts.reply?.round === facts.round && (from === "replied" || from === "closed")
            ? facts.receiptsThisRound.map((r) => r.memberId)
            : null
          : (facts.earlierReplies.find((r) => r.round === command.round)?.answeredBy ?? null);
        ensure(answeredBy, current ? "此提案当前没有待反馈的答复" : "没有这一轮的答复");
        ensure(!answeredBy.includes(command.memberId), "本轮答复的回执已提交，不能重复提交");
        const unsatisfied = isUnsatisfied(command);
        const opinion = unsatisfied ? requireText(command.opinion, "不满意的具体意见") : command.opinion;
        if (current) facts.receiptsThisRound.push({ memberId: command.memberId, result: command.result });
        else facts.earlierReplies.find((r) => r.round === command.round)!.answeredBy.push(command.memberId);
        log("receipt", {
          comment: opinion,
          data: {
            memberId: command.memberId,
            round: command.round,
            attitude: command.attitude,
            result: command.result,
            onPaper: command.onPaper,
          },
        });
        const lead = leadAssignment(facts);
        if (lead) notify.push(tellHandlers(lead, "提案人已提交回执"));
        notify.push({ to: "coordinators", message: "提案人已提交回执" });
        if (!current || from !== "replied") break;
        if (unsatisfied && facts.round === 1 && lead) {
          facts.earlierReplies.push({ round: 1, answeredBy: facts.receiptsThisRound.map((r) => r.memberId) });
          facts.status = "rehandling";
          facts.round = 2;
          facts.contactsThisRound = 0;
          facts.draftsThisRound = 0;
          facts.draftReturned = false;
          facts.replyFilesThisRound = 0;
          facts.reply = null;
          facts.receiptsThisRound = [];
          lead.status = "accepted";
          lead.due = dueDate(ctx.calendar, ctx.today, ctx.rules.secondRound);
          lead.extendedDue = null;
          // The same 承办人 handles the second round; the internal deadline becomes the unit's new one.
          if (lead.division) lead.division = { ...lead.division, due: lead.due };
          log("reopen", { comment: "提案人对答复不满意，重新办理" });
          notify.push(tellHandlers(lead, "提案人不满意，请重新办理"));
        } else if (!unsatisfied && facts.proposerIds.every((id) => facts.receiptsThisRound.some((r) => r.memberId === id))) {
          facts.status = "closed";
          log("close", { comment: "提案人均已反馈，办结" });
        }
        break;
      }
      case "remind_receipt": {
        ensure(isCoordinator(actor), "只有交办单位可以催告回执");
        ensure(roundsOwed(facts, command.memberId).includes(command.round), "该提案人没有待提交的回执");
        const earlier = command.round < facts.round ? `（第${command.round}轮答复）` : "";
        log("remind_receipt", {
          comment: `提案人：${command.memberName}${earlier}`,
          data: { memberId: command.memberId, round: command.round },
        });
        notify.push({ to: "users", userIds: [command.memberId], message: receiptReminder(command.receiptDue, ctx.today) });
        break;
      }
      case "close": {
        requireCoordinator(actor);
        ensure(from === "replied" && facts.reply, "只有已答复的提案可以办结");
        ensure(
          facts.round > 1 || ctx.today > facts.reply.receiptDue,
          `第一轮答复的回执期限（${facts.reply.receiptDue}）未到，暂不能直接办结`,
        );
        const reason = requireText(command.reason, "办结理由");
        facts.status = "closed";
        log("close", { comment: reason });
        break;
      }
      case "supervise": {
        requireCoordinator(actor);
        ensure(OPEN.includes(from), "此提案当前无需督办");
        const a = liveAssignmentOf(facts, command.unitId);
        const comment = requireText(command.comment, "督办意见");
        log("supervise", { comment, data: { unitId: a.unitId } });
        notify.push({ to: "unit", unitId: a.unitId, role: "handler", message: `督办：${comment}` });
        break;
      }
      case "mark_key": {
        requireCoordinator(actor);
        ensure(LINKABLE.includes(from), "已办结的提案不能再列为重点提案");
        const plan = requireText(command.plan, "办理方案");
        const changed = !facts.isKey ? "mark_key" : facts.keyLeaderId !== command.leaderId ? "change_key_leader" : "update_key_plan";
        facts.isKey = true;
        facts.keyLeaderId = command.leaderId;
        log("mark_key", { comment: plan, data: { leaderId: command.leaderId, change: changed } });
        if (changed !== "update_key_plan") notify.push({ to: "users", userIds: [command.leaderId], message: "请领办此重点提案" });
        const lead = leadAssignment(facts);
        if (lead && changed === "mark_key")
          notify.push({
            to: "unit",
            unitId: lead.unitId,
            role: "handler",
            message: "此提案已列为重点提案，请按办理方案办理并报送中期进展",
          });
        break;
      }
      case "unmark_key": {
        requireCoordinator(actor);
        ensure(facts.isKey, "此提案不是重点提案");
        ensure(from !== "closed", "已办结的提案不能再取消重点");
        const reason = requireText(command.reason, "取消重点的理由");
        facts.isKey = false;
        facts.keyLeaderId = null;
        log("unmark_key", { comment: reason });
        break;
      }
      case "report_progress": {
        ensure(facts.isKey, "只有重点提案需要报送中期进展");
        ensure(KEY_PROGRESS.includes(from), "此提案当前不在办理中，无需报送中期进展");
        const lead = requireLead(facts, actor, "handler");
        ensure(lead.unitId === command.unitId, "只有主办单位的承办人可以执行此操作");
        log("progress_report", { data: { unitId: lead.unitId } });
        notify.push({ to: "coordinators", message: "重点提案报送了中期进展" });
        if (facts.keyLeaderId !== null)
          notify.push({ to: "users", userIds: [facts.keyLeaderId], message: "您领办的重点提案报送了中期进展" });
        break;
      }
      case "link":
      case "unlink": {
        ensure(isCoordinator(actor), command.type === "link" ? "只有交办单位可以并案" : "只有交办单位可以取消并案");
        ensure(LINKABLE.includes(from), "已办结的提案不能再并案或取消并案");
        const linked = facts.linkedIds.includes(command.relatedId);
        if (command.type === "link") {
          ensure(!linked, "已并案");
          facts.linkedIds.push(command.relatedId);
          log("link", { data: { relatedId: command.relatedId } });
        } else {
          ensure(linked, "这两件提案没有并案");
          const reason = requireText(command.reason, "取消并案的理由");
          facts.linkedIds = facts.linkedIds.filter((id) => id !== command.relatedId);
          log("unlink", { comment: reason, data: { relatedId: command.relatedId } });
        }
        break;
      }
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message, ...(error.findings ? { findings: error.findings } : {}) };
    throw error;
  }
  return { ok: true, facts, events, notify };
}

/** Why `decide` would refuse the command now, or null when it would be carried out: pages ask before offering a form. */
export function refusalOf(facts: ProposalFacts, actor: WorkflowActor, command: Command, ctx: WorkflowContext): string | null {
  const decision = decide(facts, actor, command, ctx);
  return decision.ok ? null : decision.reason;
}
