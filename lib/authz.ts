/**
 * Who may do what: the one table of role capabilities and the ownership rules for proposals.
 * Pure; the server's guard (app/_server/guard.ts) loads the facts and asks these functions.
 */
import type { Role } from "./domain";

export type Actor = { id: number; role: Role; unitId: number | null };

export const CAPABILITIES = {
  /** users, units, sessions, categories, settings */
  administer: ["admin"],
  /** register, assign, decide requests, chase, see every proposal */
  coordinate: ["coordinator"],
  /** accept, contact, draft, co-handling opinions */
  handle: ["handler"],
  /** sign off drafts and co-handling opinions of the own unit */
  signOff: ["director"],
  /** the staff shell and its home page (待办) */
  staffHome: ["coordinator", "handler", "director"],
  /** the proposal lists (全部提案), scoped by unit for unit roles */
  listProposals: ["coordinator", "handler", "director"],
  viewStatistics: ["coordinator"],
  /** the member's own proposals, replies and receipts */
  memberHome: ["member"],
  /** one's own account: change the password */
  ownAccount: ["admin", "coordinator", "handler", "director", "member"],
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
};

export function canViewProposal(actor: Actor, parties: ProposalParties): boolean {
  switch (actor.role) {
    case "coordinator":
      return true;
    case "handler":
    case "director":
      return actor.unitId !== null && parties.unitIds.includes(actor.unitId);
    case "member":
      return parties.proposerIds.includes(actor.id);
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
  const home = homePath(role);
  if (!value?.startsWith("/")) return home;
  let url: URL;
  try {
    url = new URL(value, CALLBACK_BASE);
  } catch {
    return home;
  }
  if (url.origin !== CALLBACK_BASE || url.pathname.startsWith("//")) return home;
  if (url.pathname === "/" || url.pathname === "/login") return home;
  return url.pathname + url.search + url.hash;
}

const inUnit = (actor: Actor, unitId: number | null | undefined) =>
  (actor.role === "handler" || actor.role === "director") && unitId != null && actor.unitId === unitId;

/** Reply drafts and sign-off comments are internal to the lead unit and the coordinating office. */
export function canSeeDrafts(actor: Actor, leadUnitId: number | null | undefined): boolean {
  return actor.role === "coordinator" || inUnit(actor, leadUnitId);
}

/** A co-handling opinion is read by the lead unit, the coordinating office and the unit that wrote it. */
export function canSeeCoOpinion(actor: Actor, leadUnitId: number | null | undefined, coUnitId: number): boolean {
  return canSeeDrafts(actor, leadUnitId) || inUnit(actor, coUnitId);
}

/** Receipts, with the proposers' opinions, are read by the lead unit that answers them and the coordinating office. */
export function canSeeReceipts(actor: Actor, leadUnitId: number | null | undefined): boolean {
  return actor.role === "coordinator" || inUnit(actor, leadUnitId);
}
