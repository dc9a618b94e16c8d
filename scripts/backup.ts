/**
 * Backs up the database and its attachments while the server may be running:
 *
 *   tsx scripts/backup.ts [--db FILE | --demo] [--dir FOLDER] [--keep N]
 *
 * The database is DATABASE_PATH or --db (default data/app.db, data/demo.db with --demo, as scripts/serve.ts);
 * the backup goes to `backups/` beside it: `<name>-YYYYMMDD-HHMMSS.db` and `<name>-YYYYMMDD-HHMMSS-attachments/`.
 * With --keep N (say from a daily cron job), only the N newest backups of that database stay in the folder.
 *
 * With DATABASE_URL postgres://… or postgresql://… it backs up that PostgreSQL database instead, with pg_dump
 * (`<dbname>-YYYYMMDD-HHMMSS.dump`, ATTACHMENTS_DIR required; scripts/lib/pg-backup-commands.ts).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { attachmentsDirFor } from "@/db/client";
import { BackupError, backupDatabase, pruneBackups } from "@/db/backup";
import { isPostgresUrl } from "@/db/backup-pg";
import { describeCounts, formatBytes } from "./lib/backup-report";
import { pgBackupCommand, refuseSqliteOptions } from "./lib/pg-backup-commands";

const { values: args } = parseArgs({
  options: {
    db: { type: "string" },
    demo: { type: "boolean", default: false },
    dir: { type: "string" },
    keep: { type: "string" },
  },
});

const keep = args.keep === undefined ? null : /^[1-9]\d{0,3}$/.test(args.keep) ? Number(args.keep) : undefined;
if (keep === undefined) {
  console.error(`--keep 须为 1 到 9999 之间的整数（要保留的备份份数），收到：${args.keep}`);
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL;
if (isPostgresUrl(databaseUrl)) {
  process.exitCode = refuseSqliteOptions(args) ? 2 : await pgBackupCommand(databaseUrl, { dir: args.dir, keep });
} else {
  const dbPath = path.resolve(args.db ?? process.env.DATABASE_PATH ?? (args.demo ? "data/demo.db" : "data/app.db"));
  const started = Date.now();
  try {
    const summary = await backupDatabase(dbPath, { attachmentsDir: attachmentsDirFor(dbPath), dir: args.dir });
    const rel = (p: string) => path.relative(process.cwd(), p) || p;
    console.log(`已备份数据库 ${rel(dbPath)}`);
    console.log(`  备份文件：${rel(summary.file)}（${formatBytes(summary.bytes)}），完整性检查（integrity_check）：ok`);
    console.log(`  附件：${rel(summary.attachmentsDir)}（${summary.attachmentFiles} 个文件）`);
    console.log(`  数据：${describeCounts(summary.counts)}`);
    if (summary.missingAttachments.length > 0) {
      console.warn(`  注意：数据库登记的 ${summary.missingAttachments.length} 个附件文件在现有附件文件夹中本就缺失，备份中同样没有：`);
      for (const p of summary.missingAttachments.slice(0, 20)) console.warn(`    ${p}`);
    }
    if (keep !== null) {
      const removed = pruneBackups(dbPath, path.dirname(summary.file), keep);
      console.log(
        `  保留最新的 ${keep} 份备份，${removed.length > 0 ? `删除了较早的 ${removed.length} 份：${removed.map((f) => path.basename(f)).join("、")}` : "没有需要删除的"}。`,
      );
    }
    console.log(
      `  用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。恢复：npm run restore -- ${rel(summary.file)}${args.db || process.env.DATABASE_PATH ? ` --db ${rel(dbPath)}` : ""}`,
    );
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`备份失败：${error.message}`);
    process.exitCode = 1;
  }
}
