/**
 * What `npm run build` produces runs with the production dependencies alone, away from the source (README,
 * Deploying): the files the README says to copy, in a folder outside this tree (so that no node_modules above it
 * is found), with node_modules holding only the packages `npm ci --omit=dev` installs — those the lockfile
 * does not mark `dev`, hard-linked from this tree's, which spares the test compiling the native modules
 * again. `npm start` on a fresh database there migrates it, prints the first administrator's one-time
 * password, serves the sign-in page and signs that administrator in; the backup command runs there too.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "./env";

const port = E2E.port + 60;
const origin = `http://127.0.0.1:${port}`;
const distDir = E2E.distDir;
/** What the README's Deploying section copies, besides the build directory. */
const DEPLOYED = ["package.json", "package-lock.json", ".npmrc", "public", path.join("db", "migrations")];
/** Not part of a deployment: Next's build cache and the development server's output. */
const BUILD_SKIPPED = new Set(["cache", "dev"]);

/** Hard-links the files of `from` into `to`, leaving out the entries named in `skip` at its top. */
function linkTree(from: string, to: string, skip: Set<string> = new Set()) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else fs.linkSync(source, target);
  }
}

/** node_modules as `npm ci --omit=dev` lays it out: every package of the lockfile not marked dev (optional ones when installed here). */
function linkProductionModules(to: string): string[] {
  const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { dev?: boolean }> };
  const linked: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (!location || entry.dev || !fs.existsSync(location)) continue;
    // A package's own node_modules holds other lockfile entries, linked (or not) in their own right.
    linkTree(location, path.join(to, location), new Set(["node_modules"]));
    linked.push(location);
  }
  return linked;
}

/** Waits for the sign-in page; fails at once, with the server's output, when `npm start` exits. */
async function signInPageServed(child: ChildProcess) {
  for (const end = Date.now() + 120_000; Date.now() < end; await new Promise((r) => setTimeout(r, 1000))) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    if (
      (await fetch(`${origin}/login`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
  }
  throw new Error(`npm start did not serve /login within 120 s:\n${output}`);
}

let folder = "";
let server: ChildProcess | undefined;
let output = "";

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

test("the build runs from a copy with the production dependencies alone: npm start migrates a fresh database and prints the administrator's password", async ({
  page,
}) => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "tian-banli-deploy-"));
  linkTree(distDir, path.join(folder, distDir), BUILD_SKIPPED);
  for (const item of DEPLOYED) {
    if (fs.statSync(item).isDirectory()) linkTree(item, path.join(folder, item));
    else fs.copyFileSync(item, path.join(folder, item));
  }
  const linked = linkProductionModules(folder);
  expect(linked).toContain("node_modules/next");
  for (const devOnly of ["tsx", "esbuild", "typescript", "drizzle-kit", "vitest"])
    expect(fs.existsSync(path.join(folder, "node_modules", devOnly))).toBe(false);

  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", NEXT_DIST_DIR: distDir };
  for (const name of ["DATABASE_PATH", "AUTH_SECRET", "ADMIN_PASSWORD", "NODE_OPTIONS"]) delete env[name];
  // npx put this tree's node_modules/.bin on the PATH: a server has none of its tools. The Node.js running
  // the tests comes first (under scripts/with-node.sh it lives in a node_modules folder of its own, and the
  // native modules were compiled for it).
  env.PATH = [
    path.dirname(process.execPath),
    ...env.PATH!.split(path.delimiter).filter((dir) => !dir.endsWith(path.join("node_modules", ".bin"))),
  ].join(path.delimiter);
  server = spawn("npm", ["start"], { cwd: folder, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  await signInPageServed(server);
  expect(fs.existsSync(path.join(folder, "data", "app.db"))).toBe(true);
  const password = /一次性密码：(\S+)/.exec(output)?.[1];
  expect(password, output).toBeTruthy();

  await page.goto(`${origin}/login`);
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill(password!);
  await page.getByRole("button", { name: "登录" }).click();
  // A one-time password leads to the password page first.
  await expect(page).toHaveURL(`${origin}/account/password`, { timeout: 30_000 });

  // The backup command runs from the build as well, beside the running server.
  const backup = spawnSync(process.execPath, [path.join(distDir, "backup.mjs")], { cwd: folder, env, encoding: "utf8" });
  expect(backup.status, backup.stdout + backup.stderr).toBe(0);
  expect(fs.readdirSync(path.join(folder, "data", "backups")).some((name) => /^app-\d{8}-\d{6}\.db$/.test(name))).toBe(true);
});
