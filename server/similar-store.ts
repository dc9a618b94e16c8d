/**
 * Ranks the proposals' 相似提案 once and stores the rankings for every instance (docs/decisions/020). The proposals'
 * triggers queue a proposal as it is registered or imported or its title or opening changes, and a stored ranking
 * queues the proposals it finds whose own ranking it may now enter; an instance queues, as it starts, every proposal
 * without a ranking of its current basis. Each instance then takes a few at a time off the queue. A request never
 * writes: the page reads the stored ranking, or ranks live while none fits.
 */
import type { Db } from "@/db/client";
import { queueUnranked, rankQueued } from "@/db/queries/similar-rankings";
import { type QueueWorker, startQueueWorker } from "./queue-worker";

/**
 * Proposals taken off the queue at a time (about 15 ms of ranking each at 100,000 proposals): another instance takes
 * the next ones meanwhile, and visitors' requests run between batches.
 */
const BATCH = 4;

export function startSimilarStore(db: () => Db): QueueWorker {
  return startQueueWorker("similar ranking store", {
    prepare: () => queueUnranked(db()),
    step: () => rankQueued(db(), BATCH),
  });
}
