/**
 * Who may do what: the one table of role capabilities and the ownership rules for proposals.
 * Pure; the server's guard (app/_server/guard.ts) loads the facts and asks these functions.
 */
import type { Role } from "./domain";
import { MEMBER_TIMELINE_ACTIONS } from "./member-view";

export type Actor = { id: number; role: Role; unitId: number | null };

export const CAPABILITIES = {
  /** users, units, sessions, categories, settings */
  administer: ["admin"],
  /** register, assign, decide requests, chase, see every proposal */
  coordinate: ["coordinator"],
  /** accept, contact, draft, co-handling opinions */
  handle: ["handler"],
  /** attach files: to a proposal when registering it, to the reply while drafting it */
  attachFiles: ["coordinator", "handler"],
  /** the scan of the sealed (盖章) reply letter, after sign-off */
  uploadSealedScan: ["handler", "director"],
  /** sign off drafts and co-handling opinions of the own unit */
  signOff: ["director"],
  /** 分办 and 改派 inside the own unit: the director, or a handler the administrator allowed to (可分办, checked by the workflow) */
  divide: ["handler", "director"],
  /** 分管领导审核: pass on or return the own unit's drafts before the director signs */
  leaderReview: ["leader"],
  /** the staff shell and its home page (待办; a 区领导's 领办重点提案) */
  staffHome: ["coordinator", "handler", "director", "leader", "district_leader"],
  /** the proposal lists (全部提案), scoped by unit for unit roles */
  listProposals: ["coordinator", "handler", "director", "leader"],
  /** a proposal's own page, where the ownership rules (canViewProposal) allow */
  viewProposal: ["coordinator", "handler", "director", "leader", "district_leader"],
  viewStatistics: ["coordinator"],
  /** 批量办理: the coordinating office's 交办, 发布, 催告 and letters; a handler's 签收 */
  bulkWork: ["coordinator", "handler"],
  /** 面商 / 座谈会: recorded by a unit's handler, read by the unit and the coordinating office */
  recordMeetings: ["handler"],
  viewMeetings: ["coordinator", "handler", "director", "leader"],
  /** the member's own proposals, replies and receipts */
  memberHome: ["member"],
  /** one's own account: change the password */
  ownAccount: ["admin", "coordinator", "handler", "director", "leader", "district_leader", "member"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(actor: Pick<Actor, "role">, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(actor.role);
}

/** The facts about one proposal that decide who may see it. */
export type ProposalParties = {
  /** Units with a live (not withdrawn) assignment on the proposal. */
  unitIds: readonly number[];
  /** The lead proposer and co-signers (not seconders). */
  proposerIds: readonly number[];
  /** The 区领导 who leads a 重点提案's handling (领办), if any. */
  keyLeaderId: number | null;
};

export function canViewProposal(actor: Actor, parties: ProposalParties): boolean {
  switch (actor.role) {
    case "coordinator":
      return true;
    case "handler":
    case "director":
    case "leader":
      return actor.unitId !== null && parties.unitIds.includes(actor.unitId);
    case "member":
      return parties.proposerIds.includes(actor.id);
    case "district_leader":
      return parties.keyLeaderId === actor.id;
    case "admin":
      return false;
  }
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  switch (role) {
    case "admin":
      return "/admin";
    case "member":
      return "/member";
    default:
      return "/work";
  }
}

/** Any base will do: only a path that stays on it is followed. */
const CALLBACK_BASE = "http://callback.invalid";

/**
 * A post-sign-in destination from a `callbackUrl`: only a path on this site, so that the sign-in page
 * cannot be used as an open redirect. The value is read the way a browser reads a Location (the URL
 * parser drops tabs and line breaks, turns backslashes into slashes and resolves dot segments), and the
 * path is given back as the parser serialises it: percent-encoded ASCII, which a header can carry, and
 * exactly what the browser will follow. Anything that resolves elsewhere, or to `//…`, goes home.
 */
export function safeCallbackPath(value: string | null | undefined, role: Role): string {
  return safeReturnPath(value) ?? homePath(role);
}

/** The path of `safeCallbackPath` before the role is known (a single sign-on), or null for the user's home. */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value?.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(value, CALLBACK_BASE);
  } catch {
    return null;
  }
  if (url.origin !== CALLBACK_BASE || url.pathname.startsWith("//")) return null;
  if (url.pathname === "/" || url.pathname === "/login") return null;
  return url.pathname + url.search + url.hash;
}

const inUnit = (actor: Actor, unitId: number | null | undefined) =>
  (actor.role === "handler" || actor.role === "director" || actor.role === "leader") && unitId != null && actor.unitId === unitId;

/** A 面商/座谈会 record is read by the unit that held it and the coordinating office. */
export function canViewMeeting(actor: Actor, meetingUnitId: number): boolean {
  return actor.role === "coordinator" || inUnit(actor, meetingUnitId);
}

/**
 * A meeting's photos are added and removed later by those who may record meetings for its unit: the
 * unit's handlers (the record itself is not edited).
 */
export function canEditMeetingPhotos(actor: Actor, meetingUnitId: number): boolean {
  return can(actor, "recordMeetings") && inUnit(actor, meetingUnitId);
}

/** Reply drafts and sign-off comments are internal to the lead unit and the coordinating office. */
export function canSeeDrafts(actor: Actor, leadUnitId: number | null | undefined): boolean {
  return actor.role === "coordinator" || inUnit(actor, leadUnitId);
}

