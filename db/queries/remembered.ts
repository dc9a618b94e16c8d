/**
 * Values worth computing once in a while rather than on every page: each database (tests open many) has
 * its own spaces of remembered values, each value kept for `maxAgeMs` and each space holding at most
 * `max` keys, the least recently used going first. For results that may lag the data a little (a
 * title word's count), never for what a decision reads.
 */
import type { Db } from "../client";

type Entry = { value: unknown; at: number };
const spaces = new WeakMap<Db, Map<string, Map<string, Entry>>>();

export function remembered<V>(db: Db, space: { name: string; maxAgeMs: number; max: number }, key: string, compute: () => V): V {
  let ofDb = spaces.get(db);
  if (!ofDb) spaces.set(db, (ofDb = new Map()));
  let entries = ofDb.get(space.name);
  if (!entries) ofDb.set(space.name, (entries = new Map()));
  const now = Date.now();
  const entry = entries.get(key);
  entries.delete(key);
  if (entry && now - entry.at < space.maxAgeMs) {
    entries.set(key, entry);
    return entry.value as V;
  }
  const value = compute();
  entries.set(key, { value, at: now });
  if (entries.size > space.max) entries.delete(entries.keys().next().value!);
  return value;
}
