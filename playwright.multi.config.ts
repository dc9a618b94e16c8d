import { defineConfig } from "@playwright/test";
import { CHINA_BROWSER, chromiumProject } from "./e2e/chromium";
import { MULTI } from "./e2e/multi-instance/env";

/**
 * The multi-instance run (issue 21, e2e/multi-instance/): nginx in front of two app instances on PostgreSQL, all
 * started by the spec itself (no webServer here). The browser opens the public origin by its name, which
 * Chromium alone maps to loopback. `npx playwright test -c playwright.multi.config.ts` after `npm run build`;
 * scripts/test.sh runs it after the PostgreSQL end-to-end selection.
 */
export default defineConfig({
  testDir: "./e2e/multi-instance",
  outputDir: "test-results/multi-instance",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  // Added up with the other runs' reports by scripts/test-summary.mjs.
  reporter: [["list"], ["json", { outputFile: "reports/playwright-multi.json" }]],
  use: {
    baseURL: MULTI.origin,
    ...CHINA_BROWSER,
  },
  projects: [chromiumProject([`--host-resolver-rules=MAP ${MULTI.host} 127.0.0.1`])],
});
