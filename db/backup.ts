/**
 * Backup and restore of the database and its attachments folder, shared by `npm run backup`,
 * `npm run restore` and their integration test. Everything takes explicit paths; nothing here reads
 * DATABASE_PATH or ATTACHMENTS_DIR (the scripts resolve those).
 *
 * A backup is two things side by side: `<name>-YYYYMMDD-HHMMSS.db` (one self-contained SQLite file,
 * journal_mode DELETE) and `<name>-YYYYMMDD-HHMMSS-attachments/`. The database is copied first, with
 * SQLite's online backup in a single step (one read transaction: a consistent snapshot that neither
 * blocks nor is disturbed by a serving process writing in WAL mode), then the attachments. Attachment
 * files are written before the row that names them commits and are never deleted, so every file the
 * copied database names is already there when the folder is copied after it.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";

/** Tables whose row counts a backup and a restore print, so the operator can see what they hold. */
export const COUNTED_TABLES = [
  "units",
  "users",
  "proposals",
  "assignments",
  "reply_drafts",
  "replies",
  "receipts",
  "attachments",
  "events",
  "notifications",
] as const;

export type TableCounts = Record<(typeof COUNTED_TABLES)[number], number>;

/** A refusal or failure with a message for the operator (Chinese, shown as is). */
export class BackupError extends Error {
  override name = "BackupError";
}

/** The target database is open in another process (the server, the mail worker, a sqlite3 shell). */
export class DatabaseInUseError extends BackupError {
  override name = "DatabaseInUseError";
}

/** The attachments folder kept beside a database or backup file: `<name>-attachments` (as attachmentsDirFor without ATTACHMENTS_DIR). */
export function siblingAttachmentsDir(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-attachments`);
}

/** `YYYYMMDD-HHMMSS` in the machine's local time. */
export function timestamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** `app.db` backed up at 2026-06-15 10:15:00 → `app-20260615-101500.db`. */
export function backupFileName(source: string, now: Date): string {
  return `${path.basename(source, path.extname(source))}-${timestamp(now)}.db`;
}

/** `PRAGMA integrity_check` of an open connection: [] when it says ok, otherwise its messages. */
function integrityProblems(db: Database.Database): string[] {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === "ok" ? [] : messages;
}

/** `PRAGMA integrity_check` of a file: [] when it is ok. */
export function checkIntegrity(file: string): string[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    return integrityProblems(db);
  } finally {
    db.close();
  }
}

function countRows(db: Database.Database): TableCounts {
  const counts = {} as TableCounts;
  for (const table of COUNTED_TABLES) counts[table] = (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
  return counts;
}

/** Row counts of a database file. */
export function tableCounts(file: string): TableCounts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return countRows(db);
  } finally {
    db.close();
  }
}

function isAppDatabase(db: Database.Database): boolean {
  const names = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
  return names.has("__drizzle_migrations") && COUNTED_TABLES.every((t) => names.has(t));
}

/** Tables that name stored files, each where the database has it (an older backup may not). */
export const FILE_TABLES = ["attachments", "reply_files", "meeting_photos"] as const;

/** The storage paths the database names (proposals' attachments, replies' files, meetings' photos) that are not in the attachments folder. */
function missingAttachmentFiles(db: Database.Database, attachmentsDir: string): string[] {
  const present = FILE_TABLES.filter(
    (name) => db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined,
  );
  const sql = present.map((name) => `select storage_path from ${name}`).join(" union all ");
  const rows = db.prepare(sql).all() as { storage_path: string }[];
  return rows.map((r) => r.storage_path).filter((p) => !fs.existsSync(path.join(attachmentsDir, p)));
}

export function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/** Copies a folder to `<to>.partial`, then renames it into place, so `to` is never half-written. */
export function copyFolder(from: string, to: string): void {
  const partial = `${to}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  if (fs.existsSync(from)) fs.cpSync(from, partial, { recursive: true, preserveTimestamps: true });
  else fs.mkdirSync(partial, { recursive: true });
  fs.renameSync(partial, to);
}

