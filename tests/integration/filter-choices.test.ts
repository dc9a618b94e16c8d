/**
 * The list filters' choices (db/queries/org.ts filterChoices) in one statement are the sessions, units and categories
 * as their own lists give them, in the same order. Both engines.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { filterChoices, listCategories, listUnits } from "@/db/queries/org";
import { listSessions } from "@/db/queries/proposals";
import { sessionTitle } from "@/lib/format";
import { demoDatabase } from "./demo-db";

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(() => t?.cleanup());

it("offers every session, unit and category, in their lists' order", async () => {
  const choices = await filterChoices(t.db);
  expect(choices).toEqual({
    sessions: (await listSessions(t.db)).map((s) => [s.id, sessionTitle(s)]),
    units: (await listUnits(t.db)).map((u) => [u.id, u.shortName]),
    categories: (await listCategories(t.db)).map((c) => [c.id, c.name]),
  });
  expect(choices.sessions.length).toBeGreaterThan(1);
  expect(choices.units.length).toBeGreaterThan(5);
  expect(choices.categories.length).toBeGreaterThan(3);
});
