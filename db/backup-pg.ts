/**
 * Backup and restore when the database is PostgreSQL (DATABASE_URL postgres:// or postgresql://): the
 * counterpart of db/backup.ts, with the same layout and the same rules. Everything takes an explicit URL
 * and attachments folder; the scripts resolve DATABASE_URL and ATTACHMENTS_DIR.
 *
 * A backup is `<dbname>-YYYYMMDD-HHMMSS.dump` (pg_dump's custom format, -Fc) beside
 * `<dbname>-YYYYMMDD-HHMMSS-attachments/`. One REPEATABLE READ transaction exports its snapshot; pg_dump
 * dumps that snapshot (--snapshot) and the row counts and attachment paths the report prints are read in
 * the same transaction, so they describe exactly what the dump holds while the server keeps writing.
 * The attachments are copied after it (files are written before the row naming them commits and never
 * deleted). The dump is checked with `pg_restore --list`.
 *
 * A restore runs pg_restore --clean --if-exists --no-owner --single-transaction into the DATABASE_URL
 * database: all or nothing. Like the SQLite restore it refuses while anything else is connected to that
 * database, and first keeps what it replaces (a pg_dump of it, and its attachments) in `backups/`.
 *
 * pg_dump and pg_restore: PG_BIN_DIR if set (only there), else PATH, else /usr/lib/postgresql/<version>/bin
 * (Debian's layout, newest first); the first whose major version is not below the server's is used.
 * Counts use `pg` directly, not db/client.ts.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  BackupError,
  backupsNamed,
  COUNTED_TABLES,
  copyFolder,
  countFiles,
  DatabaseInUseError,
  FILE_TABLES,
  move,
  pruneBackupsNamed,
  siblingAttachmentsDir,
  type TableCounts,
  timestamp,
} from "./backup";

export const DUMP_EXTENSION = ".dump";

/** Where Debian's postgresql-client-N puts its programs: `<root>/N/bin`. */
export const DEBIAN_PG_ROOT = "/usr/lib/postgresql";

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.password) return url;
    u.password = "***";
    return u.href;
  } catch {
    return "（无法解析的 DATABASE_URL）";
  }
}

/**
 * How pg_dump and pg_restore are given the connection: the URL without its password (a command line is
 * visible to every user in `ps`) and the password in PGPASSWORD. They never prompt (--no-password): a cron
 * job would hang.
 */
function toolConnection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: process.env.PGAPPNAME ?? "tian-banli-backup" };
  try {
    const u = new URL(url);
    if (u.password) {
      env.PGPASSWORD = decodeURIComponent(u.password);
      u.password = "";
      return { url: u.href, env };
    }
  } catch {
    // libpq reports what it cannot parse.
  }
  return { url, env };
}

/** A file name part from a database name (which may hold `/`). */
function fileNamePart(dbname: string): string {
  return dbname.replace(/[/\\\u0000-\u001f]/g, "_");
}

// ---------------------------------------------------------------------------------------------------------
// Finding pg_dump and pg_restore

export type PgTool = { path: string; major: number; version: string };

export type ToolSearch = {
  /** Environment to read PATH and PG_BIN_DIR from; default process.env. */
  env?: Record<string, string | undefined>;
  /** Root of the versioned folders; default /usr/lib/postgresql. */
  debianRoot?: string;
};

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function compareVersionsDescending(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Where `tool` may be, in the order tried: only PG_BIN_DIR when set, else PATH, then Debian's folders newest first. */
export function pgToolCandidates(tool: string, search: ToolSearch = {}): string[] {
  const env = search.env ?? process.env;
  if (env.PG_BIN_DIR) return [path.join(env.PG_BIN_DIR, tool)].filter(isExecutableFile);
  const onPath = (env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, tool));
  const root = search.debianRoot ?? DEBIAN_PG_ROOT;
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    // No such folder: not Debian's layout.
  }
  const debian = versions.sort(compareVersionsDescending).map((v) => path.join(root, v, "bin", tool));
  return [...new Set([...onPath, ...debian])].filter(isExecutableFile);
}

