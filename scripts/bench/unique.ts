/**
 * The requests of the scenarios that never repeat (issue #22): each one drawn anew, with a seeded generator,
 * from what the bench database holds — any published page, any page of the public list, a search word not
 * searched before in the run, any proposal, the statistics with other filters, 待办 of the next handler.
 * One generator per run: the warm-up and both measured phases go on with the same sequence.
 */
import type Database from "better-sqlite3";
import { PUBLIC_PAGE_SIZE } from "@/db/queries/public";
import { SESSION_KINDS } from "@/lib/domain";

/** mulberry32: a seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const picker =
  (random: () => number) =>
  <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)]!;

/** `draw` again as long as it gives what it gave the last time: never the same value twice in a row. */
export function noRepeat<T>(draw: () => T): () => T {
  let last: T | undefined;
  return () => {
    let next = draw();
    while (next === last) next = draw();
    last = next;
    return next;
  };
}

export type UniquePools = {
  /** Ids of the published publications (/open/{id}). */
  published: number[];
  /** Pages of the public list at its page size. */
  listPages: number;
  /** Every run of 2–4 Chinese characters in the published proposals' titles, once each. */
  titleWords: string[];
  proposals: number[];
  /** Usernames of (up to) 200 handlers, each of another unit where there are enough. */
  handlers: string[];
  /** Statistics filters: sessions and units. */
  sessions: number[];
  units: number[];
};

/** What the scenarios draw from, read once from the bench database (the same rows on both engines). */
export function uniquePools(db: Database.Database): UniquePools {
  const column = <T>(sql: string) => db.prepare(sql).pluck().all() as T[];
  const published = column<number>("select id from publications where status = 'published' order by id");
  const words = new Set<string>();
  const titles = column<string>(
    `select p.title from publications pub join replies r on r.id = pub.reply_id join proposals p on p.id = r.proposal_id
     where pub.status = 'published'`,
  );
  for (const title of titles)
    for (const run of title.match(/\p{Script=Han}+/gu) ?? [])
      for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= run.length; i++) words.add(run.slice(i, i + n));
  return {
    published,
    listPages: Math.ceil(published.length / PUBLIC_PAGE_SIZE),
    titleWords: [...words].sort(),
    proposals: column<number>("select id from proposals order by id"),
    handlers: column<string>(
      `select username from users u where role = 'handler'
       order by (select count(*) from users v where v.role = 'handler' and v.unit_id = u.unit_id and v.id < u.id), id limit 200`,
    ),
    sessions: column<number>("select id from sessions order by id"),
    units: column<number>("select id from units order by id"),
  };
}

/** The paths (and handlers) the scenarios ask for, each generator never giving the same twice in a row. */
export function uniqueRequests(pools: UniquePools, seed = 0x5eed_0022) {
  const random = seededRandom(seed);
  const pick = picker(random);
  const chance = (p: number) => random() < p;
  // Shuffled once: the search words in the order they are asked for, none twice until all have been.
  const words = [...pools.titleWords];
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  let searched = 0;
  let handler = 0;
  return {
    detail: noRepeat(() => `/open/${pick(pools.published)}`),
    list: noRepeat(() => `/open?page=${1 + Math.floor(random() * pools.listPages)}`),
    search: () => `/open/search?q=${encodeURIComponent(words[searched++ % words.length]!)}`,
    /** How many searches were asked for, and how many distinct words there are (beyond that they repeat). */
    searches: () => ({ asked: searched, words: words.length }),
    /** Round-robin: the same handler again only after all the others. */
    handler: () => pools.handlers[handler++ % pools.handlers.length]!,
    proposal: noRepeat(() => `/proposals/${pick(pools.proposals)}`),
    statistics: noRepeat(() => {
      const query = new URLSearchParams();
      if (chance(0.5)) query.set("session", String(pick(pools.sessions)));
      else if (chance(0.4)) query.set("kind", pick(SESSION_KINDS));
      if (chance(0.5)) query.set("unit", String(pick(pools.units)));
      return `/stats${query.size > 0 ? `?${query}` : ""}`;
    }),
  };
}
