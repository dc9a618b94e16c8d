/**
 * Ranks every proposal of a SQLite file whose similar ranking is missing or stale and stores the rankings
 * (docs/decisions/020), in this process on the file itself: what the instances do in the background, faster than
 * through servers. Run by stored-rankings.ts as `tsx scripts/bench/rank-similar.ts FILE` with DATABASE_URL empty (the
 * tables and the search SQL follow the engine this process runs on). Prints its progress; the last line is JSON
 * `{ "ranked": n, "seconds": s }`.
 */
import Database from "better-sqlite3";
import { closeDatabase, openDatabase } from "@/db/client";
import { queueUnranked, rankQueued } from "@/db/queries/similar-rankings";

/** Proposals taken off the queue at a time: nothing else shares it here. */
const BATCH = 32;
/** How often progress is told. */
const TELL_MS = 30_000;

const file = process.argv[2];
if (!file) throw new Error("usage: tsx scripts/bench/rank-similar.ts FILE");
const db = openDatabase(file);
const started = performance.now();
let ranked = 0;
try {
  const queued = await queueUnranked(db);
  if (queued > 0) console.log(`存储相似提案排序：${queued} 件提案待排序…`);
  let told = started;
  for (let taken = await rankQueued(db, BATCH); taken > 0; taken = await rankQueued(db, BATCH)) {
    ranked += taken;
    if (performance.now() - told > TELL_MS) {
      told = performance.now();
      const seconds = (told - started) / 1000;
      console.log(`存储相似提案排序：已排 ${ranked} 件（${seconds.toFixed(0)} 秒，每秒 ${(ranked / seconds).toFixed(1)} 件）`);
    }
  }
} finally {
  await closeDatabase(db);
}
// The writes into the WAL, checkpointed into the file that a run copies.
const raw = new Database(file);
raw.pragma("wal_checkpoint(TRUNCATE)");
raw.close();
console.log(JSON.stringify({ ranked, seconds: (performance.now() - started) / 1000 }));
