/**
 * Moves a SQLite deployment's data into an empty PostgreSQL database:
 *
 *   tsx scripts/db-copy.ts --from data/app.db --to postgres://user:password@host/tian
 *
 * --from defaults to DATABASE_PATH, else data/app.db; the file is only read. The target is migrated,
 * filled in one transaction and verified table by table (db/copy). Exit codes: 0 copied and verified,
 * 1 failed (no data written), 2 the target is not empty (nothing done).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { attachmentsDirFor } from "@/db/client";
import { CopyError, type CopyReport, CopyVerificationError, copySqliteToPostgres, TargetNotEmptyError } from "@/db/copy";
import { databasePath } from "@/db/database-path";

const USAGE = "用法：npm run db:copy -- --from data/app.db --to postgres://用户:密码@主机:5432/数据库";

function parse() {
  try {
    return parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(1);
  }
}

/** The connection string without its password (in the user part or as a parameter), for the log. */
const shown = (url: string) => url.replace(/^([a-z]+:\/\/[^:/@?]*):[^/?]*@/i, "$1:***@").replace(/([?&]password=)[^&]*/i, "$1***");

/** Columns in a terminal: a CJK character takes two cells. */
const cells = (text: string) => [...text].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(cells(h), ...rows.map((r) => cells(r[i]!))));
  const line = (r: string[]) => r.map((v, i) => v + " ".repeat(widths[i]! - cells(v))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

function printReport(report: CopyReport): void {
  const short = (a: string, b: string) => (a === b ? a.slice(0, 16) : `${a.slice(0, 16)} ≠ ${b.slice(0, 16)}`);
  printTable(
    ["表", "行数", "校验和（sha256 前 16 位）", "下一个 id", "一致"],
    report.tables.map((t) => [
      t.table,
      t.sourceRows === t.targetRows ? String(t.sourceRows) : `${t.sourceRows} ≠ ${t.targetRows}`,
      short(t.sourceChecksum, t.targetChecksum),
      t.nextId === null ? "—" : String(t.nextId),
      t.ok ? "是" : "否",
    ]),
  );
  for (const d of report.derived) {
    console.log(`派生表 ${d.table} 与${d.against}比对：${d.ok ? "一致" : `${d.differing} 行不一致`}`);
  }
}

const args = parse();
if (args.help || !args.to) {
  if (!args.help) console.error("缺少 --to：目标 PostgreSQL 数据库的连接串（先建好一个空数据库）。");
  console.error(USAGE);
  process.exit(args.help ? 0 : 1);
}
const from = path.resolve(args.from ?? databasePath());

console.log(`源（SQLite，只读）：${from}`);
console.log(`目标（PostgreSQL）：${shown(args.to)}`);
try {
  const report = await copySqliteToPostgres({
    from,
    to: args.to,
    onProgress: (p) => {
      if (p.step === "migrated") console.log("目标数据库为空，已执行 PostgreSQL 迁移（db/migrations-pg）。在一个事务中复制：");
      if (p.step === "copied") console.log(`  ${p.table}：${p.rows} 行（${p.seconds.toFixed(1)} 秒）`);
      if (p.step === "verifying") console.log("已重建索引与外键、重置自增序列；逐表读回校验：");
      if (p.step === "analyzed") console.log("已提交，并已清理和分析各表（VACUUM ANALYZE：查询规划的统计信息和可见性映射）。");
    },
  });
  printReport(report);
  console.log(
    `已复制并校验 ${report.tables.length} 张表，共 ${report.rows} 行，用时 ${report.seconds.toFixed(1)} 秒。源数据库未作任何修改。`,
  );
  if (report.skipped.length > 0) {
    console.log(`未复制 SQLite 的全文检索表（FTS5）：${report.skipped.join("、")}；PostgreSQL 的检索另行建立。`);
  }
  if (!/^(C|POSIX|C\.utf-?8)$/i.test(report.collation)) {
    console.log(
      `注意：目标数据库的排序规则为 ${report.collation}，文本排序会与 SQLite（按码位）不同；建议以 createdb --template=template0 --encoding=UTF8 --locale=C 新建目标数据库后再复制。`,
    );
  }
  const attachments = path.resolve(attachmentsDirFor(from));
  console.log(
    `附件文件不在数据库中，没有复制，仍在原处：${attachments}${fs.existsSync(attachments) ? "" : "（该目录目前不存在）"}。` +
      "改用 PostgreSQL 运行时，请把 ATTACHMENTS_DIR 设为这个目录（整体移走的话，设为新位置）。",
  );
} catch (error) {
  if (error instanceof CopyVerificationError) printReport(error.report);
  if (!(error instanceof CopyError)) {
    console.error(`复制失败，已回滚，目标数据库中没有写入数据：${(error as Error).message}`);
    process.exit(1);
  }
  console.error(error.message);
  process.exit(error instanceof TargetNotEmptyError ? 2 : 1);
}
