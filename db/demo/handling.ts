/**
 * Tells one demo proposal's story as a script: who does what, and when, in working-day time, from
 * registration to the state its plan asks for. Each act is carried out later by the real use cases
 * (db/handling, which ask lib/workflow) with the clock held at its moment (stage.ts), so the records, the
 * event log, the numbers and the notifications are what the workflow itself produces.
 */
import { addMonths, nextWorkdayOnOrAfter } from "@/lib/deadlines";
import { DEFAULT_DEADLINES as RULES } from "@/lib/deadline-rules";
import {
  CONTACT_METHODS,
  FACE_TO_FACE_METHODS,
  type ContactMethod,
  type DisclosureMode,
  type ProposalState,
  type ResultClass,
  type Satisfaction,
} from "@/lib/domain";
import { leadAssignment } from "@/lib/workflow/facts";
import { acceptAssignment, assignProposal, decideAdjustment, requestAdjustment } from "../handling/assignment";
import { signOffCoOpinion, writeCoOpinion } from "../handling/co-opinion";
import { addContact, saveDraft, submitForSignOff } from "../handling/drafting";
import { decideExtension, requestExtension } from "../handling/extension";
import { loadFacts } from "../handling/facts";
import { decideReplyPublication } from "../handling/publication";
import { recordPaperReceipt, submitReceipt } from "../handling/receipt";
import { markKeyProposal, reportProgress } from "../handling/key-proposals";
import { registerProposal } from "../handling/register";
import type { RunResult } from "../handling/run";
import { approveReply, returnReply } from "../handling/sign-off";
import { closeProposal, supervise } from "../handling/supervision";
import { holidayCalendarOf } from "../queries/holiday-calendar";
import { Clock, dueDate, workdaysBefore } from "./clock";
import type { Rng } from "./random";
import { COORDINATOR, type Cast } from "./reference";
import type { Act, Actor, Stage } from "./stage";
import {
  ADJUSTMENT_APPROVAL,
  CO_OPINION_APPROVAL,
  EXTENSION_APPROVAL,
  LATE_RECEIPT_CLOSE_REASON,
  RECEIPT_OPINIONS,
  RETURN_COMMENTS,
  SUPERVISE_COMMENT,
  WITHHELD_REASON,
  type Material,
  type MaterialSource,
} from "./texts";

/** How far a co-handling unit's opinion has got. */
type OpinionPlan = "sent" | "submitted" | "draft" | "none";

/** The 区领导 who leads the demo's 重点提案, the plan the office sets out, and the unit's progress report. */
const KEY_LEADER = "wangjh";
const KEY_PLAN = "由王建华副区长领办，主办单位牵头制定工作方案，每月底前报送中期进展，办理结果报区政府常务会。";
const KEY_PROGRESS = "已会同相关部门开展专题调研，形成初步工作方案，正在征求提案人意见，下一步将提交分管区领导审定。";

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

/** One proposal's acts, in the order they were told (their moments need not be in order across units working in parallel). */
export type Script = readonly Act[];

export function tell(plan: Plan, env: Env): Script {
  return new Teller(plan, env).run();
}

const RESULT_CLASS_DRAW: readonly ResultClass[] = ["A", "A", "B", "B", "B", "C"];
const OUTCOME_DRAW: readonly Satisfaction[] = ["satisfied", "satisfied", "basically"];
const IN_PERSON: readonly ContactMethod[] = ["face", "visit", "forum"];

/** A signed reply as the script knows it: its round and the day it was written. */
type Reply = { round: number; writtenOn: string };

