/**
 * `npm run dev` behaves as the production server does: the guard learns the requested path from
 * proxy.ts, not from a header that only the production front server set. Under `next dev` without it,
 * a user with a one-time password was sent to the password page for ever and every sign-in returned
 * to "/". Starts scripts/dev.ts on its own port and database (the first compile of each page is slow).
 */
import { spawn, type ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const origin = `http://127.0.0.1:${port}`;
const dbPath = `data/e2e-dev-${port}.db`;
let server: ChildProcess;

test.describe.configure({ mode: "serial", timeout: 420_000 });

test.beforeAll(async () => {
  // The demo database is made first, its letters printed and signed (scripts/lib/demo-signatures.ts), then next dev compiles.
  test.setTimeout(420_000);
  server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/dev.ts", "--fresh", "--db", dbPath, "--port", String(port)], {
    env: { ...process.env, AUTH_SECRET: "e2e-dev-only-secret-0123456789abcdef" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 360; i++) {
    const up = await fetch(`${origin}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("next dev did not start");
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
});

test("under next dev a visitor returns to the page asked for, and a one-time password leads to the password page once", async ({
  page,
}) => {
  const db = new Database(dbPath);
  db.prepare("update users set must_change_password = 1 where username = 'dqgzb'").run();
  db.close();

  const response = await page.goto(`${origin}/proposals`);
  expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fproposals$/);
  await page.getByLabel("用户名").fill("coordinator");
  await page.getByLabel("密码").fill("demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(`${origin}/proposals`, { timeout: 120_000 });
  await expect(page.getByRole("heading", { name: "全部提案" })).toBeVisible({ timeout: 60_000 });

  await page.context().clearCookies();
  await page.goto(`${origin}/login`);
  await page.getByLabel("用户名").fill("dqgzb");
  await page.getByLabel("密码").fill("demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(`${origin}/account/password`, { timeout: 120_000 });
  await expect(page.getByRole("heading", { name: /修改密码/ })).toBeVisible({ timeout: 60_000 });
});
