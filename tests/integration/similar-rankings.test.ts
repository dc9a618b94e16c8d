/**
 * The stored similar rankings (docs/decisions/020) on the demo database: registration queues a proposal, the queue
 * drained stores what the page would rank live, a later similar proposal reaches the older one's ranking, an edit
 * makes a ranking stale, the page reads a stored ranking without searching, and a deleted proposal leaves the lists.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { openingOf, rankingBasis, rankSimilar, SIMILAR_LIMIT, SIMILAR_THRESHOLD } from "@/db/queries/similar-ranking";
import { queueUnranked, rankQueued } from "@/db/queries/similar-rankings";
import { similarProposals } from "@/db/queries/similar";
import { proposals, similarRankingQueue, similarRankings } from "@/db/schema";
import { DEMO_TODAY, demoDatabase, ok } from "./demo-db";

const ELEVATORS = ["关于进一步推进老旧小区加装电梯工作的建议", "关于加快老旧小区加装电梯的建议"] as const;

let t: Awaited<ReturnType<typeof demoDatabase>>;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(() => t.cleanup());

const queued = async () =>
  (await t.db.select({ id: similarRankingQueue.proposalId }).from(similarRankingQueue).all()).map((r) => r.id).sort((a, b) => a - b);
const idOf = async (title: string) => (await t.db.select({ id: proposals.id }).from(proposals).where(eq(proposals.title, title)).get())!.id;
const listed = async (db: Db, id: number) => (await similarProposals(db, id)).map((s) => s.id);
const drain = async () => {
  while ((await rankQueued(t.db, 3)) > 0) {}
};

/** The page's similar list on a connection that counts the raw statements it runs (the word counts and the candidate search). */
async function withSearches(id: number): Promise<{ ids: number[]; searches: number }> {
  let searches = 0;
  const db = new Proxy(t.db, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== "all") return value;
      return (...args: unknown[]) => {
        searches++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Db;
  return { ids: await listed(db, id), searches };
}

describe("stored similar rankings", () => {
  it("queues every proposal as it is registered, and the drained queue stores what the page ranks live", async () => {
    const all = (await t.db.select({ id: proposals.id }).from(proposals).all()).map((p) => p.id).sort((a, b) => a - b);
    expect(all.length).toBeGreaterThan(40);
    expect(await queued()).toEqual(all);
    const live = new Map<number, unknown>();
    for (const id of all) live.set(id, await similarProposals(t.db, id));

    await drain();
    expect(await queued()).toEqual([]);
    const stored = await t.db.select().from(similarRankings).all();
    expect(stored.map((s) => s.proposalId).sort((a, b) => a - b)).toEqual(all);
    for (const row of stored) {
      const self = (await openingOf(t.db, row.proposalId))!;
      expect(row.basis).toBe(rankingBasis(self));
      const ranked = await rankSimilar(t.db, row.proposalId, self, { limit: SIMILAR_LIMIT, threshold: SIMILAR_THRESHOLD });
      expect(JSON.parse(row.ranking), String(row.proposalId)).toEqual(ranked.ranking);
      expect(await similarProposals(t.db, row.proposalId)).toEqual(live.get(row.proposalId));
    }
    const [a, b] = [await idOf(ELEVATORS[0]), await idOf(ELEVATORS[1])];
    expect(await listed(t.db, a)).toEqual([b]);
  });

  it("reads a stored ranking without searching, and searches for one whose proposal changed", async () => {
    const a = await idOf(ELEVATORS[0]);
    const stored = await withSearches(a);
    expect(stored.searches).toBe(0);
    expect(stored.ids).toEqual([await idOf(ELEVATORS[1])]);
    // Counted the same way, the live ranking searches (so the count above can fail).
    const other = await withSearches(a);
    await t.db.update(similarRankings).set({ basis: "other" }).where(eq(similarRankings.proposalId, a)).run();
    const live = await withSearches(a);
    expect(live.searches).toBeGreaterThan(0);
    expect(live.ids).toEqual(other.ids);
    // An instance starting queues it again, and the one whose ranking is gone; nothing else.
    const c = await idOf(ELEVATORS[1]);
    await t.db.delete(similarRankings).where(eq(similarRankings.proposalId, c)).run();
    expect(await queueUnranked(t.db)).toBe(2);
    expect(await queued()).toEqual([a, c].sort((x, y) => x - y));
    await drain();
    expect((await withSearches(a)).searches).toBe(0);
  });

  it("a similar proposal registered later queues the older ones, which list it once ranked again", async () => {
    const [a, b] = [await idOf(ELEVATORS[0]), await idOf(ELEVATORS[1])];
    const { id: x } = ok(await t.register(902, { title: "关于推进老旧小区加装电梯的建议", body: "建议简化老旧小区加装电梯的审批。" }));
    expect(await queued()).toEqual([x]);
    // Until X is ranked, A's stored ranking (of its unchanged title) is still what the page shows.
    expect(await listed(t.db, a)).toEqual([b]);
    expect(await rankQueued(t.db, 1)).toBe(1);
    expect(await listed(t.db, x)).toEqual(expect.arrayContaining([a, b]));
    expect(await queued()).toEqual([a, b].sort((m, n) => m - n));
    await drain();
    expect(await listed(t.db, a)).toContain(x);
    expect(await listed(t.db, b)).toContain(x);
    // Ranked again, they saw X: nothing more is queued.
    expect(await queued()).toEqual([]);
  });

  it("queues a proposal that misses X only if its ranking is older than X's last change", async () => {
    const [a, b] = [await idOf(ELEVATORS[0]), await idOf(ELEVATORS[1])];
    const x = await idOf("关于推进老旧小区加装电梯的建议");
    const xChanged = (await t.db.select({ at: proposals.updatedAt }).from(proposals).where(eq(proposals.id, x)).get())!.at;
    // A's ranking lacks X as if A's candidates had not found it, computed after X was registered: ranking A again would
    // not find X either, so ranking X does not queue A. B's, lacking X too but computed before X, is queued.
    await t.db
      .update(similarRankings)
      .set({ ranking: "[]", rankedAt: new Date(xChanged.getTime() + 1) })
      .where(eq(similarRankings.proposalId, a))
      .run();
    await t.db
      .update(similarRankings)
      .set({ ranking: "[]", rankedAt: new Date(xChanged.getTime() - 1) })
      .where(eq(similarRankings.proposalId, b))
      .run();
    await t.db.insert(similarRankingQueue).values({ proposalId: x }).run();
    expect(await rankQueued(t.db, 1)).toBe(1);
    expect(await queued()).toEqual([b]);
    await drain();
    expect(await listed(t.db, b)).toContain(x);
    await t.db.insert(similarRankingQueue).values({ proposalId: a }).run();
    await drain();
    expect(await listed(t.db, a)).toContain(x);
  });

  it("an edited title makes the stored ranking stale: the page ranks live and the proposal is queued", async () => {
    const x = await idOf("关于推进老旧小区加装电梯的建议");
    expect(await listed(t.db, x)).not.toEqual([]);
    await t.db.update(proposals).set({ title: "关于规范夜间施工噪声管理的建议", updatedAt: new Date() }).where(eq(proposals.id, x)).run();
    expect(await queued()).toEqual([x]);
    const edited = await withSearches(x);
    expect(edited.searches).toBeGreaterThan(0);
    expect(edited.ids).toEqual([]);
    // A change of other columns queues nothing.
    await t.db.update(proposals).set({ isUrgent: true }).where(eq(proposals.id, x)).run();
    expect(await queued()).toEqual([x]);
    await drain();
    expect(JSON.parse((await t.db.select().from(similarRankings).where(eq(similarRankings.proposalId, x)).get())!.ranking)).toEqual([]);
    expect((await withSearches(x)).searches).toBe(0);
  });

  it("a proposal ranked while it changed is not stored", async () => {
    const a = await idOf(ELEVATORS[0]);
    await t.db.insert(similarRankingQueue).values({ proposalId: a }).run();
    const before = (await t.db.select().from(similarRankings).where(eq(similarRankings.proposalId, a)).get())!;
    // Edited between the claim and the store: the ranking computed from the old title is refused, and it is queued again.
    const sneaky = new Proxy(t.db, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== "transaction") return value;
        return async (run: (tx: Db) => Promise<unknown>) => {
          if ((await queued()).length === 0)
            await t.db.update(proposals).set({ title: "关于老旧小区加装电梯后续维护的建议" }).where(eq(proposals.id, a)).run();
          return (value as (r: typeof run) => Promise<unknown>).call(target, run);
        };
      },
    }) as Db;
    expect(await rankQueued(sneaky, 1)).toBe(1);
    expect((await t.db.select().from(similarRankings).where(eq(similarRankings.proposalId, a)).get())!.basis).toBe(before.basis);
    expect(await queued()).toEqual([a]);
    await drain();
    const self = (await openingOf(t.db, a))!;
    expect((await t.db.select().from(similarRankings).where(eq(similarRankings.proposalId, a)).get())!.basis).toBe(rankingBasis(self));
  });

  it("a deleted proposal leaves the lists that held it, and its own ranking goes with it", async () => {
    const b = await idOf(ELEVATORS[1]);
    // Registered proposals are never deleted (their events are kept); one inserted without any can be.
    const { id: y } = (await t.db
      .insert(proposals)
      .values({
        sessionId: await t.session("第二次会议"),
        number: 903,
        title: "关于老旧小区加装电梯的建议",
        body: "加装电梯。",
        receivedOn: DEMO_TODAY,
      })
      .returning({ id: proposals.id })
      .get())!;
    expect(await queued()).toEqual([y]);
    await drain();
    expect(await listed(t.db, b)).toContain(y);
    await t.db.delete(proposals).where(eq(proposals.id, y)).run();
    expect(await listed(t.db, b)).not.toContain(y);
    expect((await withSearches(b)).searches).toBe(0);
    expect(
      await t.db
        .select()
        .from(similarRankings)
        .where(inArray(similarRankings.proposalId, [y]))
        .all(),
    ).toEqual([]);
  });
});
