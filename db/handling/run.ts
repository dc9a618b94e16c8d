/**
 * Runs one workflow command: load the facts, let lib/workflow decide, persist the decision and its
 * events in one transaction, then notify whoever must act next. Nothing here decides what is allowed.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Command, Decision, Recipient, WorkflowActor, WorkflowContext } from "@/lib/workflow/commands";
import { decide } from "@/lib/workflow/decide";
import type { ProposalFacts } from "@/lib/workflow/facts";
import { noticeMessage } from "@/lib/notices";
import type { Finding } from "@/lib/disclosure-review";
import type { Db } from "../client";
import { assignments, coOpinions, notifications, proposals, settings, users } from "../schema";
import { logEvent } from "../queries/events";
import { noticeSubject } from "../queries/notifications";
import { queueNoticeMails } from "../queries/outbox";
import { HOLIDAY_CALENDAR_KEY, holidayCalendarOfText } from "../queries/holiday-calendar";
import { DEADLINE_RULES_KEY, deadlineRulesOf } from "../queries/settings";
import { jsonText } from "../dialect";
import { preparedOnce } from "../prepared";
import { loadFacts } from "./facts";
import { now, todayInChina } from "../clock";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A connection, or a transaction in which the command becomes a savepoint (used by the import). */
export type Database = Db | Tx;

export type Applied = {
  proposalId: number;
  before: ProposalFacts;
  after: ProposalFacts;
  /** Assignment ids by unit, including those the command created. */
  assignmentIds: Map<number, number>;
  today: string;
  rules: WorkflowContext["rules"];
  calendar: WorkflowContext["calendar"];
};

/**
 * `conflict` marks a refusal because someone changed the proposal since the user loaded it; `findings`, a
 * refusal of 公开审查 with what it found.
 */
export type RunResult<T> = { ok: true; data: T } | { ok: false; reason: string; conflict?: true; findings?: Finding[] };

export const STALE_VERSION = "此提案已被他人更新，请刷新页面后重试";

export type RunInput<T> = {
  proposalId: number;
  actor: WorkflowActor;
  /** The command, or how to make it from what the transaction reads (提交审签 reviews the draft as it is then). */
  command: Command | ((tx: Tx, before: ProposalFacts) => Promise<Command>);
  /** The proposal version the user saw; a different one means someone else changed it meanwhile. */
  expectedVersion?: number;
  today?: string;
  /**
   * Says when this very command has been carried out already (the same receipt recorded, by a double
   * click or a second tab), checked in the transaction before the workflow decides; null otherwise.
   */
  alreadyDone?: (tx: Tx, before: ProposalFacts) => Promise<string | null>;
  /** The rows this command adds besides the proposal and its assignments (contact, draft, reply…). */
  write?: (tx: Tx, applied: Applied) => Promise<T>;
};

/** The stored deadline rules and holiday calendar, in one statement (a write reads them under the write lock). */
const contextSettings = preparedOnce((db: Pick<Db, "select">) =>
  db
    .select({ key: settings.key, raw: jsonText(settings.value) })
    .from(settings)
    .where(inArray(settings.key, [DEADLINE_RULES_KEY, HOLIDAY_CALENDAR_KEY]))
    .prepare(),
);

/** What the workflow decides with: today, the deadline rules and the holiday calendar, as the database holds them now. */
export async function workflowContext(db: Pick<Db, "select">, today: string): Promise<WorkflowContext> {
  const stored = new Map((await contextSettings(db).all()).map((row) => [row.key, row.raw]));
  const rules = stored.get(DEADLINE_RULES_KEY);
  return {
    today,
    rules: deadlineRulesOf(rules === undefined ? undefined : JSON.parse(rules)),
    calendar: holidayCalendarOfText(stored.get(HOLIDAY_CALENDAR_KEY) ?? ""),
  };
}

export async function runCommand<T = undefined>(db: Database, input: RunInput<T>): Promise<RunResult<T>> {
  const today = input.today ?? todayInChina();
  const outcome = await db.transaction(
    async (tx): Promise<{ ok: true; data: T; decision: Extract<Decision, { ok: true }> } | Extract<RunResult<T>, { ok: false }>> => {
      const before = await loadFacts(tx, input.proposalId);
      if (!before) return { ok: false, reason: "提案不存在" };
      const done = await input.alreadyDone?.(tx, before);
      if (done) return { ok: false, reason: done };
      const ctx = await workflowContext(tx, today);
      const command = typeof input.command === "function" ? await input.command(tx, before) : input.command;
      const decision = decide(before, input.actor, command, ctx);
      if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
        // What the workflow says now comes first: a command repeated by a double click or a second tab
        // hears that it is done already ("此答复函已签发"), not that someone else changed the proposal.
        return decision.ok ? { ok: false, reason: STALE_VERSION, conflict: true } : decision;
      }
      if (!decision.ok) return decision;
      const assignmentIds = await persist(tx, input.proposalId, before, decision.facts, today);
      const data = (await input.write?.(tx, { proposalId: input.proposalId, before, after: decision.facts, assignmentIds, ...ctx })) as T;
      for (const e of decision.events) {
        await logEvent(tx, {
          proposalId: input.proposalId,
          actorId: input.actor.id,
          action: e.action,
          fromState: e.fromState,
          toState: e.toState,
          comment: e.comment ?? null,
          data: e.data ?? null,
        });
      }
      return { ok: true, data, decision };
    },
    { behavior: "immediate" },
  );
  if (!outcome.ok) return outcome;
  await notifyRecipients(db, input.proposalId, outcome.decision.notify);
  return { ok: true, data: outcome.data };
}