/** `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` → major 15, version 15.18; null when it does not run or say so. */
export function pgToolVersion(file: string): PgTool | null {
  const result = spawnSync(file, ["--version"], { encoding: "utf8", timeout: 10_000 });
  const match = result.status === 0 ? /\(PostgreSQL\)\s+(\d+(?:\.\d+)*)/.exec(result.stdout) : null;
  if (!match) return null;
  return { path: file, major: Number(match[1]!.split(".")[0]), version: match[1]! };
}

/**
 * The first `tool` found whose major version is at least the server's (pg_dump refuses a newer server;
 * pg_restore is taken by the same rule so that both come from one client). Throws BackupError naming
 * the Debian package when there is none.
 */
export function findPgTool(
  tool: "pg_dump" | "pg_restore",
  server: { major: number; version: string } | null,
  search: ToolSearch = {},
): PgTool {
  const env = search.env ?? process.env;
  const found = pgToolCandidates(tool, search)
    .map(pgToolVersion)
    .filter((t): t is PgTool => t !== null);
  const install = `请安装 PostgreSQL 客户端（Debian/Ubuntu：apt-get install postgresql-client${server ? `，主版本不低于服务器的 ${server.major}` : ""}），或用 PG_BIN_DIR 指定其所在文件夹。`;
  if (found.length === 0) {
    const where = env.PG_BIN_DIR
      ? `PG_BIN_DIR 指定的文件夹 ${env.PG_BIN_DIR} 中没有可运行的 ${tool}`
      : `PATH 和 ${search.debianRoot ?? DEBIAN_PG_ROOT}/*/bin 中都没有`;
    throw new BackupError(`找不到 ${tool}：${where}。${install}`);
  }
  const usable = server === null ? found[0] : found.find((t) => t.major >= server.major);
  if (!usable) {
    const seen = found.map((t) => `${t.path}（${t.version}）`).join("、");
    throw new BackupError(
      `数据库服务器是 PostgreSQL ${server!.version}，而找到的 ${tool} 主版本较低：${seen}。${tool} 的主版本不能低于服务器的主版本（${server!.major}）。${install.replace("postgresql-client", `postgresql-client-${server!.major}`)}`,
    );
  }
  return usable;
}

// ---------------------------------------------------------------------------------------------------------
// Running the tools

type ToolResult = { code: number; stdout: string; stderr: string };

function run(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr: stderr.trim() }));
  });
}

type TocEntry = { type: string; schema: string; name: string };

/** The table of contents `pg_restore --list` prints: `3803; 0 16392 TABLE DATA drizzle __drizzle_migrations root`. */
function parseToc(listing: string): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const line of listing.split("\n")) {
    const m = /^\d+; \d+ \d+ (TABLE DATA|TABLE|VIEW|MATERIALIZED VIEW) (\S+) (\S+) /.exec(line);
    if (m) entries.push({ type: m[1]!, schema: m[2]!, name: m[3]! });
  }
  return entries;
}

/** Reads a dump's table of contents; throws BackupError when pg_restore cannot, or it is not this system's database. */
async function checkDump(pgRestore: PgTool, file: string, what: string): Promise<{ entries: number; tables: TocEntry[] }> {
  const listed = await run(pgRestore, ["--list", file], process.env);
  if (listed.code !== 0) {
    const hint = path.extname(file) === ".db" ? "（.db 是 SQLite 数据库的备份，而 DATABASE_URL 指向 PostgreSQL）" : "";
    throw new BackupError(`${what}已损坏或不是 pg_dump 自定义格式（-Fc）的备份${hint}：${file}\npg_restore --list：${listed.stderr}`);
  }
  const toc = parseToc(listed.stdout);
  const has = (type: string, schema: string, name: string) => toc.some((e) => e.type === type && e.schema === schema && e.name === name);
  const complete = has("TABLE DATA", "drizzle", "__drizzle_migrations") && COUNTED_TABLES.every((t) => has("TABLE DATA", "public", t));
  if (!complete) throw new BackupError(`${what}不是本系统数据库的完整备份（缺少数据表）：${file}`);
  const entries = listed.stdout.split("\n").filter((line) => /^\d+;/.test(line)).length;
  return { entries, tables: toc.filter((e) => e.type !== "TABLE DATA") };
}

// ---------------------------------------------------------------------------------------------------------
// Reading the database

