/**
 * The time the use cases stamp on what they write and count "today" from: the real time, except inside
 * `atInstant`, with which the demo data (db/demo) is written by the use cases at the moments its story
 * says they happened. Everything in db/ that stamps an act asks here, never `new Date()` itself.
 */
import { isoDateInChina } from "@/lib/format";

let stopped: number | null = null;

/** The current instant: the real one, or the one `atInstant` holds. */
export function now(): Date {
  return new Date(stopped ?? Date.now());
}

/** Today in China, at `now()`. */
export function todayInChina(): string {
  return isoDateInChina(now());
}

/** Runs `work` (synchronous, as every write is) with the clock held at `instant`. */
export function atInstant<T>(instant: Date, work: () => T): T {
  const outer = stopped;
  stopped = instant.getTime();
  try {
    return work();
  } finally {
    stopped = outer;
  }
}
