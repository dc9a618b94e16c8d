import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { param, preparedOnce } from "../prepared";
import { events, type NewEvent } from "../schema";
import { now } from "../clock";

const insertEvent = preparedOnce((db: Pick<Db, "insert">) =>
  db
    .insert(events)
    .values({
      proposalId: param("proposalId"),
      actorId: param("actorId"),
      action: param("action"),
      fromState: param("fromState"),
      toState: param("toState"),
      comment: param("comment"),
      // Past the column's JSON encoding, which would store an absent value as the text 'null'.
      data: sql`${param("data")}`,
      // Every value is given when the insert runs: a default here would be computed once, when it is prepared.
      createdAt: param("createdAt"),
    })
    .prepare(),
);

/** Appends one row to the event log (the audit trail and the proposal's timeline). */
export async function logEvent(db: Pick<Db, "insert">, event: NewEvent): Promise<void> {
  await insertEvent(db).run({
    proposalId: event.proposalId ?? null,
    actorId: event.actorId ?? null,
    action: event.action,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    comment: event.comment ?? null,
    data: event.data == null ? null : JSON.stringify(event.data),
    createdAt: event.createdAt ?? now(),
  });
}
