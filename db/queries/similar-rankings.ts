/**
 * The stored 相似提案 rankings (db/schema/similar-rankings.ts, docs/decisions/020): the queue the proposals' triggers
 * fill, taken off by the instances (server/similar-store.ts) and by the bench's preparation, each proposal ranked with
 * the page's own computation (similar-ranking.ts) and stored only if still valid.
 */
import { eq, gt, inArray, sql } from "drizzle-orm";
import { BODY_OPENING } from "@/lib/similarity";
import type { Db } from "../client";
import { now } from "../clock";
import { proposals, similarRankingQueue, similarRankings } from "../schema";
import { byRank, openingOf, type Ranked, rankingBasis, rankSimilar, SIMILAR_LIMIT, SIMILAR_THRESHOLD } from "./similar-ranking";
import { isQueued, takeFromQueue } from "./work-queue";

/** Stored rankings whose basis is checked at a time as an instance starts. */
const CHECKED = 1000;

/**
 * Queues every proposal without a stored ranking, or whose stored ranking was computed from another title or opening
 * (an edit whose instance died before ranking it) or with another limit or threshold (a new build): an instance
 * starts so. Returns how many were queued.
 */
export async function queueUnranked(db: Db): Promise<number> {
  const unranked = await db
    .insert(similarRankingQueue)
    .select(
      db
        .select({ proposalId: proposals.id })
        .from(proposals)
        .where(sql`not exists (select 1 from ${similarRankings} r where r.proposal_id = ${proposals.id})`),
    )
    .onConflictDoNothing()
    .returning({ id: similarRankingQueue.proposalId });
  let queued = unranked.length;
  // The basis is a digest the database cannot compute: checked here, a batch at a time.
  for (let after = 0; ; ) {
    const rows = await db
      .select({
        id: similarRankings.proposalId,
        basis: similarRankings.basis,
        title: proposals.title,
        body: sql<string>`substr(${proposals.body}, 1, ${BODY_OPENING})`,
      })
      .from(similarRankings)
      .innerJoin(proposals, eq(proposals.id, similarRankings.proposalId))
      .where(gt(similarRankings.proposalId, after))
      .orderBy(similarRankings.proposalId)
      .limit(CHECKED)
      .all();
    if (rows.length === 0) return queued;
    after = rows.at(-1)!.id;
    const stale = rows.filter((r) => r.basis !== rankingBasis(r)).map((r) => ({ proposalId: r.id }));
    if (stale.length > 0) {
      queued += (await db.insert(similarRankingQueue).values(stale).onConflictDoNothing().returning({ id: similarRankingQueue.proposalId }))
        .length;
    }
  }
}

const RANKING_QUEUE = { table: similarRankingQueue, id: similarRankingQueue.proposalId };

/**
 * Takes up to `limit` proposals off the queue, newest first, each ranked by one instance. One that dies before
 * storing leaves its proposals unranked until an instance starts; the page ranks them live meanwhile.
 */
export const takeQueued = (db: Db, limit: number) => takeFromQueue(db, RANKING_QUEUE, limit);

/**
 * Whether proposal `x`, at `score` with the proposal whose stored ranking this is, belongs in it where it is not (or
 * is, at another score: x was edited).
 */
function mayEnter(stored: Ranked[], x: number, score: number): boolean {
  const held = stored.find((r) => r.id === x);
  if (held) return held.score !== score;
  return stored.length < SIMILAR_LIMIT || byRank({ id: x, score }, stored.at(-1)!) < 0;
}

/**
 * Stores proposal X's ranking, computed from `basis` from `rankedAt` on, unless X changed since it was taken off the
 * queue (queued again, another title or opening, deleted): write transactions follow one another on both engines, so
 * an edit commits wholly before or after this check and store.
 *
 * Similarity is symmetric (lib/similarity.ts), so every proposal Y this computation found at the threshold or more
 * may rank X too: Y is queued when X would enter Y's stored ranking (or it holds X at another score) and that ranking
 * was computed from before X's last change (proposals.updated_at), so may not have seen X. A ranking computed since
 * did see X and missed it because Y's candidates (its title's rarest words) do not include X: ranking Y again would
 * not change that, and queueing it would pass such misses on from proposal to proposal. A Y without a ranking is
 * queued or being ranked, and sees X unless it read its candidates before X was registered and stores after this.
 * What stays approximate (docs/decisions/020): such a Y lacks X though X lists Y; a Y that listed X before an edit
 * made them unalike keeps X until Y is ranked again; instances' clocks are assumed to agree within a ranking's time.
 * Returns whether it was stored.
 */
async function storeRanking(db: Db, proposalId: number, ranked: { basis: string; rankedAt: Date; ranking: Ranked[]; alike: Ranked[] }) {
  return db.transaction(async (tx) => {
    if (await isQueued(tx, RANKING_QUEUE, proposalId)) return false;
    const current = await tx
      .select({ title: proposals.title, body: sql<string>`substr(${proposals.body}, 1, ${BODY_OPENING})`, updatedAt: proposals.updatedAt })
      .from(proposals)
      .where(eq(proposals.id, proposalId))
      .get();
    if (!current || rankingBasis(current) !== ranked.basis) return false;
    const values = { proposalId, basis: ranked.basis, ranking: JSON.stringify(ranked.ranking), rankedAt: ranked.rankedAt };
    await tx.insert(similarRankings).values(values).onConflictDoUpdate({ target: similarRankings.proposalId, set: values }).run();
    if (ranked.alike.length === 0) return true;
    const others = await tx
      .select({ id: similarRankings.proposalId, ranking: similarRankings.ranking, rankedAt: similarRankings.rankedAt })
      .from(similarRankings)
      .where(
        inArray(
          similarRankings.proposalId,
          ranked.alike.map((y) => y.id),
        ),
      )
      .all();
    const storedOf = new Map(others.map((o) => [o.id, o]));
    const toQueue = ranked.alike
      .filter((y) => {
        const stored = storedOf.get(y.id);
        return (
          stored !== undefined &&
          stored.rankedAt <= current.updatedAt &&
          mayEnter(JSON.parse(stored.ranking) as Ranked[], proposalId, y.score)
        );
      })
      .map((y) => ({ proposalId: y.id }));
    if (toQueue.length > 0) await tx.insert(similarRankingQueue).values(toQueue).onConflictDoNothing().run();
    return true;
  });
}

/**
 * Takes up to `limit` proposals off the queue, ranks each and stores its ranking (storeRanking). Returns how many
 * were taken (0: the queue is empty).
 */
export async function rankQueued(db: Db, limit: number): Promise<number> {
  const ids = await takeQueued(db, limit);
  for (const proposalId of ids) {
    // From before anything is read: a proposal registered meanwhile finds this ranking older than itself.
    const rankedAt = now();
    const self = await openingOf(db, proposalId);
    if (!self) continue;
    const computed = await rankSimilar(db, proposalId, self, { limit: SIMILAR_LIMIT, threshold: SIMILAR_THRESHOLD, alike: true });
    await storeRanking(db, proposalId, { basis: rankingBasis(self), rankedAt, ...computed });
  }
  return ids.length;
}
