/**
 * Stopping the server while the demo starts stops it. The demo's start prints and signs its letters in Chromium
 * first (scripts/lib/demo-signatures.ts); the browser's launcher took SIGTERM and SIGINT for itself, closed
 * Chromium and let the start go on, so `kill`, `docker stop` or a test's cleanup in that minute left a server
 * running that nobody would stop (one held an end-to-end test's port into the next run).
 */
import { execFileSync, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { E2E } from "./env";

const port = E2E.port + 64;

/** The command names of a process's children. */
function children(pid: number): string[] {
  try {
    return execFileSync("ps", ["-o", "comm=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** Whether any process of the group is left. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} while the demo's letters are printed stops the start: nothing listens, no process is left`, async () => {
    test.setTimeout(240_000);
    const server = spawn(
      process.execPath,
      [`${E2E.distDir}/serve.mjs`, "--demo", "--fresh", "--db", `data/e2e-demo-start-${port}.db`, "--port", String(port)],
      {
        env: { ...process.env, AUTH_SECRET: "e2e-demo-start-secret-0123456789abcdef", NODE_ENV: "production" },
        stdio: "ignore",
        detached: true,
      },
    );
    const pid = server.pid!;
    try {
      await expect.poll(() => children(pid).some((name) => name.startsWith("chrom")), { timeout: 180_000, intervals: [200] }).toBe(true);
      process.kill(pid, signal);
      await expect.poll(() => groupAlive(pid), { timeout: 30_000 }).toBe(false);
      const answered = await fetch(`http://127.0.0.1:${port}/login`).then(
        () => true,
        () => false,
      );
      expect(answered).toBe(false);
    } finally {
      if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
    }
  });
}
