/**
 * `npm run backup` and `npm run restore` when DATABASE_URL names a PostgreSQL database (db/backup-pg.ts).
 * The attachments folder has no database file to sit beside, so ATTACHMENTS_DIR is required: a guessed
 * default could back up an empty folder without anyone noticing.
 */
import path from "node:path";
import { BackupError, DatabaseInUseError } from "@/db/backup";
import { backupPgDatabase, prunePgBackups, redactUrl, restorePgDatabase } from "@/db/backup-pg";
import { describeCounts, formatBytes } from "./backup-report";

const rel = (p: string) => path.relative(process.cwd(), p) || p;

/** ATTACHMENTS_DIR, or null after saying why it is needed. */
function attachmentsDirOrExplain(): string | null {
  const dir = process.env.ATTACHMENTS_DIR;
  if (dir) return path.resolve(dir);
  console.error("DATABASE_URL 指向 PostgreSQL 时须设置 ATTACHMENTS_DIR（服务使用的附件文件夹）：备份和恢复都包括附件。");
  return null;
}

/** Options for SQLite files only: refused rather than silently ignored beside a PostgreSQL DATABASE_URL. */
export function refuseSqliteOptions(args: { db?: string; demo?: boolean }): boolean {
  if (!args.db && !args.demo) return false;
  console.error(
    "DATABASE_URL 指向 PostgreSQL，不能同时使用 --db / --demo（它们指 SQLite 数据库文件）。要备份或恢复 SQLite 数据库，请不设 DATABASE_URL。",
  );
  return true;
}

/** Returns the exit code. */
export async function pgBackupCommand(url: string, options: { dir?: string; keep: number | null }): Promise<number> {
  const attachmentsDir = attachmentsDirOrExplain();
  if (!attachmentsDir) return 2;
  const started = Date.now();
  try {
    const summary = await backupPgDatabase(url, { attachmentsDir, dir: options.dir });
    console.log(
      `已备份 PostgreSQL 数据库 ${summary.database}（${redactUrl(url)}，服务器 ${summary.server}，pg_dump ${summary.pgDump.version}）`,
    );
    console.log(
      `  备份文件：${rel(summary.file)}（${formatBytes(summary.bytes)}，pg_dump 自定义格式），检查（pg_restore --list）：ok，${summary.tocEntries} 项`,
    );
    console.log(`  附件：${rel(summary.attachmentsDir)}（${summary.attachmentFiles} 个文件，来自 ${rel(attachmentsDir)}）`);
    console.log(`  数据（与备份同一快照）：${describeCounts(summary.counts)}`);
    if (summary.missingAttachments.length > 0) {
      console.warn(`  注意：数据库登记的 ${summary.missingAttachments.length} 个附件文件在现有附件文件夹中本就缺失，备份中同样没有：`);
      for (const p of summary.missingAttachments.slice(0, 20)) console.warn(`    ${p}`);
    }
    if (options.keep !== null) {
      const removed = prunePgBackups(summary.database, path.dirname(summary.file), options.keep);
      console.log(
        `  保留最新的 ${options.keep} 份备份，${removed.length > 0 ? `删除了较早的 ${removed.length} 份：${removed.map((f) => path.basename(f)).join("、")}` : "没有需要删除的"}。`,
      );
    }
    console.log(
      `  用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。恢复（DATABASE_URL 与 ATTACHMENTS_DIR 同上）：npm run restore -- ${rel(summary.file)}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`备份失败：${error.message}`);
    return 1;
  }
}

/** Returns the exit code. */
export async function pgRestoreCommand(url: string, backupFile: string, options: { skipAttachments: boolean }): Promise<number> {
  const attachmentsDir = attachmentsDirOrExplain();
  if (!attachmentsDir) return 2;
  try {
    const summary = await restorePgDatabase(backupFile, url, { attachmentsDir, skipAttachments: options.skipAttachments });
    console.log(`已从 ${rel(backupFile)} 恢复 PostgreSQL 数据库 ${summary.database}（${redactUrl(url)}；pg_restore 单一事务：ok）`);
    if (summary.attachmentsDir) console.log(`  附件：${rel(summary.attachmentsDir)}（${summary.attachmentFiles} 个文件）`);
    else console.log("  附件：未恢复（--skip-attachments），保留现有附件文件夹");
    console.log(`  数据：${describeCounts(summary.counts)}`);
    if (summary.replaced) {
      const kept = [
        summary.replaced.file ? `原数据库已另存为 ${rel(summary.replaced.file)}` : null,
        summary.replaced.attachmentsDir ? `原附件移至 ${rel(summary.replaced.attachmentsDir)}` : null,
      ].filter(Boolean);
      console.log(`  ${kept.join("，")}；确认无误后可自行删除。`);
    }
    if (summary.missingAttachments.length > 0) {
      console.warn(`  注意：数据库登记的 ${summary.missingAttachments.length} 个附件文件不在恢复后的附件文件夹中。`);
    }
    console.log("现在可以启动服务（npm start）。");
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error instanceof DatabaseInUseError ? `未恢复：${error.message}` : `恢复失败：${error.message}`);
    return 1;
  }
}
