/**
 * Loads the demo data into an empty database: `tsx scripts/db-demo.ts`
 * (DATABASE_URL for PostgreSQL, else DATABASE_PATH, default data/app.db; DEMO_TODAY=YYYY-MM-DD to date the demo as of another day).
 */
import { closeDatabase, openConfiguredDatabase } from "@/db/client";
import { databaseEngine } from "@/db/engine";
import { migratePostgres } from "@/db/postgres";
import { DEMO_PASSWORD, DemoDatabaseNotEmptyError, seedDemo } from "@/db/demo";
import { PROPOSAL_STATE_LABELS, PROPOSAL_STATES, ROLE_LABELS } from "@/lib/domain";
import { originConfig } from "@/lib/site-origin";
import { signDemoLetters } from "./lib/demo-signatures";
import { authSecret } from "./lib/prepare";

const file = process.env.DATABASE_PATH ?? "data/app.db";
if (databaseEngine() === "postgresql") await migratePostgres(process.env.DATABASE_URL!);
const db = openConfiguredDatabase(file);
// The demo's sign-offs issue receipt links, signed with the secret the server will use for this database.
process.env.AUTH_SECRET = authSecret(file);
try {
  const summary = await seedDemo(db, { today: process.env.DEMO_TODAY || undefined });
  const signed = await signDemoLetters(db, originConfig(process.env).publicOrigin ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`);
  console.log(`演示数据已生成 / Demo data created: ${file} (today ${summary.today}; ${signed} signed letters)`);
  console.log(`提案/建议 ${summary.proposals} 件:`);
  console.table(Object.fromEntries(PROPOSAL_STATES.map((s) => [`${s} ${PROPOSAL_STATE_LABELS[s]}`, summary.byState[s]])));
  console.log(`演示账号 / Demo accounts (密码 / password: ${DEMO_PASSWORD}):`);
  console.table(
    summary.accounts.map((a) => ({ 登录名: a.login, 角色: `${a.role} ${ROLE_LABELS[a.role]}`, 姓名: a.name, 单位: a.unit ?? "—" })),
  );
} catch (error) {
  if (!(error instanceof DemoDatabaseNotEmptyError)) throw error;
  console.error(`数据库不为空，未生成演示数据 / The database is not empty (${file}); demo data was not loaded.`);
  process.exitCode = 1;
} finally {
  void closeDatabase(db);
}
