/**
 * Tells one demo proposal's story: from registration to the state its plan asks for, with every record
 * and event the workflow (lib/workflow/decide.ts) would have produced on the way, in working-day time.
 */
import { DEFAULT_DEADLINES as RULES } from "@/lib/deadline-rules";
import { addMonths, nextWorkdayOnOrAfter } from "@/lib/deadlines";
import { PACKAGE_CALENDAR } from "@/lib/holiday-calendar";
import {
  CONTACT_METHODS,
  FACE_TO_FACE_METHODS,
  type ContactMethod,
  type DisclosureMode,
  type ProposalState,
  type ResultClass,
  type Satisfaction,
  type SignOffDecision,
} from "@/lib/domain";
import { Clock, dueDate, workdaysBefore } from "./clock";
import { docNumber, indexNumber } from "./numbering";
import type { Rng } from "./random";
import { COORDINATOR, type Cast } from "./reference";
import type { AssignmentRec, DraftRec, ExtensionRec, OpinionRec, PublicationRec, ReplyRec, Resolve, SignOffRec, Story } from "./story";
import {
  ADJUSTMENT_APPROVAL,
  AUTO_CLOSE_COMMENT,
  CO_OPINION_APPROVAL,
  EXTENSION_APPROVAL,
  LATE_RECEIPT_CLOSE_REASON,
  NOTICES,
  RECEIPT_OPINIONS,
  REOPEN_COMMENT,
  RETURN_COMMENTS,
  SUPERVISE_COMMENT,
  WITHHELD_REASON,
  type Material,
  type MaterialSource,
} from "./texts";

/** How far a co-handling unit's opinion has got. */
type OpinionPlan = "sent" | "submitted" | "draft" | "none";

/** What happens to one demo proposal. Unset fields take the ordinary course. */
export type Plan = {
  material: MaterialSource;
  /** A session key of the cast. */
  session: string;
  state: ProposalState;
  /** Received this many working days before today. */
  age: number;
  number?: number;
  proposer?: string;
  cosigners?: readonly string[];
  seconders?: readonly string[];
  isKey?: boolean;
  isUrgent?: boolean;
  wantsMeeting?: boolean;
  /** assigned: the lead unit asks to hand the proposal to this unit instead. */
  leadAdjust?: string;
  /** A co-handling unit asks to be taken off; the coordinator has or has not yet agreed. */
  coAdjust?: { unit: string; approved: boolean };
  /** Per co-handling unit (in the material's order, skipping a `coAdjust` unit); default sent. */
  opinions?: readonly OpinionPlan[];
  /** Contact records in the first round (default 1). */
  contacts?: number;
  contactMethod?: ContactMethod;
  /** Draft versions saved in the first round. */
  drafts?: number;
  /** The director returned the first submitted version. */
  returned?: boolean;
  extension?: "pending" | "granted";
  disclosure?: DisclosureMode;
  /** replied: the reply is signed but not yet published. */
  unpublished?: boolean;
  /** replied: the co-signers have returned their receipts, the lead proposer has not. */
  cosignerReceipts?: boolean;
  /** closed: after a second round that followed a 不满意 receipt. */
  secondRound?: boolean;
  /** rehandling: how far the second round has got. */
  round2?: "contact" | "draft";
  /** The lead proposer's receipt came on paper and was recorded by the coordinator. */
  paperReceipt?: boolean;
  /** closed: only the lead proposer answered; the coordinator closed it after the receipt deadline. */
  closedByCoordinator?: boolean;
  resultClass?: ResultClass;
  /** Steps that happen on a given working day before today (contact and draft: the first of the first round). */
  at?: { contact?: number; draft?: number; submit?: number; approve?: number; receipt?: number; extension?: number; supervise?: number };
};

/** Who is who (the demo's cast or a larger one), today, the random draws, and where proposal numbers come from. */
export type Env = { today: string; rng: Rng; cast: Cast; takeNumber(session: string): number };

export function tell(plan: Plan, env: Env): Story {
  return new Teller(plan, env).run();
}

const RESULT_CLASS_DRAW: readonly ResultClass[] = ["A", "A", "B", "B", "B", "C"];
const OUTCOME_DRAW: readonly Satisfaction[] = ["satisfied", "satisfied", "basically"];
const IN_PERSON: readonly ContactMethod[] = ["face", "visit", "forum"];

type LogOptions = { to?: ProposalState; comment?: string; data?: (ids: Resolve) => Record<string, unknown> };