type Server = { major: number; version: string };

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "tian-banli-backup" });
  // A connection dropped while idle would otherwise crash the process; the next query reports it.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`无法连接 PostgreSQL 数据库 ${redactUrl(url)}：${(error as Error).message}`);
  }
  return client;
}

async function serverOf(client: pg.Client): Promise<Server & { database: string }> {
  const { rows } = await client.query<{ num: string; version: string; database: string }>(
    "select current_setting('server_version_num') as num, current_setting('server_version') as version, current_database() as database",
  );
  const row = rows[0]!;
  return { major: Math.floor(Number(row.num) / 10000), version: row.version.split(" ")[0]!, database: row.database };
}

/** The tables and views in the schemas the application uses (`public`, and `drizzle` for its migrations log). */
async function relationsOf(client: pg.Client): Promise<{ schema: string; name: string }[]> {
  const { rows } = await client.query<{ schema: string; name: string }>(
    "select table_schema as schema, table_name as name from information_schema.tables where table_schema in ('public', 'drizzle') order by 1, 2",
  );
  return rows;
}

function isAppDatabase(relations: { schema: string; name: string }[]): boolean {
  const has = (schema: string, name: string) => relations.some((r) => r.schema === schema && r.name === name);
  return has("drizzle", "__drizzle_migrations") && COUNTED_TABLES.every((t) => has("public", t));
}

async function countRows(client: pg.Client): Promise<TableCounts> {
  const sql = `select ${COUNTED_TABLES.map((t) => `(select count(*) from "${t}") as "${t}"`).join(", ")}`;
  const { rows } = await client.query<Record<string, string>>(sql);
  const counts = {} as TableCounts;
  for (const table of COUNTED_TABLES) counts[table] = Number(rows[0]![table]);
  return counts;
}

async function missingAttachmentFiles(client: pg.Client, attachmentsDir: string): Promise<string[]> {
  const relations = await relationsOf(client);
  const present = FILE_TABLES.filter((t) => relations.some((r) => r.schema === "public" && r.name === t));
  if (present.length === 0) return [];
  const { rows } = await client.query<{ storage_path: string }>(present.map((t) => `select storage_path from "${t}"`).join(" union all "));
  return rows.map((r) => r.storage_path).filter((p) => !fs.existsSync(path.join(attachmentsDir, p)));
}

// ---------------------------------------------------------------------------------------------------------
// Backup

export type PgBackupOptions = {
  /** The live attachments folder (the script passes ATTACHMENTS_DIR). */
  attachmentsDir: string;
  /** Folder of the backup; default `backups/` beside the attachments folder. Ignored when `file` is given. */
  dir?: string;
  /** Exact backup file name; default `<dir>/<dbname>-YYYYMMDD-HHMMSS.dump`. */
  file?: string;
  now?: Date;
  tools?: ToolSearch;
};

export type PgBackupSummary = {
  database: string;
  server: string;
  file: string;
  bytes: number;
  /** Entries in the dump's table of contents (pg_restore --list). */
  tocEntries: number;
  attachmentsDir: string;
  attachmentFiles: number;
  /** Row counts in the snapshot the dump holds. */
  counts: TableCounts;
  missingAttachments: string[];
  pgDump: PgTool;
};

/** `backups/` beside the attachments folder: where the SQLite backups of the default layout go too (`data/backups`). */
export function defaultBackupsDir(attachmentsDir: string): string {
  return path.join(path.dirname(path.resolve(attachmentsDir)), "backups");
}

/**
 * Backs up the database at `url` (safe while the server writes) and its attachments, checks the dump
 * with pg_restore --list, and returns what it holds. Throws BackupError when anything fails; nothing
 * is left behind then.
 */
