/**
 * The time the use cases stamp on what they write and count "today" from: the real time, except inside
 * `atInstant`, with which the demo data (db/demo) is written by the use cases at the moments its story
 * says they happened. Everything in db/ that stamps an act asks here, never `new Date()` itself.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { isoDateInChina } from "@/lib/format";

/** The instant held for the work in progress, across its awaits (and only for that work). */
const held = new AsyncLocalStorage<number>();

/** The current instant: the real one, or the one `atInstant` holds. */
export function now(): Date {
  return new Date(held.getStore() ?? Date.now());
}

/** Today in China, at `now()`. */
export function todayInChina(): string {
  return isoDateInChina(now());
}

/** Runs `work` with the clock held at `instant` until it has finished. */
export async function atInstant<T>(instant: Date, work: () => Promise<T>): Promise<T> {
  return held.run(instant.getTime(), work);
}