class Teller {
  private readonly rng: Rng;
  private readonly cast: Cast;
  private readonly m: Material;
  private readonly clock: Clock;
  private readonly story: Story;
  /** The lead proposer first, then the co-signers: the people who get replies. */
  private readonly proposers: string[];
  private readonly leadHandler: string;
  private readonly leadDirector: string;
  private readonly resultClass: ResultClass;

  constructor(
    private readonly plan: Plan,
    env: Env,
  ) {
    const rng = (this.rng = env.rng);
    const cast = (this.cast = env.cast);
    const kind = cast.sessionKind(plan.session);
    const named = [...(plan.cosigners ?? []), ...(plan.seconders ?? [])];
    const pool = cast.memberPool(plan.session).filter((login) => !named.includes(login));
    const proposer = plan.proposer ?? rng.pick(pool);
    const others = pool.filter((login) => login !== proposer);
    const cosigners = plan.cosigners ?? (rng.chance(0.35) ? rng.sample(others, rng.int(1, 2)) : []);
    const seconders =
      plan.seconders ?? (rng.chance(0.3) ? rng.sample(others.filter((login) => !cosigners.includes(login)), rng.int(1, 3)) : []);
    this.proposers = [proposer, ...cosigners];
    this.m = plan.material({ kind, proposerName: cast.person(proposer).name, cast });
    this.leadHandler = cast.handlerOf(this.m.lead);
    this.leadDirector = cast.directorOf(this.m.lead);
    this.resultClass = plan.resultClass ?? rng.pick(RESULT_CLASS_DRAW);
    this.clock = Clock.startingOn(rng, env.today, workdaysBefore(env.today, plan.age));
    const registeredAt = this.clock.next(0);
    this.story = {
      session: plan.session,
      kind,
      number: plan.number ?? env.takeNumber(plan.session),
      title: this.m.title,
      body: this.m.body,
      category: this.m.category,
      isKey: plan.isKey ?? false,
      isUrgent: plan.isUrgent ?? false,
      wantsMeeting: plan.wantsMeeting ?? rng.chance(0.3),
      status: "registered",
      round: 1,
      receivedOn: this.clock.date,
      assignedOn: null,
      closedReason: null,
      signers: [
        ...this.proposers.map((login, i) => ({ login, role: i === 0 ? ("lead" as const) : ("cosigner" as const) })),
        ...seconders.map((login) => ({ login, role: "seconder" as const })),
      ],
      assignments: [],
      contacts: [],
      drafts: [],
      replies: [],
      events: [{ action: "register", actor: COORDINATOR, at: registeredAt, from: null, to: "registered", comment: null, data: null }],
      notices: [],
      createdAt: registeredAt,
      updatedAt: registeredAt,
      version: 0,
    };
  }

  run(): Story {
    const { plan } = this;
    const target = plan.state;
    if (target === "registered") return this.finish();
    this.assign();
    if (target === "assigned") {
      if (plan.leadAdjust) this.requestAdjustment(this.lead, this.clock, plan.leadAdjust);
      return this.finish();
    }
    this.acceptLead();
    const coClocks = this.coWork();
    this.contacts(plan.contacts ?? 1);
    if (target === "handling") {
      this.draftWithoutSigning(coClocks);
      return this.finish();
    }
    this.draftAndSubmit(coClocks);
    if (target === "in_review") return this.finish();
    const first = this.approve(plan.at?.approve);
    if (target === "replied") {
      if (plan.cosignerReceipts) for (const member of this.proposers.slice(1)) this.receipt(first, member, "satisfied", this.clock.next(this.rng.int(1, 3)));
      return this.finish();
    }
    if (target === "rehandling" || plan.secondRound) {
      this.unsatisfiedReceipt(first);
      if (target === "rehandling") {
        if (plan.round2) this.contacts(1);
        if (plan.round2 === "draft") this.saveDrafts(1);
        return this.finish();
      }
      this.contacts(1);
      this.saveDrafts(1);
      this.submit();
      this.receiptsFromAll(this.approve());
      return this.finish();
    }
    if (plan.closedByCoordinator) {
      if (this.proposers.length < 2) throw new Error(`Demo plan ${this.m.title}: closing by the coordinator needs co-signers who did not answer`);
      this.receipt(first, this.proposers[0]!, this.rng.pick(OUTCOME_DRAW), this.clock.next(this.rng.int(4, 10)));
      this.close(COORDINATOR, this.clock.after(first.receiptDue, this.rng.int(1, 3)), LATE_RECEIPT_CLOSE_REASON);
    } else {
      this.receiptsFromAll(first);
    }
    return this.finish();
  }