/**
 * A reply letter and the files that go with it (the reply's attachments, the scan of the sealed letter):
 * once signed, read by everyone with a part in the proposal (its units, the coordinating office, the
 * proposer and co-signers); before sign-off only as drafts are, by the lead unit and the coordinating office.
 */
export function canReadLetter(actor: Actor, parties: ProposalParties, leadUnitId: number | null | undefined, signed: boolean): boolean {
  return canViewProposal(actor, parties) && (signed || canSeeDrafts(actor, leadUnitId));
}

/** A co-handling opinion is read by the lead unit, the coordinating office and the unit that wrote it. */
export function canSeeCoOpinion(actor: Actor, leadUnitId: number | null | undefined, coUnitId: number): boolean {
  return canSeeDrafts(actor, leadUnitId) || inUnit(actor, coUnitId);
}

/** Receipts, with the proposers' opinions, are read by the lead unit that answers them and the coordinating office. */
export function canSeeReceipts(actor: Actor, leadUnitId: number | null | undefined): boolean {
  return actor.role === "coordinator" || inUnit(actor, leadUnitId);
}

/** Who a unit divided its assignment to (科室, 承办人, internal deadline): the unit's own business and the coordinating office's. */
export function canSeeDivision(actor: Actor, unitId: number): boolean {
  return actor.role === "coordinator" || inUnit(actor, unitId);
}

/**
 * An entry of a proposal's timeline (办理记录) as far as who may read it goes: its action, comment, the unit
 * it concerns, and a detail read as the comment is (分办: the 科室 and the 承办人).
 */
export type TimelineEvent = { action: string; comment: string | null; unitId: number | null; detail?: string | null };

/** Comments that are part of the reply in the making (drafts and their sign-off): read as drafts are. */
const DRAFT_ACTIONS: ReadonlySet<string> = new Set([
  "save_draft",
  "submit",
  "return",
  "approve",
  "leader_approve",
  "leader_return",
  "reply_file_attached",
  "reply_file_removed",
]);
/** Comments on one co-handling unit's opinion: read as that opinion is. */
const CO_OPINION_ACTIONS: ReadonlySet<string> = new Set([
  "co_opinion_saved",
  "co_opinion_submitted",
  "co_opinion_returned",
  "co_opinion_sent",
  "co_opinion_waived",
]);
/** Requests and decisions about one unit's assignment (申请调整, 申请延期, 督办): the coordinating office's and that unit's business. */
const UNIT_ACTIONS: ReadonlySet<string> = new Set([
  "request_adjustment",
  "adjustment_approved",
  "adjustment_rejected",
  "request_extension",
  "extension_granted",
  "extension_refused",
  "supervise",
  // 分办 and 改派 (with the 科室, the 承办人 and the reason) are the unit's own arrangement.
  "assign_internal",
  "reassign_internal",
]);
/** Comments every party of the proposal may read. */
const OPEN_ACTIONS: ReadonlySet<string> = new Set([
  "register",
  "import",
  "assign",
  "accept",
  "contact",
  "contact_waived",
  "publish",
  "withhold",
  "withdraw_publication",
  "remind_receipt",
  "reopen",
  "close",
  "link",
  "mark_key",
  "unmark_key",
  "progress_report",
  "sealed_scan_uploaded",
  "sealed_scan_replaced",
]);
/** The only comments a member reads: why the proposal was reopened or closed (a co-signer's receipt opinion is theirs). */
const MEMBER_COMMENTS: ReadonlySet<string> = new Set(["reopen", "close"]);

/** Whether a staff reader may read a timeline entry's comment: by the rule of the page that shows what it is about. */
function canReadComment(actor: Actor, event: TimelineEvent, leadUnitId: number | null | undefined): boolean {
  if (actor.role === "coordinator") return true;
  if (OPEN_ACTIONS.has(event.action)) return true;
  if (DRAFT_ACTIONS.has(event.action)) return canSeeDrafts(actor, leadUnitId);
  if (event.action === "receipt") return canSeeReceipts(actor, leadUnitId);
  if (CO_OPINION_ACTIONS.has(event.action)) return event.unitId !== null && canSeeCoOpinion(actor, leadUnitId, event.unitId);
  if (UNIT_ACTIONS.has(event.action)) return inUnit(actor, event.unitId);
  // An action not named here is internal until someone decides otherwise.
  return false;
}

/**
 * The timeline as one reader may see it. Staff see every entry (what happened, when, by whom: the
 * proposal's state shows it anyway) with only the comments they may read, by the same rules as the
 * pages those comments come from (drafts, receipts, co-handling opinions); a member sees what happened
 * to their proposal, not the units' internal steps.
 */
export function timelineFor<E extends TimelineEvent>(actor: Actor, events: readonly E[], leadUnitId: number | null | undefined): E[] {
  if (actor.role === "member") {
    return events
      .filter((e) => MEMBER_TIMELINE_ACTIONS.includes(e.action))
      .map((e) => (MEMBER_COMMENTS.has(e.action) ? e : { ...e, comment: null }));
  }
  return events.map((e) =>
    (e.comment === null && !e.detail) || canReadComment(actor, e, leadUnitId) ? e : { ...e, comment: null, detail: null },
  );
}