/** rename, or copy and remove across file systems (ATTACHMENTS_DIR may live elsewhere). */
export function move(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    fs.cpSync(from, to, { recursive: true, preserveTimestamps: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/** A SQLite error on a file being checked (not a database, malformed…) as a message for the operator. */
function unreadable(error: unknown, file: string, what: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("SQLITE_") && !code.startsWith("SQLITE_BUSY")) {
    return new BackupError(`${what}已损坏或不是 SQLite 数据库（${code}：${(error as Error).message}）：${file}`);
  }
  return error;
}

function removeSidecars(file: string): void {
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

export type BackupOptions = {
  /** The live attachments folder (the scripts pass attachmentsDirFor(source)); default `<name>-attachments` beside the source. */
  attachmentsDir?: string;
  /** Folder of the backup; default `backups/` beside the database. Ignored when `file` is given. */
  dir?: string;
  /** Exact backup file name; default `<dir>/<name>-YYYYMMDD-HHMMSS.db`. */
  file?: string;
  now?: Date;
};

export type BackupSummary = {
  file: string;
  bytes: number;
  attachmentsDir: string;
  attachmentFiles: number;
  counts: TableCounts;
  /** Files the database names that were already missing from the live attachments folder. */
  missingAttachments: string[];
};

/**
 * Backs up a database (safe while the server is writing to it) and its attachments, checks the copy with
 * integrity_check, and returns what it holds. Throws BackupError when the copy is not sound; nothing is
 * left behind then.
 */
export async function backupDatabase(source: string, options: BackupOptions = {}): Promise<BackupSummary> {
  if (!fs.existsSync(source)) throw new BackupError(`数据库文件不存在：${source}`);
  const file = path.resolve(
    options.file ?? path.join(options.dir ?? path.join(path.dirname(source), "backups"), backupFileName(source, options.now ?? new Date())),
  );
  if (fs.existsSync(file)) throw new BackupError(`备份文件已存在，未覆盖：${file}`);
  const attachmentsFrom = options.attachmentsDir ?? siblingAttachmentsDir(source);
  const attachmentsTo = siblingAttachmentsDir(file);
  if (fs.existsSync(attachmentsTo)) throw new BackupError(`备份附件文件夹已存在，未覆盖：${attachmentsTo}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const partial = `${file}.partial`;
  removeSidecars(partial);
  fs.rmSync(partial, { force: true });
  const live = new Database(source, { fileMustExist: true, timeout: 10_000 });
  try {
    if (!isAppDatabase(live)) throw new BackupError(`不是本系统的数据库：${source}`);
    // All pages in one step: one read transaction, so a write by the server cannot restart or tear the copy.
    await live.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    live.close();
  }

  let counts: TableCounts;
  let missingAttachments: string[];
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      // The copy keeps the source's WAL flag; a backup is better as one self-contained file.
      copy.pragma("journal_mode = DELETE");
      const problems = integrityProblems(copy);
      if (problems.length > 0) throw new BackupError(`备份副本未通过完整性检查（integrity_check）：\n${problems.join("\n")}`);
      counts = countRows(copy);
      missingAttachments = missingAttachmentFiles(copy, attachmentsFrom);
    } finally {
      copy.close();
    }
    copyFolder(attachmentsFrom, attachmentsTo);
  } catch (error) {
    removeSidecars(partial);
    fs.rmSync(partial, { force: true });
    throw unreadable(error, source, "备份副本");
  }
  // The .db appears last: a backup file with its name is a complete backup.
  fs.renameSync(partial, file);
  return {
    file,
    bytes: fs.statSync(file).size,
    attachmentsDir: attachmentsTo,
    attachmentFiles: countFiles(attachmentsTo),
    counts,
    missingAttachments,
  };
}

/** The backups of `source` in `dir` (`<name>-YYYYMMDD-HHMMSS.db`), newest first; copies set aside by a restore are not. */
export function backupsOf(source: string, dir: string): string[] {
  return backupsNamed(path.basename(source, path.extname(source)), dir, ".db");
}

/** The files `<name>-YYYYMMDD-HHMMSS<extension>` in `dir`, newest first (also the `.dump` backups of db/backup-pg.ts). */
export function backupsNamed(name: string, dir: string, extension: string): string[] {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^${literal(name)}-\\d{8}-\\d{6}${literal(extension)}$`);
  if (!fs.existsSync(dir)) return [];
  // The stamp sorts as the time does.
  return fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f));
}

/** Deletes all but the `keep` newest backups of `source` in `dir`, each with its attachments; returns the files deleted. */
export function pruneBackups(source: string, dir: string, keep: number): string[] {
  return pruneBackupsNamed(path.basename(source, path.extname(source)), dir, ".db", keep);
}

/** pruneBackups for the backups `<name>-YYYYMMDD-HHMMSS<extension>`. */
export function pruneBackupsNamed(name: string, dir: string, extension: string, keep: number): string[] {
  if (!Number.isSafeInteger(keep) || keep < 1) throw new BackupError("保留份数须为正整数");
  const old = backupsNamed(name, dir, extension).slice(keep);
  for (const file of old) {
    fs.rmSync(siblingAttachmentsDir(file), { recursive: true, force: true });
    fs.rmSync(file, { force: true });
  }
  return old;
}

/**
 * Throws DatabaseInUseError when another connection has the database open. Leaving WAL mode needs the
 * only connection to the file; when it succeeds, the WAL has been checkpointed into the file and removed.
 */
export function assertNotInUse(file: string): void {
  if (!fs.existsSync(file)) return;
  const inUse = () =>
    new DatabaseInUseError(
      `数据库正在被其他进程使用：${file}\n请先停止服务（npm start / npm run demo，包括邮件发送进程）并关闭打开此数据库的其他程序，再执行恢复。`,
    );
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    const mode = db.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw inUse();
    // In rollback-journal mode an idle connection holds no lock; an active one is caught here.
    db.exec("BEGIN EXCLUSIVE; COMMIT;");
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw error;
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY") || (error as { code?: string }).code?.startsWith("SQLITE_LOCKED"))
      throw inUse();
    throw error;
  } finally {
    db.close();
  }
}