  private get lead(): AssignmentRec {
    const lead = this.story.assignments.find((a) => a.role === "lead");
    if (!lead) throw new Error("Demo story: no lead assignment");
    return lead;
  }

  private log(action: string, actor: string, at: Date, opts: LogOptions = {}) {
    const from = this.story.status;
    if (opts.to && opts.to !== from) {
      this.story.status = opts.to;
      this.story.version += 1;
      this.story.updatedAt = at;
    }
    this.story.events.push({ action, actor, at, from, to: this.story.status, comment: opts.comment ?? null, data: opts.data ?? null });
  }

  private assign() {
    const at = this.clock.next(this.rng.int(2, 4));
    const on = this.clock.date;
    this.story.assignedOn = on;
    const replyRule = this.story.isUrgent ? RULES.urgentReply : RULES.reply;
    for (const [i, unit] of [this.m.lead, ...this.m.co].entries()) {
      this.story.assignments.push({
        unit,
        role: i === 0 ? "lead" : "co",
        status: "pending",
        handler: null,
        assignedOn: on,
        acceptDue: dueDate(on, RULES.accept),
        due: dueDate(on, i === 0 ? replyRule : RULES.coOpinion),
        extendedDue: null,
        acceptedAt: null,
        createdAt: at,
        adjustment: null,
        extension: null,
        opinion: null,
      });
    }
    const { lead, co } = this.m;
    this.log("assign", COORDINATOR, at, { to: "assigned", data: (ids) => ({ leadUnitId: ids.unit(lead), coUnitIds: co.map((u) => ids.unit(u)) }) });
  }

  private requestAdjustment(a: AssignmentRec, clock: Clock, suggested: string | null) {
    const at = clock.next(this.rng.int(1, 3));
    const by = this.cast.handlerOf(a.unit);
    const reason = this.m.adjustmentReason(suggested);
    a.status = "adjust_requested";
    a.adjustment = { by, reason, suggested, decideBy: dueDate(clock.date, RULES.adjustmentDecision), at, status: "pending", decision: null };
    this.log("request_adjustment", by, at, { comment: reason, data: (ids) => ({ unitId: ids.unit(a.unit) }) });
    return a.adjustment;
  }

  private acceptLead() {
    const at = this.clock.next(this.rng.int(1, 3));
    const lead = this.lead;
    lead.status = "accepted";
    lead.handler = this.leadHandler;
    lead.acceptedAt = at;
    this.log("accept", this.leadHandler, at, { to: "handling", data: (ids) => ({ unitId: ids.unit(lead.unit), role: "lead" }) });
  }

  /** The co-handling units' work, each on its own line of time from the lead unit's acceptance. */
  private coWork(): Clock[] {
    const opinions = [...(this.plan.opinions ?? [])];
    return this.story.assignments
      .filter((a) => a.role === "co")
      .map((a) => {
        const clock = this.clock.fork();
        if (this.plan.coAdjust?.unit === a.unit) this.coAdjustment(a, clock, this.plan.coAdjust.approved);
        else this.coOpinion(a, clock, opinions.shift() ?? "sent");
        return clock;
      });
  }

  private coAdjustment(a: AssignmentRec, clock: Clock, approved: boolean) {
    const request = this.requestAdjustment(a, clock, null);
    if (!approved) return;
    const at = clock.next(this.rng.int(1, 4));
    a.status = "withdrawn";
    request.status = "approved";
    request.decision = { by: COORDINATOR, at, comment: ADJUSTMENT_APPROVAL };
    this.log("adjustment_approved", COORDINATOR, at, {
      comment: ADJUSTMENT_APPROVAL,
      data: (ids) => ({ unitId: ids.unit(a.unit), replacementUnitId: null }),
    });
  }

