/**
 * Restores a backup made by scripts/backup.ts. The server must be stopped first.
 *
 *   tsx scripts/restore.ts <backup file> [--db FILE | --demo] [--skip-attachments]
 *
 * Checks the backup (integrity_check) before touching anything, refuses while the target database is
 * open in another process, keeps the replaced database and attachments in `backups/` beside the target
 * (`<name>-before-restore-YYYYMMDD-HHMMSS…`), removes stale -wal/-shm files, and puts the backup in place.
 *
 * With DATABASE_URL postgres://… or postgresql://… it restores a `.dump` into that PostgreSQL database with
 * pg_restore, by the same rules (scripts/lib/pg-backup-commands.ts, db/backup-pg.ts).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { attachmentsDirFor } from "@/db/client";
import { BackupError, DatabaseInUseError, restoreDatabase } from "@/db/backup";
import { isPostgresUrl } from "@/db/backup-pg";
import { describeCounts } from "./lib/backup-report";
import { pgRestoreCommand, refuseSqliteOptions } from "./lib/pg-backup-commands";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: "string" },
    demo: { type: "boolean", default: false },
    "skip-attachments": { type: "boolean", default: false },
  },
});

if (positionals.length !== 1) {
  console.error("用法：npm run restore -- <备份文件.db> [--db 目标数据库] [--skip-attachments]");
  console.error("      DATABASE_URL 指向 PostgreSQL 时：npm run restore -- <备份文件.dump> [--skip-attachments]");
  process.exit(2);
}
const backupFile = path.resolve(positionals[0]!);
const databaseUrl = process.env.DATABASE_URL;
if (isPostgresUrl(databaseUrl)) {
  process.exitCode = refuseSqliteOptions(args)
    ? 2
    : await pgRestoreCommand(databaseUrl, backupFile, { skipAttachments: args["skip-attachments"] });
} else {
  const target = path.resolve(args.db ?? process.env.DATABASE_PATH ?? (args.demo ? "data/demo.db" : "data/app.db"));
  const rel = (p: string) => path.relative(process.cwd(), p) || p;

  try {
    const summary = restoreDatabase(backupFile, target, {
      attachmentsDir: attachmentsDirFor(target),
      skipAttachments: args["skip-attachments"],
    });
    console.log(`已从 ${rel(backupFile)} 恢复数据库 ${rel(summary.target)}（完整性检查：ok）`);
    if (summary.attachmentsDir) console.log(`  附件：${rel(summary.attachmentsDir)}（${summary.attachmentFiles} 个文件）`);
    else console.log("  附件：未恢复（--skip-attachments），保留现有附件文件夹");
    console.log(`  数据：${describeCounts(summary.counts)}`);
    if (summary.replaced) {
      console.log(
        `  原数据库已移至 ${rel(summary.replaced.file)}${summary.replaced.attachmentsDir ? `，原附件移至 ${rel(summary.replaced.attachmentsDir)}` : ""}；确认无误后可自行删除。`,
      );
    }
    if (summary.missingAttachments.length > 0) {
      console.warn(`  注意：数据库登记的 ${summary.missingAttachments.length} 个附件文件不在恢复后的附件文件夹中。`);
    }
    console.log("现在可以启动服务（npm start）。");
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error instanceof DatabaseInUseError ? `未恢复：${error.message}` : `恢复失败：${error.message}`);
    process.exitCode = 1;
  }
}
