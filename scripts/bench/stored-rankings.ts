/**
 * Every proposal's similar ranking (docs/decisions/020), stored in the bench's kept SQLite database before a run, as a
 * deployment that has been running has them. Rankings do not depend on the build: they are computed once per kept
 * file (rank-similar.ts, in a process of its own on the SQLite engine) and the PostgreSQL copy made from it carries
 * them. About 15 ms a proposal: some 25 minutes for a new kept file of 100,000 proposals, nothing after.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

/** Ranks what the SQLite file `database` lacks, telling `say` the progress. Returns the seconds it took, or null when nothing was missing. */
export async function ensureStoredRankings(database: string, say: (message: string) => void): Promise<number | null> {
  const child = spawn("npx", ["tsx", path.join("scripts", "bench", "rank-similar.ts"), database], {
    env: { ...process.env, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let last = "";
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    if (last) say(last);
    last = line;
  });
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`scripts/bench/rank-similar.ts failed (exit ${code})`);
  const { ranked, seconds } = JSON.parse(last) as { ranked: number; seconds: number };
  return ranked > 0 ? seconds : null;
}