  private coOpinion(a: AssignmentRec, clock: Clock, plan: OpinionPlan) {
    const handler = this.cast.handlerOf(a.unit);
    const director = this.cast.directorOf(a.unit);
    const data = (ids: Resolve) => ({ unitId: ids.unit(a.unit) });
    let at = clock.next(this.rng.int(0, 2));
    a.status = "accepted";
    a.handler = handler;
    a.acceptedAt = at;
    this.log("accept", handler, at, { data: (ids) => ({ unitId: ids.unit(a.unit), role: "co" }) });
    if (plan === "none") return;
    at = clock.next(this.rng.int(2, 5));
    const opinion: OpinionRec = { body: this.m.coOpinion(a.unit), status: "draft", author: handler, director: null, directorComment: null, sentAt: null, createdAt: at, updatedAt: at };
    a.opinion = opinion;
    this.log("co_opinion_saved", handler, at, { data });
    if (plan === "draft") return;
    at = clock.next(this.rng.int(0, 1));
    opinion.status = "submitted";
    opinion.updatedAt = at;
    this.log("co_opinion_submitted", handler, at, { data });
    if (plan === "submitted") return;
    at = clock.next(this.rng.int(0, 2));
    opinion.status = "sent";
    opinion.director = director;
    opinion.directorComment = CO_OPINION_APPROVAL;
    opinion.sentAt = at;
    opinion.updatedAt = at;
    a.status = "done";
    this.log("co_opinion_sent", director, at, { data });
  }

  private contacts(count: number) {
    const round = this.story.round;
    const handlerName = this.cast.person(this.leadHandler).name;
    const anchor = round === 1 ? this.plan.at?.contact : undefined;
    for (let i = 0; i < count; i++) {
      const at = i === 0 && anchor !== undefined ? this.clock.onWorkdayAgo(anchor) : this.clock.next(this.rng.int(2, 6));
      const method = this.plan.contactMethod ?? this.rng.pick(this.story.wantsMeeting ? IN_PERSON : CONTACT_METHODS);
      const { participants, summary } = this.m.contact(method, round, handlerName);
      this.story.contacts.push({ round, contactedOn: this.clock.date, method, participants, summary, createdBy: this.leadHandler, createdAt: at });
      this.log("contact", this.leadHandler, at, { data: () => ({ method }) });
    }
  }

  private saveDrafts(count: number) {
    const round = this.story.round;
    const handler = this.cast.person(this.leadHandler);
    const disclosure = this.plan.disclosure ?? "full";
    const anchor = round === 1 ? this.plan.at?.draft : undefined;
    for (let i = 0; i < count; i++) {
      const version = this.story.drafts.filter((d) => d.round === round).length + 1;
      const at =
        version > 1 ? this.clock.next(this.rng.int(1, 3)) : anchor !== undefined ? this.clock.onWorkdayAgo(anchor) : this.clock.next(this.rng.int(2, 5));
      this.story.drafts.push({
        round,
        version,
        body: this.m.draft(round, version),
        resultClass: this.resultClass,
        contactPerson: handler.name,
        contactPhone: handler.phone ?? "",
        disclosure,
        disclosureSummary: disclosure === "summary" ? this.m.disclosureSummary : null,
        disclosureReason: disclosure === "none" ? WITHHELD_REASON : null,
        author: this.leadHandler,
        createdAt: at,
        signOff: null,
      });
      this.log("save_draft", this.leadHandler, at, { data: () => ({ version }) });
    }
  }

  private get latestDraft(): DraftRec {
    const draft = this.story.drafts.at(-1);
    if (!draft) throw new Error("Demo story: no draft to sign");
    return draft;
  }

  /** handling: drafts saved, perhaps one returned by the director, perhaps an extension asked or a reminder sent. */
  private draftWithoutSigning(coClocks: Clock[]) {
    const { plan } = this;
    if (plan.returned) {
      this.saveDrafts(1);
      this.clock.join(coClocks);
      this.submit();
      this.returnDraft();
      this.saveDrafts((plan.drafts ?? 1) - 1);
    } else {
      this.saveDrafts(plan.drafts ?? 0);
    }
    if (plan.extension) this.extension(plan.extension);
    if (plan.at?.supervise !== undefined) {
      const at = this.clock.onWorkdayAgo(plan.at.supervise);
      this.log("supervise", COORDINATOR, at, { comment: SUPERVISE_COMMENT, data: (ids) => ({ unitId: ids.unit(this.m.lead) }) });
    }
  }

  private draftAndSubmit(coClocks: Clock[]) {
    const { plan } = this;
    const versions = plan.drafts ?? (plan.returned ? 2 : 1);
    if (plan.returned) {
      this.saveDrafts(1);
      this.clock.join(coClocks);
      this.submit();
      this.returnDraft();
      this.saveDrafts(versions - 1);
    } else {
      this.saveDrafts(versions);
      this.clock.join(coClocks);
    }
    this.submit(plan.at?.submit);
  }

