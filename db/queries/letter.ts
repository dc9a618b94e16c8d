/**
 * What a reply letter needs, loaded from the database and composed (lib/letter.ts): for a signed reply,
 * for one draft version, or for whatever a proposal's current round has (reply, else latest draft).
 */
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { isoDateInChina } from "@/lib/format";
import { composeLetter, type Letter, type LetterOptions } from "@/lib/letter";
import type { Db } from "../client";
import { assignments, proposalSigners, proposals, replies, replyDrafts, sessions, signOffs, units, users } from "../schema";

type DraftLetterOptions = LetterOptions & {
  /** 成文日期 printed on a draft that has no reply yet, ISO date; default today in China. */
  today?: string;
};

/** The draft with its proposal, session and unit. */
function draftContext(db: Db, draftId: number) {
  return db
    .select({ draft: replyDrafts, proposal: proposals, session: sessions, unitName: units.name })
    .from(replyDrafts)
    .innerJoin(proposals, eq(proposals.id, replyDrafts.proposalId))
    .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
    .innerJoin(units, eq(units.id, replyDrafts.unitId))
    .where(eq(replyDrafts.id, draftId))
    .get();
}

/** Full names of the co-handling units still assigned, in the order they were assigned. */
function coUnitNames(db: Db, proposalId: number): string[] {
  return db
    .select({ name: units.name })
    .from(assignments)
    .innerJoin(units, eq(units.id, assignments.unitId))
    .where(and(eq(assignments.proposalId, proposalId), eq(assignments.role, "co"), ne(assignments.status, "withdrawn")))
    .orderBy(asc(assignments.id))
    .all()
    .map((row) => row.name);
}

/** The addressee's name: the given proposer or co-signer, or the lead proposer; null if not one of them. */
function addresseeName(db: Db, proposalId: number, addresseeId?: number): string | null {
  const row = db
    .select({ name: users.displayName })
    .from(proposalSigners)
    .innerJoin(users, eq(users.id, proposalSigners.userId))
    .where(
      and(
        eq(proposalSigners.proposalId, proposalId),
        addresseeId === undefined ? eq(proposalSigners.role, "lead") : eq(proposalSigners.userId, addresseeId),
        inArray(proposalSigners.role, ["lead", "cosigner"]),
      ),
    )
    .get();
  return row?.name ?? null;
}

/** The unit's director (the first active one), who will sign the draft off. */
function unitDirector(db: Db, unitId: number) {
  return (
    db
      .select({ name: users.displayName, title: users.title })
      .from(users)
      .where(and(eq(users.unitId, unitId), eq(users.role, "director"), eq(users.disabled, false)))
      .orderBy(asc(users.id))
      .get() ?? null
  );
}

type Context = NonNullable<ReturnType<typeof draftContext>>;

function compose(
  db: Db,
  { draft, proposal, session, unitName }: Context,
  addressee: string,
  signer: { name: string; title: string | null } | null,
  writtenOn: string,
  options: LetterOptions,
): Letter {
  return composeLetter(
    {
      kind: session.kind,
      unitName,
      session,
      number: proposal.number,
      title: proposal.title,
      addressee,
      coUnits: coUnitNames(db, proposal.id),
      body: draft.body,
      signer,
      writtenOn,
      contactPerson: draft.contactPerson,
      contactPhone: draft.contactPhone,
      resultClass: draft.resultClass,
    },
    options,
  );
}

/**
 * The signed reply as its addressee reads it: addressed to the lead proposer, or to `addresseeId` when
 * that is a proposer or co-signer of a joint proposal. Null when there is no such reply or addressee.
 */
export function letterForReply(db: Db, replyId: number, addresseeId?: number, options: LetterOptions = {}): Letter | null {
  const reply = db
    .select({ draftId: replies.draftId, writtenOn: replies.writtenOn, signerName: signOffs.signerName, signerTitle: signOffs.signerTitle })
    .from(replies)
    .innerJoin(signOffs, eq(signOffs.id, replies.signOffId))
    .where(eq(replies.id, replyId))
    .get();
  if (!reply) return null;
  const context = draftContext(db, reply.draftId);
  if (!context) return null;
  const addressee = addresseeName(db, context.proposal.id, addresseeId);
  if (addressee === null) return null;
  return compose(db, context, addressee, { name: reply.signerName, title: reply.signerTitle }, reply.writtenOn, options);
}

/**
 * One draft version as the letter it would become, addressed to the lead proposer. Signed by whoever
 * approved it, else by the unit's director (SIGNER_PLACEHOLDER when the unit has none); dated by its
 * reply when it has one, else `options.today`.
 */
export function letterForDraft(db: Db, draftId: number, options: DraftLetterOptions = {}): Letter | null {
  const context = draftContext(db, draftId);
  if (!context) return null;
  const addressee = addresseeName(db, context.proposal.id);
  if (addressee === null) return null;
  const approval = db
    .select({ name: signOffs.signerName, title: signOffs.signerTitle })
    .from(signOffs)
    .where(and(eq(signOffs.draftId, draftId), eq(signOffs.decision, "approve")))
    .get();
  const reply = db.select({ writtenOn: replies.writtenOn }).from(replies).where(eq(replies.draftId, draftId)).get();
  const signer = approval ?? unitDirector(db, context.draft.unitId);
  const writtenOn = reply?.writtenOn ?? options.today ?? isoDateInChina(new Date());
  return compose(db, context, addressee, signer, writtenOn, options);
}

/**
 * For staff: the letter of the proposal's current round, from its reply when there is one, else from
 * its latest draft. Members and the public must use letterForReply, which never shows a draft.
 */
export function letterForProposal(db: Db, proposalId: number, options: DraftLetterOptions = {}): Letter | null {
  const proposal = db.select({ round: proposals.round }).from(proposals).where(eq(proposals.id, proposalId)).get();
  if (!proposal) return null;
  const reply = db
    .select({ id: replies.id })
    .from(replies)
    .where(and(eq(replies.proposalId, proposalId), eq(replies.round, proposal.round)))
    .get();
  if (reply) return letterForReply(db, reply.id, undefined, options);
  const latest = db
    .select({ id: replyDrafts.id })
    .from(replyDrafts)
    .where(and(eq(replyDrafts.proposalId, proposalId), eq(replyDrafts.round, proposal.round)))
    .orderBy(desc(replyDrafts.version))
    .get();
  return latest ? letterForDraft(db, latest.id, options) : null;
}
