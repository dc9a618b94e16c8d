/**
 * Starts the production server: `npm start` (migrate, create the first admin on an empty database)
 * and `npm run demo` (build if needed, create data/demo.db with demo data if absent).
 *
 *   tsx scripts/serve.ts [--demo] [--fresh] [--db FILE] [--port N] [--no-build]
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { attachmentsDirFor, openDatabase, publishedPdfDirFor } from "@/db/client";
import { bootstrapAdmin } from "@/db/bootstrap";
import { seedDemo } from "@/db/demo";
import { frontServerArgs } from "./lib/front-server";
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

/** AUTH_SECRET from the environment, or one generated once and kept beside the database. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(path.dirname(dbPath), ".auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

async function prepareDatabase() {
  if (args.fresh) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbPath + suffix, { force: true });
    fs.rmSync(attachmentsDirFor(dbPath), { recursive: true, force: true });
    fs.rmSync(publishedPdfDirFor(dbPath), { recursive: true, force: true });
  }
  const isNew = !fs.existsSync(dbPath);
  const db = openDatabase(dbPath);
  if (args.demo && isNew) {
    const summary = await seedDemo(db);
    console.log(`已创建演示数据库 ${dbPath}（${summary.proposals} 件提案）。`);
  }
  if (!args.demo) {
    const admin = await bootstrapAdmin(db);
    if (admin?.generated) console.log(`\n首次启动：已创建管理员账户 admin，一次性密码：${admin.password}\n请登录后立即修改密码。此密码不会再次显示。\n`);
    else if (admin) console.log("首次启动：已创建管理员账户 admin，密码为 ADMIN_PASSWORD 的值。");
  }
  db.$client.close();
}

function printDemoAccounts() {
  console.log(`
演示账户（密码均为 demo-2026）：
  admin        系统管理员
  coordinator  督查室（重庆高新区管委会办公室）
  jiangmj      蒋明杰，承办人（重庆高新区科技创新局）
  dengmj       邓敏军，局长（重庆高新区科技创新局）
  dqgzb        党群工作部承办人
  cxfwzx       创新服务中心承办人
  zwfwzx       政务服务和社会事务中心承办人
  liuxr        刘新荣委员
打开 http://localhost:${port}/login
`);
}

ensureBuilt();
await prepareDatabase();
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
        AUTH_SECRET: authSecret(),
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
if (args.demo) printDemoAccounts();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void Promise.all([mailer.stop(signal), server.stop(signal)]).then(() => process.exit(0));
  });
}
