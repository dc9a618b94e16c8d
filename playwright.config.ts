import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/env";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: E2E.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    // The production build (scripts/test.sh runs `npm run build` first; the server's programs are bundled
    // again here, so that a plain `next build` is enough) on a fresh demo database, started as `npm run demo` starts it.
    command: `npx tsx scripts/build.ts --server-only && node ${E2E.distDir}/serve.mjs --demo --fresh --db ${E2E.databasePath} --port ${E2E.port}`,
    url: `${E2E.baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { AUTH_SECRET: E2E.authSecret, NODE_ENV: "production" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
