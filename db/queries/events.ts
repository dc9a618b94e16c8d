import type { Db } from "../client";
import { events, type NewEvent } from "../schema";

/** Appends one row to the event log (the audit trail and the proposal's timeline). */
export function logEvent(db: Pick<Db, "insert">, event: NewEvent): void {
  db.insert(events).values(event).run();
}
