import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHINA_BROWSER, chromiumProject } from "./e2e/chromium";
import { E2E } from "./e2e/env";

/**
 * The specs that run on PostgreSQL too (E2E_ENGINE=postgresql, `npm test` after the SQLite run): the whole
 * flow, the authorization matrix and the public site, and cheap ones that reach what differs by engine —
 * concurrent sign-offs under the write lock (idempotence), uploads recorded while streaming, the session
 * cookie and its audit, and the statistics' raw SQL.
 */
const POSTGRES_SPECS = [
  "full-flow",
  "security/authorization-matrix",
  "public",
  "idempotence",
  "security/request-bodies",
  "session-security",
  "statistics",
].map((spec) => `**/e2e/${spec}.spec.ts`);
const onPostgres = E2E.engine === "postgresql";

/**
 * How the server is started: on PostgreSQL the database e2e_<port> is created if missing (`--fresh` then
 * empties it) and its files go to ATTACHMENTS_DIR, which that engine requires.
 */
const start = `node ${E2E.distDir}/serve.mjs --demo --fresh --db ${E2E.databasePath} --port ${E2E.port}`;
const serverCommand = onPostgres ? `npx tsx scripts/create-database.ts '${E2E.pgServer}' e2e_${E2E.port} && ${start}` : start;

export default defineConfig({
  testDir: "./e2e",
  testMatch: onPostgres ? POSTGRES_SPECS : undefined,
  // Runs with its own servers and configuration (playwright.multi.config.ts).
  testIgnore: "**/e2e/multi-instance/**",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Each engine's results in a report of its own, both added up by scripts/test-summary.mjs.
  reporter: [["list"], ["json", { outputFile: onPostgres ? "reports/playwright-postgresql.json" : "reports/playwright.json" }]],
  use: {
    baseURL: E2E.baseURL,
    ...CHINA_BROWSER,
  },
  projects: [chromiumProject()],
  webServer: {
    // The production build (scripts/test.sh runs `npm run build` first; the server's programs are bundled
    // again here, so that a plain `next build` is enough) on a fresh demo database, started as `npm run demo` starts it.
    command: `npx tsx scripts/build.ts --server-only && ${serverCommand}`,
    url: `${E2E.baseURL}/login`,
    // The demo database is made first, its letters printed and signed (scripts/lib/demo-signatures.ts).
    timeout: 240_000,
    reuseExistingServer: false,
    env: {
      AUTH_SECRET: E2E.authSecret,
      NODE_ENV: "production",
      ...(E2E.databaseUrl ? { DATABASE_URL: E2E.databaseUrl, ATTACHMENTS_DIR: path.resolve(E2E.attachmentsDir) } : {}),
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
