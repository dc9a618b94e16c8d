/**
 * What every way of starting the app does first (scripts/serve.ts for production and the demo,
 * scripts/dev.ts for `next dev`): the session key, and a migrated database — with the demo data when
 * asked for and absent, or else the first administrator of an empty database.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { bootstrapAdmin } from "@/db/bootstrap";
import { attachmentsDirFor, closeDatabase, type Db, openConfiguredDatabase, publishedPdfDirFor } from "@/db/client";
import { seedDemo } from "@/db/demo";
import { databaseEngine } from "@/db/engine";
import { issueMissingReceiptTokens } from "@/db/handling/receipt-tokens";
import { emptyPostgres, migratePostgres } from "@/db/postgres";
import { users } from "@/db/schema";
import { originConfig } from "@/lib/site-origin";
import { signDemoLetters } from "./demo-signatures";

/** AUTH_SECRET from the environment, or one generated once and kept beside the database. */
export function authSecret(dbPath: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(path.dirname(dbPath), ".auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** An empty database: one without users (a new SQLite file has none either). */
const isEmpty = async (db: Db) => (await db.select({ id: users.id }).from(users).limit(1).all()).length === 0;

/**
 * Opens the configured database (DATABASE_URL's PostgreSQL, else the SQLite file `dbPath`), migrated;
 * `fresh` empties it first. PostgreSQL needs ATTACHMENTS_DIR: its files are not beside a database file.
 */
async function openPrepared(dbPath: string, fresh: boolean): Promise<Db> {
  if (databaseEngine() === "postgresql") {
    const url = process.env.DATABASE_URL!;
    if (!process.env.ATTACHMENTS_DIR)
      throw new Error("使用 PostgreSQL（DATABASE_URL）时须设置 ATTACHMENTS_DIR：附件保存的目录，多个实例须共用同一目录。");
    if (fresh) await emptyPostgres(url);
    await migratePostgres(url);
  } else if (fresh) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbPath + suffix, { force: true });
  if (fresh) {
    fs.rmSync(attachmentsDirFor(dbPath), { recursive: true, force: true });
    fs.rmSync(publishedPdfDirFor(dbPath), { recursive: true, force: true });
  }
  return openConfiguredDatabase(dbPath);
}

/** `origin`: where this server will be reached (the demo letters' receipt links name it unless PUBLIC_ORIGIN or AUTH_URL is set). */
export async function prepareDatabase(dbPath: string, options: { demo: boolean; fresh: boolean; origin: string }) {
  const db = await openPrepared(dbPath, options.fresh);
  const isNew = await isEmpty(db);
  // Receipt links are signed with the secret the server will use: the demo's sign-offs issue theirs, and
  // replies signed before links were issued at sign-off get theirs below, so that printing a letter never
  // has to write one.
  process.env.AUTH_SECRET = authSecret(dbPath);
  if (options.demo && isNew) {
    const summary = await seedDemo(db);
    // The signed letters' files go where the server will read them: the attachments folder of this database.
    process.env.DATABASE_PATH = dbPath;
    const signed = await signDemoLetters(db, originConfig(process.env).publicOrigin ?? options.origin);
    console.log(
      `已创建演示数据库 ${databaseEngine() === "postgresql" ? "（PostgreSQL）" : dbPath}（${summary.proposals} 件提案，${signed} 份答复函已加盖电子签章）。`,
    );
  }
  if (!options.demo) {
    const admin = await bootstrapAdmin(db);
    if (admin?.generated)
      console.log(`\n首次启动：已创建管理员账户 admin，一次性密码：${admin.password}\n请登录后立即修改密码。此密码不会再次显示。\n`);
    else if (admin) console.log("首次启动：已创建管理员账户 admin，密码为 ADMIN_PASSWORD 的值。");
  }
  const issued = await issueMissingReceiptTokens(db);
  if (issued > 0 && !options.demo) console.log(`已为 ${issued} 份答复函补发回执链接。`);
  await closeDatabase(db);
}

export function printDemoAccounts(port: string) {
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
打开 ${originConfig(process.env).publicOrigin ?? `http://127.0.0.1:${port}`}/login
`);
}