/** Writes the proposal's state and its assignments as the decision left them. */
async function persist(
  tx: Tx,
  proposalId: number,
  before: ProposalFacts,
  after: ProposalFacts,
  today: string,
): Promise<Map<number, number>> {
  const at = now();
  await tx
    .update(proposals)
    .set({
      status: after.status,
      round: after.round,
      isKey: after.isKey,
      keyLeaderId: after.keyLeaderId,
      reviewStage: after.reviewStage,
      version: sql`${proposals.version} + 1`,
      updatedAt: at,
      ...(before.status === "registered" && after.status === "assigned" ? { assignedOn: today } : {}),
    })
    .where(eq(proposals.id, proposalId))
    .run();
  const ids = new Map<number, number>();
  for (const a of after.assignments) {
    const prev = before.assignments.find((x) => x.unitId === a.unitId);
    // A fresh assignment (a unit assigned again, or in a new role after an adjustment) starts over:
    // not accepted, no opinion, nothing waived.
    const fresh = a.status === "pending" && prev !== undefined && prev.status !== "pending" && prev.status !== "adjust_requested";
    const values = {
      role: a.role,
      status: a.status,
      handlerId: a.handlerId,
      assignedOn: a.assignedOn,
      acceptDue: a.acceptDue,
      due: a.due,
      extendedDue: a.extendedDue,
      sectionId: a.division?.sectionId ?? null,
      assigneeId: a.division?.assigneeId ?? null,
      internalDue: a.division?.due ?? null,
      ...(prev?.status === "pending" && a.status === "accepted" ? { acceptedAt: at } : {}),
      ...(fresh || (prev !== undefined && prev.role !== a.role) ? { acceptedAt: null, opinionWaivedReason: null } : {}),
    };
    if (a.id === null) {
      ids.set(
        a.unitId,
        (
          await tx
            .insert(assignments)
            .values({ proposalId, unitId: a.unitId, ...values })
            .returning({ id: assignments.id })
            .get()
        ).id,
      );
    } else {
      if (JSON.stringify(prev) !== JSON.stringify(a)) await tx.update(assignments).set(values).where(eq(assignments.id, a.id)).run();
      if (prev?.opinion != null && a.opinion === null) await tx.delete(coOpinions).where(eq(coOpinions.assignmentId, a.id)).run();
      ids.set(a.unitId, a.id);
    }
  }
  return ids;
}

/** In-app notifications (and their mails) for the recipients of a decision; call after the transaction has committed. */
export async function notifyRecipients(db: Database, proposalId: number, recipients: Recipient[]) {
  const link = (role: string) => (role === "member" ? `/member/proposals/${proposalId}` : `/proposals/${proposalId}`);
  // Members are addressed as "users", named staff as "staff"; unit roles and coordinators are looked up.
  const subject = recipients.length > 0 ? await noticeSubject(db, proposalId) : null;
  const message = (text: string) => (subject ? noticeMessage(subject, text) : text);
  const rows: (typeof notifications.$inferInsert & { userId: number; message: string; link: string })[] = [];
  for (const r of recipients) {
    const targets =
      r.to === "users" || r.to === "staff"
        ? await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, r.userIds)).all()
        : await db
            .select({ id: users.id, role: users.role })
            .from(users)
            .where(
              and(
                eq(users.disabled, false),
                r.to === "coordinators" ? eq(users.role, "coordinator") : and(eq(users.role, r.role), eq(users.unitId, r.unitId)),
              ),
            )
            .all();
    for (const t of targets) rows.push({ userId: t.id, proposalId, kind: "workflow", message: message(r.message), link: link(t.role) });
  }
  // One insert and one look at the mail settings for every recipient: each statement is a round trip on PostgreSQL.
  if (rows.length === 0) return;
  await db.insert(notifications).values(rows).run();
  await queueNoticeMails(db, rows);
}
