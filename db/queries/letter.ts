/**
 * What a reply letter needs, loaded from the database and composed (lib/letter.ts): for a signed reply,
 * for one draft version, or for whatever a proposal's current round has (reply, else latest draft).
 */
import { and, asc, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import { isoDateInChina } from "@/lib/format";
import { composeLetter, type Letter, type LetterFrame, type LetterOptions } from "@/lib/letter";
import type { Db } from "../client";
import { param, preparedOnce } from "../prepared";
import { assignments, proposalSigners, proposals, replies, replyDrafts, sessions, signOffs, units, users } from "../schema";

type DraftLetterOptions = LetterOptions & {
  /** 成文日期 printed on a draft that has no reply yet, ISO date; default today in China. */
  today?: string;
};

/** The letter's queries, built once per connection (db/prepared.ts). */
const letterQueries = preparedOnce((db: Db) => {
  const proposalId = param("proposalId");
  const draftId = param("draftId");
  const round = param("round");
  const signerName = (who: SQL) =>
    db
      .select({ name: users.displayName })
      .from(proposalSigners)
      .innerJoin(users, eq(users.id, proposalSigners.userId))
      .where(and(eq(proposalSigners.proposalId, proposalId), who, inArray(proposalSigners.role, ["lead", "cosigner"])))
      .prepare();
  return {
    /** The draft with its proposal, session and unit. */
    draftContext: db
      .select({ draft: replyDrafts, proposal: proposals, session: sessions, unitName: units.name })
      .from(replyDrafts)
      .innerJoin(proposals, eq(proposals.id, replyDrafts.proposalId))
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .innerJoin(units, eq(units.id, replyDrafts.unitId))
      .where(eq(replyDrafts.id, draftId))
      .prepare(),
    /** Full names of the co-handling units still assigned, in the order they were assigned. */
    coUnitNames: db
      .select({ name: units.name })
      .from(assignments)
      .innerJoin(units, eq(units.id, assignments.unitId))
      .where(and(eq(assignments.proposalId, proposalId), eq(assignments.role, "co"), ne(assignments.status, "withdrawn")))
      .orderBy(asc(assignments.id))
      .prepare(),
    leadProposerName: signerName(eq(proposalSigners.role, "lead")),
    proposerName: signerName(eq(proposalSigners.userId, param("addresseeId"))),
    /** The unit's director (the first active one), who will sign the draft off. */
    unitDirector: db
      .select({ name: users.displayName, title: users.title })
      .from(users)
      .where(and(eq(users.unitId, param("unitId")), eq(users.role, "director"), eq(users.disabled, false)))
      .orderBy(asc(users.id))
      .limit(1)
      .prepare(),
    reply: db
      .select({
        draftId: replies.draftId,
        writtenOn: replies.writtenOn,
        signerName: signOffs.signerName,
        signerTitle: signOffs.signerTitle,
      })
      .from(replies)
      .innerJoin(signOffs, eq(signOffs.id, replies.signOffId))
      .where(eq(replies.id, param("replyId")))
      .prepare(),
    approval: db
      .select({ name: signOffs.signerName, title: signOffs.signerTitle })
      .from(signOffs)
      .where(and(eq(signOffs.draftId, draftId), eq(signOffs.decision, "approve")))
      .prepare(),
    replyOfDraft: db.select({ writtenOn: replies.writtenOn }).from(replies).where(eq(replies.draftId, draftId)).prepare(),
    replyOfRound: db
      .select({ id: replies.id })
      .from(replies)
      .where(and(eq(replies.proposalId, proposalId), eq(replies.round, round)))
      .prepare(),
    proposalWithSession: db
      .select({ proposal: proposals, session: sessions })
      .from(proposals)
      .innerJoin(sessions, eq(sessions.id, proposals.sessionId))
      .where(eq(proposals.id, proposalId))
      .prepare(),
    leadUnit: db
      .select({ id: units.id, name: units.name })
      .from(assignments)
      .innerJoin(units, eq(units.id, assignments.unitId))
      .where(and(eq(assignments.proposalId, proposalId), eq(assignments.role, "lead"), ne(assignments.status, "withdrawn")))
      .prepare(),
    latestDraftOfRound: db
      .select({ id: replyDrafts.id })
      .from(replyDrafts)
      .where(and(eq(replyDrafts.proposalId, proposalId), eq(replyDrafts.round, round)))
      .orderBy(desc(replyDrafts.version))
      .limit(1)
      .prepare(),
  };
});

/** The addressee's name: the given proposer or co-signer, or the lead proposer; null if not one of them. */
async function addresseeName(db: Db, proposalId: number, addresseeId?: number): Promise<string | null> {
  const q = letterQueries(db);
  const row =
    addresseeId === undefined ? await q.leadProposerName.get({ proposalId }) : await q.proposerName.get({ proposalId, addresseeId });
  return row?.name ?? null;
}

type Context = NonNullable<Awaited<ReturnType<ReturnType<typeof letterQueries>["draftContext"]["get"]>>>;

async function compose(
  db: Db,
  { draft, proposal, session, unitName }: Context,
  addressee: string,
  signer: { name: string; title: string | null } | null,
  writtenOn: string,
  options: LetterOptions,
): Promise<Letter> {
  return composeLetter(
    {
      kind: session.kind,
      unitName,
      session,
      number: proposal.number,
      title: proposal.title,
      addressee,
      coUnits: (await letterQueries(db).coUnitNames.all({ proposalId: proposal.id })).map((row) => row.name),
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
export async function letterForReply(db: Db, replyId: number, addresseeId?: number, options: LetterOptions = {}): Promise<Letter | null> {
  const q = letterQueries(db);
  const reply = await q.reply.get({ replyId });
  if (!reply) return null;
  const context = await q.draftContext.get({ draftId: reply.draftId });
  if (!context) return null;
  const addressee = await addresseeName(db, context.proposal.id, addresseeId);
  if (addressee === null) return null;
  return compose(db, context, addressee, { name: reply.signerName, title: reply.signerTitle }, reply.writtenOn, options);
}

/**
 * One draft version as the letter it would become, addressed to the lead proposer. Signed by whoever
 * approved it, else by the unit's director (SIGNER_PLACEHOLDER when the unit has none); dated by its
 * reply when it has one, else `options.today`.
 */
export async function letterForDraft(db: Db, draftId: number, options: DraftLetterOptions = {}): Promise<Letter | null> {
  const q = letterQueries(db);
  const context = await q.draftContext.get({ draftId });
  if (!context) return null;
  const addressee = await addresseeName(db, context.proposal.id);
  if (addressee === null) return null;
  const signer = (await q.approval.get({ draftId })) ?? (await q.unitDirector.get({ unitId: context.draft.unitId })) ?? null;
  const writtenOn = (await q.replyOfDraft.get({ draftId }))?.writtenOn ?? options.today ?? isoDateInChina(new Date());
  return compose(db, context, addressee, signer, writtenOn, options);
}

/**
 * Everything a new draft of the proposal's letter is composed from besides its own fields, as
 * letterForDraft fills it in for a draft saved today: the lead unit, its director as the signer, the
 * lead proposer, the co-handling units. The 起草答复函 page previews the letter from this and the
 * form's fields, before anything is saved. Null before a lead unit is assigned.
 */
export async function draftLetterFrame(db: Db, proposalId: number, today = isoDateInChina(new Date())): Promise<LetterFrame | null> {
  const q = letterQueries(db);
  const row = await q.proposalWithSession.get({ proposalId });
  const unit = await q.leadUnit.get({ proposalId });
  const addressee = await addresseeName(db, proposalId);
  if (!row || !unit || addressee === null) return null;
  return {
    kind: row.session.kind,
    unitName: unit.name,
    session: { body: row.session.body, term: row.session.term, meeting: row.session.meeting },
    number: row.proposal.number,
    title: row.proposal.title,
    addressee,
    coUnits: (await q.coUnitNames.all({ proposalId })).map((r) => r.name),
    signer: (await q.unitDirector.get({ unitId: unit.id })) ?? null,
    writtenOn: today,
  };
}

/** Which version of a proposal's letter is current in a round: the round's reply, else its latest draft. */
export type LetterSource = { kind: "reply"; replyId: number } | { kind: "draft"; draftId: number };

export async function currentLetterSource(db: Db, proposalId: number, round: number): Promise<LetterSource | null> {
  const q = letterQueries(db);
  const reply = await q.replyOfRound.get({ proposalId, round });
  if (reply) return { kind: "reply", replyId: reply.id };
  const draft = await q.latestDraftOfRound.get({ proposalId, round });
  return draft ? { kind: "draft", draftId: draft.id } : null;
}

/** The letter of a reply or a draft, as letterForReply (to the lead proposer) and letterForDraft give it. */
export async function letterForSource(db: Db, source: LetterSource, options: DraftLetterOptions = {}): Promise<Letter | null> {
  return source.kind === "reply"
    ? await letterForReply(db, source.replyId, undefined, options)
    : await letterForDraft(db, source.draftId, options);
}