export type RestoreOptions = {
  /** The target's attachments folder (the scripts pass attachmentsDirFor(target)); default `<name>-attachments` beside it. */
  attachmentsDir?: string;
  /** Where the replaced database and attachments are kept; default `backups/` beside the target. */
  asideDir?: string;
  /** Restore the database only and leave the attachments folder as it is (for a backup without one). */
  skipAttachments?: boolean;
  now?: Date;
};

export type RestoreSummary = {
  target: string;
  counts: TableCounts;
  attachmentsDir: string | null;
  attachmentFiles: number;
  /** The database that was replaced, kept aside (null when there was none). */
  replaced: { file: string; attachmentsDir: string | null } | null;
  missingAttachments: string[];
};

/**
 * Replaces `target` (and its attachments) with a backup: checks the backup's integrity on a staged copy,
 * refuses while the target is in use, keeps the replaced files aside, removes stale -wal/-shm files, and
 * moves the staged copy into place.
 */
export function restoreDatabase(backupFile: string, target: string, options: RestoreOptions = {}): RestoreSummary {
  if (!fs.existsSync(backupFile)) throw new BackupError(`备份文件不存在：${backupFile}`);
  const backupAttachments = siblingAttachmentsDir(backupFile);
  if (!options.skipAttachments && !fs.existsSync(backupAttachments)) {
    throw new BackupError(`备份旁没有附件文件夹：${backupAttachments}\n若确认只恢复数据库、保留现有附件，请加 --skip-attachments。`);
  }
  const attachmentsDir = options.attachmentsDir ?? siblingAttachmentsDir(target);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });

  // 1. Stage a copy beside the target (with the backup's -wal, if it has one) and check it there.
  const staged = `${target}.restore-partial`;
  removeSidecars(staged);
  fs.copyFileSync(backupFile, staged);
  if (fs.existsSync(`${backupFile}-wal`)) fs.copyFileSync(`${backupFile}-wal`, `${staged}-wal`);
  let counts: TableCounts;
  let missingAttachments: string[];
  try {
    const db = new Database(staged, { fileMustExist: true });
    try {
      if (!isAppDatabase(db)) throw new BackupError(`不是本系统的数据库备份：${backupFile}`);
      const problems = integrityProblems(db);
      if (problems.length > 0) throw new BackupError(`备份文件未通过完整性检查（integrity_check），未恢复：\n${problems.join("\n")}`);
      db.pragma("journal_mode = DELETE");
      counts = countRows(db);
      missingAttachments = options.skipAttachments
        ? missingAttachmentFiles(db, attachmentsDir)
        : missingAttachmentFiles(db, backupAttachments);
    } finally {
      db.close();
    }
  } catch (error) {
    removeSidecars(staged);
    fs.rmSync(staged, { force: true });
    throw unreadable(error, backupFile, "备份文件");
  }

  // 2. The target must not be open anywhere; keep what it holds aside.
  let replaced: RestoreSummary["replaced"] = null;
  try {
    assertNotInUse(target);
    if (fs.existsSync(target)) {
      const asideFile = path.join(
        options.asideDir ?? path.join(path.dirname(target), "backups"),
        `${path.basename(target, path.extname(target))}-before-restore-${timestamp(options.now ?? new Date())}.db`,
      );
      if (fs.existsSync(asideFile)) throw new BackupError(`文件已存在，未覆盖：${asideFile}`);
      move(target, asideFile);
      replaced = { file: asideFile, attachmentsDir: null };
      if (!options.skipAttachments && fs.existsSync(attachmentsDir)) {
        replaced.attachmentsDir = siblingAttachmentsDir(asideFile);
        move(attachmentsDir, replaced.attachmentsDir);
      }
    }
  } catch (error) {
    removeSidecars(staged);
    fs.rmSync(staged, { force: true });
    throw error;
  }

  // 3. Stale -wal/-shm of the old file would be replayed onto the restored one: remove them first.
  removeSidecars(target);
  fs.renameSync(staged, target);
  if (!options.skipAttachments) copyFolder(backupAttachments, attachmentsDir);
  return {
    target,
    counts,
    attachmentsDir: options.skipAttachments ? null : attachmentsDir,
    attachmentFiles: options.skipAttachments ? 0 : countFiles(attachmentsDir),
    replaced,
    missingAttachments,
  };
}
