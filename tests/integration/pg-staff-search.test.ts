/**
 * The staff list's search on PostgreSQL (db/queries/proposal-selection.ts, db/postgres.ts), as measured on the bench's
 * 100,000 proposals: its sets of ids are one array computed once, never a semi-join that the list's LIMIT turns into a
 * nested loop comparing each proposal with the whole set (养老: 310 ms for the page, 17 ms from the array); and the
 * app's connections run without JIT, which compiled such queries for 100–190 ms. PostgreSQL only (vitest.config.ts).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectionCondition } from "@/db/queries/proposal-selection";
import { DEMO_TODAY, demoDatabase } from "./demo-db";

describe("the staff list's search on PostgreSQL", () => {
  let t: Awaited<ReturnType<typeof demoDatabase>>;
  beforeAll(async () => {
    t = await demoDatabase();
  });
  afterAll(() => t?.cleanup());

  it("runs on connections without JIT", async () => {
    expect(await t.db.get(sql`show jit`)).toEqual({ jit: "off" });
  });

  it("reads a search with a unit's and 超期's sets as one array, computed once, with no semi-join", async () => {
    const unit = await t.unit("重庆高新区科技创新局");
    const where = await selectionCondition(t.db, { q: "人才 科技", unitId: unit, overdue: 1 }, DEMO_TODAY);
    const [{ "QUERY PLAN": plans }] = (await t.db.all(
      sql`explain (format json) select proposals.id from proposals join sessions on sessions.id = proposals.session_id
        where ${where} order by sessions.year desc, sessions.id desc, proposals.number limit 20`,
    )) as [{ "QUERY PLAN": { Plan: PlanNode }[] }];
    const nodes = flatten(plans[0]!.Plan);
    // Every set of ids is in the one subplan that runs once (an InitPlan), none joined to the proposals row by row.
    expect(nodes.filter((n) => n["Parent Relationship"] === "InitPlan")).toHaveLength(1);
    expect(nodes.filter((n) => n["Parent Relationship"] === "SubPlan")).toEqual([]);
    expect(nodes.filter((n) => n["Join Type"] === "Semi" || n["Join Type"] === "Anti")).toEqual([]);
  });
});

type PlanNode = { "Node Type": string; "Parent Relationship"?: string; "Join Type"?: string; Plans?: PlanNode[] };

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}
