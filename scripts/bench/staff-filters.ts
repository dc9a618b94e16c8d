/**
 * The staff-filters scenario's requests: 全部提案 as the coordinator, each time with other filters drawn at
 * random (deterministic seed) from what the database holds — a session or a kind, a state, a lead or
 * co-handling unit, a category, 重点, 超期 by days, a month of 收到日期, search words (topics, members' names,
 * units, numbers), a later page — never the same query twice in a row, so that neither the signed-in page
 * cache nor SQLite's statement results answer from the last request.
 */
import type Database from "better-sqlite3";
import { PROPOSAL_STATES } from "@/lib/domain";
import { proposalQueryString, type ProposalFilter } from "@/lib/proposal-filter";
import { noRepeat, picker, seededRandom } from "./unique";

export type FilterPools = {
  sessions: number[];
  units: number[];
  categories: number[];
  years: number[];
  /** Search words: topic words, members' and units' names, numbers. */
  words: string[];
};

/** Words of the generated texts (the demo's topics), short and long. */
const TOPIC_WORDS = [
  "养老",
  "停车",
  "人才",
  "垃圾分类",
  "融资",
  "知识产权",
  "电梯",
  "公交",
  "营商环境",
  "医疗",
  "教育",
  "社区",
  "生态",
  "科技型中小企业",
  "充电桩",
];

/** What the filters can be drawn from, read from the bench database. */
export function filterPools(db: Database.Database): FilterPools {
  const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
  const names = db.prepare("select display_name from users where role = 'member' order by id limit 40").pluck().all() as string[];
  const units = db.prepare("select short_name from units order by id limit 20").pluck().all() as string[];
  return {
    sessions: ids("select id from sessions order by id"),
    units: ids("select distinct unit_id from assignments order by unit_id"),
    categories: ids("select id from categories order by id"),
    years: ids("select distinct year from sessions order by year"),
    words: [...TOPIC_WORDS, ...names, ...units.map((u) => u.replace(/^.*?区/, "")), "180", "1024", "37"],
  };
}

/** A seeded generator of `proposals?…` paths, none equal to the one before. */
export function randomFilterPaths(pools: FilterPools, seed = 0x5eed_0019): () => string {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const pick = picker(random);
  const draw = (): { filter: ProposalFilter; page: number } => {
    const filter: ProposalFilter = {};
    if (chance(0.35)) filter.session = pick(pools.sessions);
    else if (chance(0.25)) filter.kind = pick(["proposal", "suggestion"] as const);
    if (chance(0.3)) filter.status = pick(PROPOSAL_STATES);
    if (chance(0.15)) filter.lead = pick(pools.units);
    if (chance(0.1)) filter.co = pick(pools.units);
    if (chance(0.2)) filter.category = pick(pools.categories);
    if (chance(0.1)) filter.key = true;
    if (chance(0.12)) filter.overdue = pick([1, 7, 30, 90]);
    if (chance(0.12)) {
      const month = `${pick(pools.years)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}`;
      filter.from = `${month}-01`;
      filter.to = `${month}-28`;
    }
    if (chance(0.35)) filter.q = chance(0.2) ? `${pick(pools.words)} ${pick(pools.words)}` : pick(pools.words);
    return { filter, page: chance(0.2) ? 2 + Math.floor(random() * 4) : 1 };
  };
  return noRepeat(() => {
    const { filter, page } = draw();
    const query = proposalQueryString(filter, page);
    return `/proposals${query ? `?${query}` : ""}`;
  });
}
