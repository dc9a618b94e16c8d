/**
 * The similar list on the demo database: the subjects raised again (db/demo/proposals.ts) find the
 * earlier proposal and are found by it; the unrelated demo proposals, which share only template words
 * (科学城, 设施建设…) and scored up to 21 % before, show nothing.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { databaseEngine } from "@/db/engine";
import { similarProposals } from "@/db/queries/similar";
import { proposals } from "@/db/schema";
import { demoDatabase } from "./demo-db";

const RELATED = [
  ["关于进一步推进老旧小区加装电梯工作的建议", "关于加快老旧小区加装电梯的建议"],
  ["关于多措并举缓解学校周边停车难问题的建议", "关于缓解学校医院周边停车难的建议"],
] as const;

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(() => t.cleanup());

describe("similar proposals on the demo data", () => {
  it("shows the known related proposals, both ways, and no noise", async () => {
    const partners = new Map<string, string>(
      RELATED.flatMap(
        ([a, b]) =>
          [
            [a, b],
            [b, a],
          ] as [string, string][],
      ),
    );
    const all = await t.db.select({ id: proposals.id, title: proposals.title }).from(proposals).all();
    expect(all.length).toBeGreaterThan(40);
    for (const p of all) {
      const partner = partners.get(p.title);
      expect(
        (await similarProposals(t.db, p.id)).map((s) => s.title),
        p.title,
      ).toEqual(partner ? [partner] : []);
    }
  });

  it("finds 180 for a new proposal on the same subject, and not 职业教育 (19 %)", async () => {
    const registered = await t.register(901, {
      title: "关于引进高校人才赋能科学城产业发展的建议",
      body: "建议加快高校人才与科学城产业的对接。",
    });
    if (!registered.ok) throw new Error(registered.reason);
    expect((await similarProposals(t.db, registered.data.id)).map((s) => s.number)).toEqual([180]);
  });

  it.runIf(databaseEngine() === "postgresql")(
    "on PostgreSQL, once analyzed, orders a title's words by the statistics instead of counting each through the index, and finds the same",
    async () => {
      const id = (await t.db.select({ id: proposals.id }).from(proposals).where(eq(proposals.title, RELATED[0][0])).get())!.id;
      // A database of its own for each call: the words' uses are remembered per database (db/queries/remembered.ts).
      const similarWithCounts = async () => {
        const counts: string[] = [];
        const db = new Proxy(t.db, {
          get(target, prop) {
            if (prop !== "all") return Reflect.get(target, prop);
            return (query: SQL) => {
              const text = new PgDialect().sqlToQuery(query.getSQL()).sql;
              if (/count\(\*\)/.test(text)) counts.push(text);
              return target.all(query);
            };
          },
        }) as Db;
        return { similar: (await similarProposals(db, id)).map((s) => s.number), counts: counts.length };
      };
      const unanalyzed = await similarWithCounts();
      await t.db.run(sql`analyze proposal_titles`);
      const analyzed = await similarWithCounts();
      expect(unanalyzed.counts).toBeGreaterThan(10);
      expect(analyzed.counts).toBeLessThanOrEqual(unanalyzed.counts / 2);
      expect(analyzed.similar).toEqual(unanalyzed.similar);
      expect(analyzed.similar.length).toBeGreaterThan(0);
    },
  );
});
