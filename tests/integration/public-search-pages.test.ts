/**
 * The public search's pages and totals on the engine of the run (SQLite: the matches walked in a publications index;
 * PostgreSQL: the matches found once for the page and the count, db/queries/public.ts pgSearchPage), against the
 * published replies the search tables match, newest first: without filters and with each filter, every page.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type PublicFilters, PUBLIC_PAGE_SIZE, searchPublished } from "@/db/queries/public";
import { publicSearchIds, searchReader } from "@/db/search/text-match";
import { GENRE_LABELS } from "@/lib/domain";
import { searchPlan, searchTerms } from "@/lib/public-search";
import { demoDatabase } from "./demo-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(() => t?.cleanup());

type Published = { id: number; index_year: number; publisher_unit_id: number; topic: string; genre: string };

async function expected(words: string, filters: PublicFilters): Promise<number[]> {
  const matches = await publicSearchIds(searchReader(t.db), searchPlan(searchTerms(words))!);
  if (matches === null) return [];
  const rows = await t.db.all<Published>(
    sql`select id, index_year, publisher_unit_id, topic, genre from publications where status = 'published' and id in (${matches})
      order by published_on desc, id desc`,
  );
  return rows
    .filter(
      (r) =>
        (filters.year === undefined || Number(r.index_year) === filters.year) &&
        (filters.unitId === undefined || Number(r.publisher_unit_id) === filters.unitId) &&
        (filters.topic === undefined || r.topic === filters.topic) &&
        (filters.kind === undefined || r.genre === GENRE_LABELS[filters.kind]),
    )
    .map((r) => Number(r.id));
}

it("pages every match once, newest first, and counts them all, with and without filters", async () => {
  const [some] = await t.db.all<Published>(
    sql`select id, index_year, publisher_unit_id, topic, genre from publications where status = 'published' limit 1`,
  );
  const filters: PublicFilters[] = [
    {},
    { year: Number(some!.index_year) },
    { unitId: Number(some!.publisher_unit_id) },
    { topic: some!.topic },
    { kind: "proposal" },
    { kind: "suggestion", year: Number(some!.index_year) },
  ];
  let paged = 0;
  for (const words of ["的", "建议", "科学城", "不存在的词"]) {
    for (const filter of filters) {
      const ids = await expected(words, filter);
      const pages = Math.max(1, Math.ceil(ids.length / PUBLIC_PAGE_SIZE));
      const listed: number[] = [];
      for (let page = 1; page <= pages; page++) {
        const result = await searchPublished(t.db, searchPlan(searchTerms(words))!, filter, page);
        expect(result.total, `${words} ${JSON.stringify(filter)}`).toBe(ids.length);
        listed.push(...result.items.map((item) => item.id));
      }
      expect(listed, `${words} ${JSON.stringify(filter)}`).toEqual(ids);
      if (pages > 1) paged++;
    }
  }
  // Or the pages prove little.
  expect(paged).toBeGreaterThan(1);
});