class Teller {
  private readonly rng: Rng;
  private readonly cast: Cast;
  private readonly m: Material;
  private readonly clock: Clock;
  private readonly acts: Act[] = [];
  /** The lead proposer first, then the co-signers: the people who get replies. */
  private readonly proposers: string[];
  private readonly leadHandler: string;
  private readonly leadDirector: string;
  private readonly resultClass: ResultClass;
  private readonly wantsMeeting: boolean;
  private round = 1;
  /** Contact methods used and draft versions saved, per round. */
  private readonly methods = new Map<number, ContactMethod[]>();
  private readonly versions = new Map<number, number>();
  /** Set when the registration act has been carried out. */
  private proposalId = 0;
  /** The date the lead unit asked to extend to, once it has asked. */
  private requestedUntil = "";

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
      plan.seconders ??
      (rng.chance(0.3)
        ? rng.sample(
            others.filter((login) => !cosigners.includes(login)),
            rng.int(1, 3),
          )
        : []);
    this.proposers = [proposer, ...cosigners];
    this.m = plan.material({ kind, proposerName: cast.person(proposer).name, cast });
    this.leadHandler = cast.handlerOf(this.m.lead);
    this.leadDirector = cast.directorOf(this.m.lead);
    this.resultClass = plan.resultClass ?? rng.pick(RESULT_CLASS_DRAW);
    this.clock = Clock.startingOn(rng, env.today, workdaysBefore(env.today, plan.age));
    const registeredAt = this.clock.next(0);
    const receivedOn = this.clock.date;
    const number = plan.number ?? env.takeNumber(plan.session);
    const wantsMeeting = (this.wantsMeeting = plan.wantsMeeting ?? rng.chance(0.3));
    const { title, body, category } = this.m;
    this.act(registeredAt, COORDINATOR, "登记提案", async (s, actor) => {
      const result = await registerProposal(s.db, actor.id, {
        sessionId: s.ids.session(plan.session),
        number,
        title,
        body,
        categoryId: s.ids.category(category),
        receivedOn,
        proposerId: s.ids.user(proposer),
        coSignerIds: cosigners.map((login) => s.ids.user(login)),
        seconderIds: seconders.map((login) => s.ids.user(login)),
        isKey: plan.isKey ?? false,
        isUrgent: plan.isUrgent ?? false,
        wantsMeeting,
      });
      if (result.ok) this.proposalId = result.data.id;
      return result;
    });
    // A 重点提案 gets its leading 区领导 and 办理方案 right after registration (no draw: the story stays as it was).
    if (plan.isKey) {
      this.act(new Date(registeredAt.getTime() + 120_000), COORDINATOR, "列为重点提案", async (s, actor) =>
        markKeyProposal(s.db, actor, this.proposalId, { leaderId: s.ids.user(KEY_LEADER), plan: KEY_PLAN }),
      );
    }
  }

  run(): Script {
    const { plan } = this;
    const target = plan.state;
    if (target === "registered") return this.script();
    this.assign();
    if (target === "assigned") {
      if (plan.leadAdjust) this.requestAdjustment(this.m.lead, this.clock, plan.leadAdjust);
      return this.script();
    }
    this.acceptLead();
    const coClocks = this.coWork();
    this.contacts(plan.contacts ?? 1);
    if (plan.isKey) this.progressReport();
    if (target === "handling") {
      this.draftWithoutSigning(coClocks);
      return this.script();
    }
    this.draftAndSubmit(coClocks);
    if (target === "in_review") return this.script();
    const first = this.approve(plan.at?.approve);
    if (target === "replied") {
      if (plan.cosignerReceipts)
        for (const member of this.proposers.slice(1)) this.receipt(first, member, "satisfied", this.clock.next(this.rng.int(1, 3)));
      return this.script();
    }
    if (target === "rehandling" || plan.secondRound) {
      this.unsatisfiedReceipt(first);
      if (target === "rehandling") {
        if (plan.round2) this.contacts(1);
        if (plan.round2 === "draft") this.saveDrafts(1);
        return this.script();
      }
      this.contacts(1);
      this.saveDrafts(1);
      this.submit();
      this.receiptsFromAll(this.approve());
      return this.script();
    }
    if (plan.closedByCoordinator) {
      if (this.proposers.length < 2)
        throw new Error(`Demo plan ${this.m.title}: closing by the coordinator needs co-signers who did not answer`);
      this.receipt(first, this.proposers[0]!, this.rng.pick(OUTCOME_DRAW), this.clock.next(this.rng.int(4, 10)));
      const at = this.clock.after(dueDate(first.writtenOn, RULES.receipt), this.rng.int(1, 3));
      this.act(at, COORDINATOR, "办结", async (s, actor) => closeProposal(s.db, actor, this.proposalId, LATE_RECEIPT_CLOSE_REASON));
    } else {
      this.receiptsFromAll(first);
    }
    return this.script();
  }

  private script(): Script {
    return this.acts;
  }

  /**
   * One act of `login` at `at`, carried out on the stage. Whoever acts on a proposal has opened their
   * notices about it first; a refusal by the workflow stops the demo with its reason.
   */
  private act(at: Date, login: string, what: string, run: (stage: Stage, actor: Actor) => Promise<RunResult<unknown>>) {
    this.acts.push({
      at,
      run: async (stage) => {
        const actor = await stage.actor(login);
        if (this.proposalId) await stage.readNotices(actor.id, this.proposalId, at);
        const result = await run(stage, actor);
        if (!result.ok) throw new Error(`Demo ${this.m.title}: ${what} (${login}, ${at.toISOString()}) refused: ${result.reason}`);
      },
    });
  }

  private assign() {
    const at = this.clock.next(this.rng.int(2, 4));
    const { lead, co } = this.m;
    this.act(at, COORDINATOR, "交办", async (s, actor) =>
      assignProposal(s.db, actor, this.proposalId, { leadUnitId: s.ids.unit(lead), coUnitIds: co.map((u) => s.ids.unit(u)) }),
    );
  }

  private requestAdjustment(unit: string, clock: Clock, suggested: string | null) {
    const at = clock.next(this.rng.int(1, 3));
    const reason = this.m.adjustmentReason(suggested);
    this.act(at, this.cast.handlerOf(unit), "申请调整", async (s, actor) =>
      requestAdjustment(s.db, actor, this.proposalId, {
        unitId: s.ids.unit(unit),
        reason,
        suggestedUnitId: suggested ? s.ids.unit(suggested) : null,
      }),
    );
  }

  private acceptLead() {
    const at = this.clock.next(this.rng.int(1, 3));
    const unit = this.m.lead;
    this.act(at, this.leadHandler, "签收", async (s, actor) => acceptAssignment(s.db, actor, this.proposalId, s.ids.unit(unit)));
  }

  /** The co-handling units' work, each on its own line of time from the lead unit's acceptance. */
  private coWork(): Clock[] {
    const opinions = [...(this.plan.opinions ?? [])];
    return this.m.co.map((unit) => {
      const clock = this.clock.fork();
      if (this.plan.coAdjust?.unit === unit) this.coAdjustment(unit, clock, this.plan.coAdjust.approved);
      else this.coOpinion(unit, clock, opinions.shift() ?? "sent");
      return clock;
    });
  }

  private coAdjustment(unit: string, clock: Clock, approved: boolean) {
    this.requestAdjustment(unit, clock, null);
    if (!approved) return;
    const at = clock.next(this.rng.int(1, 4));
    this.act(at, COORDINATOR, "同意调整", async (s, actor) =>
      decideAdjustment(s.db, actor, this.proposalId, {
        unitId: s.ids.unit(unit),
        outcome: { kind: "withdraw", replacementUnitId: null },
        comment: ADJUSTMENT_APPROVAL,
      }),
    );
  }

  private coOpinion(unit: string, clock: Clock, plan: OpinionPlan) {
    const handler = this.cast.handlerOf(unit);
    const body = this.m.coOpinion(unit);
    const write = (submit: boolean) => async (s: Stage, actor: Actor) =>
      writeCoOpinion(s.db, actor, this.proposalId, { unitId: s.ids.unit(unit), body, submit });
    this.act(clock.next(this.rng.int(0, 2)), handler, "协办签收", async (s, actor) =>
      acceptAssignment(s.db, actor, this.proposalId, s.ids.unit(unit)),
    );
    if (plan === "none") return;
    this.act(clock.next(this.rng.int(2, 5)), handler, "保存协办意见", write(false));
    if (plan === "draft") return;
    this.act(clock.next(this.rng.int(0, 1)), handler, "协办意见提交审签", write(true));
    if (plan === "submitted") return;
    this.act(clock.next(this.rng.int(0, 2)), this.cast.directorOf(unit), "协办意见审签", async (s, actor) =>
      signOffCoOpinion(s.db, actor, this.proposalId, { unitId: s.ids.unit(unit), approve: true, comment: CO_OPINION_APPROVAL }),
    );
  }

  /** 中期进展 of a 重点提案, filed by the lead handler shortly after the last contact. */
  private progressReport() {
    const at = new Date(this.acts.at(-1)!.at.getTime() + 1_200_000);
    this.act(at, this.leadHandler, "报送中期进展", async (s, actor) => reportProgress(s.db, actor, this.proposalId, KEY_PROGRESS));
  }

  private contacts(count: number) {
    const { round } = this;
    const handlerName = this.cast.person(this.leadHandler).name;
    const anchor = round === 1 ? this.plan.at?.contact : undefined;
    const methods = this.methods.get(round) ?? [];
    this.methods.set(round, methods);
    for (let i = 0; i < count; i++) {
      const at = i === 0 && anchor !== undefined ? this.clock.onWorkdayAgo(anchor) : this.clock.next(this.rng.int(2, 6));
      const method = this.plan.contactMethod ?? this.rng.pick(this.wantsMeeting ? IN_PERSON : CONTACT_METHODS);
      methods.push(method);
      const contact = { contactedOn: this.clock.date, method, ...this.m.contact(method, round, handlerName) };
      this.act(at, this.leadHandler, "沟通", async (s, actor) => addContact(s.db, actor, this.proposalId, contact));
    }
  }

  private saveDrafts(count: number) {
    const { round } = this;
    const handler = this.cast.person(this.leadHandler);
    const disclosure = this.plan.disclosure ?? "full";
    const anchor = round === 1 ? this.plan.at?.draft : undefined;
    for (let i = 0; i < count; i++) {
      const version = (this.versions.get(round) ?? 0) + 1;
      this.versions.set(round, version);
      const at =
        version > 1
          ? this.clock.next(this.rng.int(1, 3))
          : anchor !== undefined
            ? this.clock.onWorkdayAgo(anchor)
            : this.clock.next(this.rng.int(2, 5));
      const draft = {
        body: this.m.draft(round, version),
        resultClass: this.resultClass,
        contactPerson: handler.name,
        contactPhone: handler.phone ?? "",
        disclosure,
        disclosureSummary: disclosure === "summary" ? this.m.disclosureSummary : null,
        disclosureReason: disclosure === "none" ? WITHHELD_REASON : null,
      };
      this.act(at, this.leadHandler, `保存第${version}稿`, async (s, actor) => saveDraft(s.db, actor, this.proposalId, draft));
    }
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
      const unit = this.m.lead;
      this.act(at, COORDINATOR, "督办", async (s, actor) =>
        supervise(s.db, actor, this.proposalId, { unitId: s.ids.unit(unit), comment: SUPERVISE_COMMENT }),
      );
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

  /** 提交审签 (the workflow checks that every co-handling opinion is in and the proposer was contacted). */
  private submit(ago?: number) {
    const at = ago === undefined ? this.clock.next(this.rng.int(0, 1)) : this.clock.onWorkdayAgo(ago);
    this.act(at, this.leadHandler, "提交审签", async (s, actor) => submitForSignOff(s.db, actor, this.proposalId));
  }

  private returnDraft() {
    const at = this.clock.next(this.rng.int(1, 2));
    const comment = this.rng.pick(RETURN_COMMENTS);
    this.act(at, this.leadDirector, "退回修改", async (s, actor) => returnReply(s.db, actor, this.proposalId, comment));
  }

  private approve(ago?: number): Reply {
    const at = ago === undefined ? this.clock.next(this.rng.int(1, 3)) : this.clock.onWorkdayAgo(ago);
    const reply = { round: this.round, writtenOn: this.clock.date };
    this.act(at, this.leadDirector, "同意签发", async (s, actor) => approveReply(s.db, actor, this.proposalId, null));
    this.publish();
    return reply;
  }

  /** 公开 or 不予公开, as the approved draft proposed; a reply signed in the last days may still wait. */
  private publish() {
    const disclosure = this.plan.disclosure ?? "full";
    if (disclosure === "none") {
      const at = this.clock.next(this.rng.int(1, 2));
      this.act(at, COORDINATOR, "不予公开", async (s, actor) =>
        decideReplyPublication(s.db, actor, this.proposalId, { type: "withhold", reason: WITHHELD_REASON }),
      );
      return;
    }
    if (this.plan.unpublished) return;
    const at = this.clock.next(this.rng.int(2, 5));
    this.act(at, COORDINATOR, "发布", async (s, actor) => decideReplyPublication(s.db, actor, this.proposalId, { type: "publish" }));
  }

  /** One proposer's receipt, online or (the lead proposer's, when the plan says so) on paper recorded by the coordinator. */
  private receipt(reply: Reply, member: string, result: Satisfaction, at: Date) {
    const onPaper = this.plan.paperReceipt === true && member === this.proposers[0];
    const methods = this.methods.get(reply.round) ?? [];
    const contactReport = methods.some((m) => FACE_TO_FACE_METHODS.includes(m)) ? "visited" : methods.length > 0 ? "contacted" : "none";
    const answers = {
      contactReport,
      attitude: result === "unsatisfied" ? "basically" : "satisfied",
      result,
      opinion: result === "unsatisfied" ? this.m.unsatisfiedOpinion : RECEIPT_OPINIONS[result],
    } as const;
    this.act(at, onPaper ? COORDINATOR : member, "回执", async (s, actor) => {
      const replyId = await s.replyOf(this.proposalId, reply.round);
      return onPaper
        ? await recordPaperReceipt(s.db, actor, this.proposalId, s.ids.user(member), { replyId, ...answers })
        : await submitReceipt(s.db, actor, this.proposalId, { replyId, ...answers });
    });
  }

  /** Every proposer answers satisfied or basically satisfied; the workflow closes the proposal on the last receipt. */
  private receiptsFromAll(reply: Reply) {
    let at = this.clock.next(this.rng.int(4, 10));
    for (const [i, member] of this.proposers.entries()) {
      if (i > 0) at = this.clock.next(this.rng.int(0, 3));
      this.receipt(reply, member, this.rng.pick(OUTCOME_DRAW), at);
    }
  }

  /** The lead proposer is not satisfied: the workflow sends the proposal back to the lead unit for a second round. */
  private unsatisfiedReceipt(reply: Reply) {
    const ago = this.plan.at?.receipt;
    const at = ago === undefined ? this.clock.next(this.rng.int(4, 10)) : this.clock.onWorkdayAgo(ago);
    this.receipt(reply, this.proposers[0]!, "unsatisfied", at);
    this.round = 2;
  }

  /** 申请延期 by two months past the lead unit's deadline (on the next working day), perhaps granted. */
  private extension(outcome: "pending" | "granted") {
    const ago = this.plan.at?.extension;
    const at = ago === undefined ? this.clock.next(this.rng.int(2, 5)) : this.clock.onWorkdayAgo(ago);
    const reason = this.m.extensionReason;
    const unit = this.m.lead;
    this.act(at, this.leadHandler, "申请延期", async (s, actor) => {
      const lead = leadAssignment((await loadFacts(s.db, this.proposalId))!)!;
      this.requestedUntil = nextWorkdayOnOrAfter(await holidayCalendarOf(s.db), addMonths(lead.due, 2));
      return requestExtension(s.db, actor, this.proposalId, { unitId: s.ids.unit(unit), until: this.requestedUntil, reason });
    });
    if (outcome === "pending") return;
    this.act(this.clock.next(this.rng.int(1, 3)), COORDINATOR, "同意延期", async (s, actor) =>
      decideExtension(s.db, actor, this.proposalId, {
        unitId: s.ids.unit(unit),
        grant: true,
        until: this.requestedUntil,
        comment: EXTENSION_APPROVAL,
      }),
    );
  }
}
