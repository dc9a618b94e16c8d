/**
 * Starts the production server: `npm start` (migrate, create the first admin on an empty database)
 * and `npm run demo` (build if needed, create data/demo.db with demo data if absent).
 *
 *   tsx scripts/serve.ts [--demo] [--fresh] [--db FILE] [--port N] [--no-build]
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { frontServerArgs } from "./lib/front-server";
import { authSecret, prepareDatabase, printDemoAccounts } from "./lib/prepare";
import { supervise } from "./lib/supervise";

const { values: args } = parseArgs({
  options: {
    demo: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    db: { type: "string" },
    port: { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
});

const dbPath = path.resolve(args.db ?? process.env.DATABASE_PATH ?? (args.demo ? "data/demo.db" : "data/app.db"));
const port = args.port ?? process.env.PORT ?? "3000";
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

function ensureBuilt() {
  if (args["no-build"] || fs.existsSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) return;
  console.log("正在构建生产版本（next build）…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureBuilt();
await prepareDatabase(dbPath, { demo: args.demo, fresh: args.fresh });
// scripts/app-server.ts: Next.js (as `next start` would run it) with the page caches in front, and the mail
// worker, which shares the database (it idles while mail is disabled in the settings). Each is started again
// if it dies (scripts/lib/supervise.ts): one crash is not an outage.
const serverArgs = await frontServerArgs();
const server = supervise(
  () =>
    spawn(process.execPath, serverArgs, {
      stdio: "inherit",
      env: {
        ...process.env,
        PORT: port,
        NODE_ENV: "production",
        DATABASE_PATH: dbPath,
        AUTH_SECRET: authSecret(dbPath),
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    }),
  { name: "服务器进程" },
);
const mailer = supervise(
  () => spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/mail-worker.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_PATH: dbPath } }),
  { name: "邮件发送进程" },
);
if (args.demo) printDemoAccounts(port);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void Promise.all([mailer.stop(signal), server.stop(signal)]).then(() => process.exit(0));
  });
}