  /** 提交审签, on the workflow's conditions: every co-handling opinion in, and the proposer contacted this round. */
  private submit(ago?: number) {
    const open = this.story.assignments.filter((a) => a.role === "co" && a.status !== "done" && a.status !== "withdrawn");
    if (open.length > 0) throw new Error(`Demo plan ${this.m.title}: submitted before every co-handling opinion was sent`);
    if (!this.story.contacts.some((c) => c.round === this.story.round)) throw new Error(`Demo plan ${this.m.title}: submitted without contact`);
    const at = ago === undefined ? this.clock.next(this.rng.int(0, 1)) : this.clock.onWorkdayAgo(ago);
    this.log("submit", this.leadHandler, at, { to: "in_review" });
  }

  private signOff(decision: SignOffDecision, comment: string | null, at: Date): SignOffRec {
    const director = this.cast.person(this.leadDirector);
    return { decision, comment, signer: director.login, signerName: director.name, signerTitle: director.title, at };
  }

  private returnDraft() {
    const at = this.clock.next(this.rng.int(1, 2));
    const comment = this.rng.pick(RETURN_COMMENTS);
    this.latestDraft.signOff = this.signOff("return", comment, at);
    this.log("return", this.leadDirector, at, { to: this.story.round > 1 ? "rehandling" : "handling", comment });
  }

  private approve(ago?: number): ReplyRec {
    const at = ago === undefined ? this.clock.next(this.rng.int(1, 3)) : this.clock.onWorkdayAgo(ago);
    const draft = this.latestDraft;
    draft.signOff = this.signOff("approve", null, at);
    const writtenOn = this.clock.date;
    const reply: ReplyRec = {
      round: this.story.round,
      draft,
      unit: this.m.lead,
      writtenOn,
      replyDue: this.lead.extendedDue ?? this.lead.due,
      receiptDue: dueDate(writtenOn, RULES.receipt),
      publicationDue: dueDate(writtenOn, RULES.publication),
      at,
      docYear: Number(writtenOn.slice(0, 4)),
      docSerial: 0,
      publication: null,
      receipts: [],
    };
    this.story.replies.push(reply);
    this.lead.status = "done";
    this.log("approve", this.leadDirector, at, { to: "replied", data: () => ({ docNumber: docNumber(reply, this.cast) }) });
    this.publish(reply);
    return reply;
  }

  /** 公开 or 不予公开, as the approved draft proposed; a reply signed in the last days may still wait. */
  private publish(reply: ReplyRec) {
    const { draft } = reply;
    if (draft.disclosure === "none") {
      const at = this.clock.next(this.rng.int(1, 2));
      const reason = draft.disclosureReason ?? WITHHELD_REASON;
      reply.publication = { status: "withheld", mode: "none", publisher: reply.unit, publishedOn: null, summary: null, withheldReason: reason, decidedBy: COORDINATOR, at, indexYear: null, indexSerial: null };
      this.log("withhold", COORDINATOR, at, { comment: reason });
      return;
    }
    if (this.plan.unpublished) return;
    const at = this.clock.next(this.rng.int(2, 5));
    const publication: PublicationRec = {
      status: "published",
      mode: draft.disclosure,
      publisher: reply.unit,
      publishedOn: this.clock.date,
      summary: draft.disclosure === "summary" ? draft.disclosureSummary : null,
      withheldReason: null,
      decidedBy: COORDINATOR,
      at,
      indexYear: null,
      indexSerial: null,
    };
    reply.publication = publication;
    this.log("publish", COORDINATOR, at, { data: () => ({ indexNumber: indexNumber(publication, this.cast) }) });
  }

  /** One proposer's receipt; returns who recorded it (the member, or the coordinator for a paper receipt). */
  private receipt(reply: ReplyRec, member: string, result: Satisfaction, at: Date): string {
    const onPaper = this.plan.paperReceipt === true && member === this.proposers[0];
    const contacts = this.story.contacts.filter((c) => c.round === reply.round);
    const contactReport = contacts.some((c) => FACE_TO_FACE_METHODS.includes(c.method)) ? "visited" : contacts.length > 0 ? "contacted" : "none";
    const attitude = result === "unsatisfied" ? "basically" : "satisfied";
    const opinion = result === "unsatisfied" ? this.m.unsatisfiedOpinion : RECEIPT_OPINIONS[result];
    const recordedBy = onPaper ? COORDINATOR : member;
    reply.receipts.push({ member, contactReport, attitude, result, opinion, onPaper, recordedBy, at });
    this.log("receipt", recordedBy, at, { comment: opinion, data: (ids) => ({ memberId: ids.user(member), attitude, result, onPaper }) });
    return recordedBy;
  }