export async function backupPgDatabase(url: string, options: PgBackupOptions): Promise<PgBackupSummary> {
  const client = await connect(url);
  let partial: string | null = null;
  try {
    const server = await serverOf(client);
    const pgDump = findPgTool("pg_dump", server, options.tools);
    const pgRestore = findPgTool("pg_restore", server, options.tools);
    if (!isAppDatabase(await relationsOf(client))) throw new BackupError(`不是本系统的数据库：${server.database}（${redactUrl(url)}）`);

    const name = `${fileNamePart(server.database)}-${timestamp(options.now ?? new Date())}${DUMP_EXTENSION}`;
    const file = path.resolve(options.file ?? path.join(options.dir ?? defaultBackupsDir(options.attachmentsDir), name));
    if (fs.existsSync(file)) throw new BackupError(`备份文件已存在，未覆盖：${file}`);
    const attachmentsTo = siblingAttachmentsDir(file);
    if (fs.existsSync(attachmentsTo)) throw new BackupError(`备份附件文件夹已存在，未覆盖：${attachmentsTo}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    partial = `${file}.partial`;
    fs.rmSync(partial, { force: true });

    // The snapshot is taken by the transaction's first statement; pg_dump and the counts below share it.
    await client.query("begin isolation level repeatable read read only");
    const { rows } = await client.query<{ id: string }>("select pg_export_snapshot() as id");
    const connection = toolConnection(url);
    const dumped = await run(
      pgDump,
      ["--format=custom", `--snapshot=${rows[0]!.id}`, "--no-password", `--file=${partial}`, `--dbname=${connection.url}`],
      connection.env,
    );
    if (dumped.code !== 0) throw new BackupError(`pg_dump 失败（退出码 ${dumped.code}）：\n${dumped.stderr}`);
    const counts = await countRows(client);
    const missingAttachments = await missingAttachmentFiles(client, options.attachmentsDir);
    await client.query("commit");

    const { entries } = await checkDump(pgRestore, partial, "备份文件");
    copyFolder(options.attachmentsDir, attachmentsTo);
    // The .dump appears last: a backup file with its name is a complete backup.
    fs.renameSync(partial, file);
    partial = null;
    return {
      database: server.database,
      server: server.version,
      file,
      bytes: fs.statSync(file).size,
      tocEntries: entries,
      attachmentsDir: attachmentsTo,
      attachmentFiles: countFiles(attachmentsTo),
      counts,
      missingAttachments,
      pgDump,
    };
  } finally {
    if (partial) fs.rmSync(partial, { force: true });
    await client.end().catch(() => {});
  }
}

/** The backups of database `dbname` in `dir` (`<dbname>-YYYYMMDD-HHMMSS.dump`), newest first; copies set aside by a restore are not. */
export function pgBackupsOf(dbname: string, dir: string): string[] {
  return backupsNamed(fileNamePart(dbname), dir, DUMP_EXTENSION);
}

/** Deletes all but the `keep` newest backups of `dbname` in `dir`, each with its attachments; returns the files deleted. */
export function prunePgBackups(dbname: string, dir: string, keep: number): string[] {
  return pruneBackupsNamed(fileNamePart(dbname), dir, DUMP_EXTENSION, keep);
}

// ---------------------------------------------------------------------------------------------------------
// Restore

export type PgRestoreOptions = {
  /** The target's attachments folder (the script passes ATTACHMENTS_DIR). */
  attachmentsDir: string;
  /** Where the replaced database (a dump of it) and attachments are kept; default `backups/` beside the attachments folder. */
  asideDir?: string;
  /** Restore the database only and leave the attachments folder as it is. */
  skipAttachments?: boolean;
  now?: Date;
  tools?: ToolSearch;
};

export type PgRestoreSummary = {
  database: string;
  counts: TableCounts;
  attachmentsDir: string | null;
  attachmentFiles: number;
  /** What was replaced, kept aside: a dump of the database (null when it had none of the application's tables) and the attachments folder (null when there was none). */
  replaced: { file: string | null; attachmentsDir: string | null } | null;
  missingAttachments: string[];
};

/**
 * Replaces the database at `url` (and its attachments) with a backup: checks the dump with pg_restore
 * --list, refuses while another session is connected or when the database has tables the backup would
 * not replace, keeps a dump of the current database and its attachments aside, and restores in a single
 * transaction (on failure the database is unchanged and the attachments are put back).
 */
export async function restorePgDatabase(backupFile: string, url: string, options: PgRestoreOptions): Promise<PgRestoreSummary> {
  if (!fs.existsSync(backupFile)) throw new BackupError(`备份文件不存在：${backupFile}`);
  const backupAttachments = siblingAttachmentsDir(backupFile);
  if (!options.skipAttachments && !fs.existsSync(backupAttachments)) {
    throw new BackupError(`备份旁没有附件文件夹：${backupAttachments}\n若确认只恢复数据库、保留现有附件，请加 --skip-attachments。`);
  }
  const attachmentsDir = options.attachmentsDir;
  const client = await connect(url);
  try {
    const server = await serverOf(client);
    const pgRestore = findPgTool("pg_restore", server, options.tools);
    const pgDump = findPgTool("pg_dump", server, options.tools);
    const { tables: inBackup } = await checkDump(pgRestore, backupFile, "备份文件");

    // Anything else connected (the server, the mail worker, psql) would see the tables dropped under it.
    const others = await client.query<{ application_name: string; usename: string }>(
      "select application_name, usename from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'",
    );
    if (others.rows.length > 0) {
      const who = [...new Set(others.rows.map((r) => r.application_name || r.usename || "?"))].join("、");
      throw new DatabaseInUseError(
        `数据库 ${server.database} 正在被其他连接使用（${others.rows.length} 个：${who}）。\n请先停止服务（npm start / npm run demo，包括邮件发送进程）并断开连接此数据库的其他程序（psql 等），再执行恢复。`,
      );
    }

    // --clean drops only what the backup holds: a table added since (a newer version's migration) would stay.
    const relations = await relationsOf(client);
    const extra = relations.filter((r) => !inBackup.some((e) => e.schema === r.schema && e.name === r.name));
    if (extra.length > 0) {
      throw new BackupError(
        `目标数据库 ${server.database} 中有备份里没有的表或视图，恢复不会删除它们：${extra.map((r) => `${r.schema}.${r.name}`).join("、")}\n请新建一个空数据库（createdb）并让 DATABASE_URL 指向它，或先删除这些表，再执行恢复。`,
      );
    }

    // Keep what is replaced.
    const stamp = timestamp(options.now ?? new Date());
    const asideFile = path.join(
      options.asideDir ?? defaultBackupsDir(attachmentsDir),
      `${fileNamePart(server.database)}-before-restore-${stamp}${DUMP_EXTENSION}`,
    );
    const asideAttachments = siblingAttachmentsDir(asideFile);
    if (fs.existsSync(asideFile) || fs.existsSync(asideAttachments)) throw new BackupError(`文件已存在，未覆盖：${asideFile}`);
    const connection = toolConnection(url);
    let replaced: PgRestoreSummary["replaced"] = null;
    if (relations.length > 0) {
      fs.mkdirSync(path.dirname(asideFile), { recursive: true });
      const dumped = await run(
        pgDump,
        ["--format=custom", "--no-password", `--file=${asideFile}.partial`, `--dbname=${connection.url}`],
        connection.env,
      );
      if (dumped.code !== 0) {
        fs.rmSync(`${asideFile}.partial`, { force: true });
        throw new BackupError(`未恢复：保存现有数据库时 pg_dump 失败（退出码 ${dumped.code}）：\n${dumped.stderr}`);
      }
      fs.renameSync(`${asideFile}.partial`, asideFile);
      replaced = { file: asideFile, attachmentsDir: null };
    }
    if (!options.skipAttachments && fs.existsSync(attachmentsDir)) {
      move(attachmentsDir, asideAttachments);
      replaced = { file: replaced?.file ?? null, attachmentsDir: asideAttachments };
    }

    const restored = await run(
      pgRestore,
      ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--no-password", `--dbname=${connection.url}`, backupFile],
      connection.env,
    );
    if (restored.code !== 0) {
      // The single transaction rolled back: the database is as it was, so is the folder again.
      if (replaced?.attachmentsDir) move(replaced.attachmentsDir, attachmentsDir);
      if (replaced?.file) fs.rmSync(replaced.file, { force: true });
      throw new BackupError(`pg_restore 失败，数据库未改变（单一事务已回滚）：\n${restored.stderr}`);
    }

    const counts = await countRows(client);
    const missingAttachments = await missingAttachmentFiles(client, options.skipAttachments ? attachmentsDir : backupAttachments);
    if (!options.skipAttachments) copyFolder(backupAttachments, attachmentsDir);
    return {
      database: server.database,
      counts,
      attachmentsDir: options.skipAttachments ? null : attachmentsDir,
      attachmentFiles: options.skipAttachments ? 0 : countFiles(attachmentsDir),
      replaced,
      missingAttachments,
    };
  } finally {
    await client.end().catch(() => {});
  }
}