  /** Every proposer answers satisfied or basically satisfied; the last receipt closes the proposal. */
  private receiptsFromAll(reply: ReplyRec) {
    let actor = "";
    let at = this.clock.next(this.rng.int(4, 10));
    for (const [i, member] of this.proposers.entries()) {
      if (i > 0) at = this.clock.next(this.rng.int(0, 3));
      actor = this.receipt(reply, member, this.rng.pick(OUTCOME_DRAW), at);
    }
    this.close(actor, at, AUTO_CLOSE_COMMENT);
  }

  /** The lead proposer is not satisfied: the proposal goes back to the lead unit for a second round. */
  private unsatisfiedReceipt(reply: ReplyRec) {
    const ago = this.plan.at?.receipt;
    const at = ago === undefined ? this.clock.next(this.rng.int(4, 10)) : this.clock.onWorkdayAgo(ago);
    const actor = this.receipt(reply, this.proposers[0]!, "unsatisfied", at);
    const lead = this.lead;
    this.story.round = 2;
    lead.status = "accepted";
    lead.due = dueDate(this.clock.date, RULES.secondRound);
    lead.extendedDue = null;
    this.log("reopen", actor, at, { to: "rehandling", comment: REOPEN_COMMENT });
  }

  private close(actor: string, at: Date, reason: string) {
    this.story.closedReason = reason;
    this.log("close", actor, at, { to: "closed", comment: reason });
  }

  private extension(outcome: "pending" | "granted") {
    const lead = this.lead;
    const ago = this.plan.at?.extension;
    const at = ago === undefined ? this.clock.next(this.rng.int(2, 5)) : this.clock.onWorkdayAgo(ago);
    const until = nextWorkdayOnOrAfter(PACKAGE_CALENDAR, addMonths(lead.due, 2));
    const reason = this.m.extensionReason;
    const data = (ids: Resolve) => ({ unitId: ids.unit(lead.unit), until });
    const request: ExtensionRec = { by: this.leadHandler, reason, requestedUntil: until, at, status: "pending", grantedUntil: null, decision: null };
    lead.extension = request;
    this.log("request_extension", this.leadHandler, at, { comment: reason, data });
    if (outcome === "pending") return;
    const decidedAt = this.clock.next(this.rng.int(1, 3));
    lead.extension = { ...request, status: "approved", grantedUntil: until, decision: { by: COORDINATOR, at: decidedAt, comment: EXTENSION_APPROVAL } };
    lead.extendedDue = until;
    this.log("extension_granted", COORDINATOR, decidedAt, { comment: EXTENSION_APPROVAL, data });
  }

  private notify(users: readonly string[], kind: keyof typeof NOTICES, at: Date, message: string = NOTICES[kind]) {
    for (const user of users) this.story.notices.push({ user, kind, message, at });
  }

  /** Unread notifications for whoever must act next, as the workflow sent them. */
  private finish(): Story {
    const s = this.story;
    for (const a of s.assignments) {
      if (a.status === "pending") this.notify([this.cast.handlerOf(a.unit)], "assign", a.createdAt);
      if (a.adjustment?.status === "pending") this.notify([COORDINATOR], "request_adjustment", a.adjustment.at);
      if (a.extension?.status === "pending") this.notify([COORDINATOR], "request_extension", a.extension.at);
      if (a.opinion?.status === "submitted") this.notify([this.cast.directorOf(a.unit)], "co_opinion_submitted", a.opinion.updatedAt);
    }
    const last = (action: string) => s.events.filter((e) => e.action === action).at(-1);
    const lastSignOff = s.drafts.filter((d) => d.round === s.round && d.signOff).at(-1)?.signOff;
    if (s.status === "in_review") this.notify([this.leadDirector], "submit", last("submit")!.at);
    if ((s.status === "handling" || s.status === "rehandling") && lastSignOff?.decision === "return") this.notify([this.leadHandler], "return", lastSignOff.at);
    if (s.status === "rehandling" && !lastSignOff) this.notify([this.leadHandler], "reopen", last("reopen")!.at);
    const supervised = last("supervise");
    if (supervised && s.status !== "closed") this.notify([this.leadHandler], "supervise", supervised.at, `${NOTICES.supervise}${supervised.comment}`);
    const reply = s.replies.at(-1);
    if (s.status === "replied" && reply) {
      const owing = this.proposers.filter((member) => !reply.receipts.some((r) => r.member === member));
      this.notify(owing, "approve", reply.at);
      if (!reply.publication) this.notify([COORDINATOR], "publish", reply.at);
    }
    return s;
  }
}
