/**
 * `npm run backup` / `npm run restore` on PostgreSQL (db/backup-pg.ts, scripts/lib/pg-backup-commands.ts):
 * each test on a database of its own (freshPgDatabase, needs PG_TEST_URL; never skipped), with the
 * machine's pg_dump and pg_restore.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { BackupError, DatabaseInUseError } from "@/db/backup";
import { backupPgDatabase, findPgTool, pgBackupsOf, pgToolCandidates, prunePgBackups, restorePgDatabase } from "@/db/backup-pg";
import { freshPgDatabase, type PgTestDatabase } from "./pg-database";

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** A fresh database and a folder for its attachments and backups, both removed after the test. */
async function setUp(): Promise<
  PgTestDatabase & { root: string; attachmentsDir: string; backupsDir: string; stored: Record<string, Buffer> }
> {
  const t = await freshPgDatabase();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "backup-pg-"));
  cleanups.push(t.drop, () => fs.rmSync(root, { recursive: true, force: true }));
  const attachmentsDir = path.join(root, "attachments");
  return { ...t, root, attachmentsDir, backupsDir: path.join(root, "backups"), stored: await seed(t.pool, attachmentsDir) };
}

/** A few rows in the tables a backup counts, and two attachment files on the first proposal. */
async function seed(pool: pg.Pool, attachmentsDir: string): Promise<Record<string, Buffer>> {
  const now = Date.UTC(2026, 5, 15, 2, 0, 0);
  // One simple-protocol query (several statements, so no parameters).
  await pool.query(
    `insert into sessions (id, body, term, meeting, year, kind, created_at) values (1, '区政协', '第十四届', '第三次会议', 2026, 'proposal', ${now});
     insert into units (id, name, short_name, doc_prefix, index_prefix, kind, created_at) values
       (1, '区政协提案委员会', '提案委', '提', 'TA', 'office', ${now}), (2, '区教育局', '教育局', '教', 'JY', 'handler', ${now});
     insert into users (id, username, display_name, role, unit_id, created_at) values
       (1, 'coordinator', '协调员', 'coordinator', 1, ${now}), (2, 'handler', '承办员', 'handler', 2, ${now}), (3, 'member', '委员甲', 'member', null, ${now});
     insert into proposals (id, session_id, number, title, body, received_on, registered_by, created_at, updated_at) values
       (1, 1, 1, '关于增加学位供给的提案', '正文一', '2026-06-01', 1, ${now}, ${now}),
       (2, 1, 2, '关于改善交通的建议', '正文二', '2026-06-02', 1, ${now}, ${now}),
       (3, 1, 3, '关于社区养老的提案', '正文三', '2026-06-03', 1, ${now}, ${now});
     insert into events (proposal_id, actor_id, action, to_state, data, created_at) values
       (1, 1, 'register', 'registered', '{"note": "登记"}', ${now}), (2, 1, 'register', 'registered', null, ${now}),
       (3, 1, 'register', 'registered', null, ${now}), (1, 1, 'assign', 'assigned', '{"units": [2]}', ${now});
     insert into notifications (user_id, proposal_id, kind, message, created_at) values (2, 1, 'assigned', '新交办：提案 1', ${now})`,
  );
  // Identity columns given explicit ids: move the sequences on, as a copy does.
  for (const table of ["sessions", "units", "users", "proposals"])
    await pool.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from "${table}"))`);
  const files = { "说明材料.txt": Buffer.from("附件一：调研报告。\n"), "照片.jpg": Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) };
  const stored: Record<string, Buffer> = {};
  for (const [fileName, bytes] of Object.entries(files)) {
    const storagePath = `1/${createHash("sha256").update(fileName).digest("hex").slice(0, 32)}`;
    fs.mkdirSync(path.join(attachmentsDir, "1"), { recursive: true });
    fs.writeFileSync(path.join(attachmentsDir, storagePath), bytes);
    await pool.query(
      "insert into attachments (proposal_id, file_name, mime_type, size, storage_path, sha256, uploaded_by, created_at) values (1, $1, 'application/octet-stream', $2, $3, $4, 1, $5)",
      [fileName, bytes.byteLength, storagePath, createHash("sha256").update(bytes).digest("hex"), now],
    );
    stored[storagePath] = bytes;
  }
  return stored;
}

/** Tables the concurrent writer does not touch, with the one the triggers keep. */
const CHECKED_TABLES = ["sessions", "units", "users", "proposals", "events", "attachments", "proposal_statistics"];

/** Row count and an md5 over every row's text, per table. */
async function checksums(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sums: Record<string, string> = {};
    for (const table of CHECKED_TABLES) {
      const { rows } = await client.query<{ n: string; sum: string | null }>(
        `select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as sum from "${table}" t`,
      );
      sums[table] = `${rows[0]!.n}:${rows[0]!.sum}`;
    }
    return sums;
  } finally {
    await client.end();
  }
}

async function one<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows[0]!;
  } finally {
    await client.end();
  }
}

/** Inserts notifications one by one on a connection of its own until stopped; `committed` counts them. */
function startWriter(url: string) {
  const state = { committed: 0, stop: false };
  const done = (async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      while (!state.stop) {
        await client.query("insert into notifications (user_id, kind, message, created_at) values (3, 'backup-test', $1, 0)", [
          `写入 ${state.committed}`,
        ]);
        state.committed++;
        await new Promise((r) => setTimeout(r, 2));
      }
    } finally {
      await client.end();
    }
  })();
  return { state, done };
}

async function until(condition: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs `npm run backup|restore` (the script through tsx) with the given environment added. */
function cli(script: "backup" | "restore", args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", `scripts/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_PATH: undefined, PG_BIN_DIR: undefined, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const listing = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

describe("PostgreSQL backup and restore", () => {
  it("restores the state at backup time, attachments included, although another connection kept writing during the backup", async () => {
    const t = await setUp();
    const expected = await checksums(t.url);

    const writer = startWriter(t.url);
    await until(() => writer.state.committed >= 10);
    const committedBefore = writer.state.committed;
    const backup = await backupPgDatabase(t.url, { attachmentsDir: t.attachmentsDir, dir: t.backupsDir });
    const committedAfter = writer.state.committed;
    await until(() => writer.state.committed >= committedAfter + 5); // still writing after the backup
    writer.state.stop = true;
    await writer.done;

    const database = new URL(t.url).pathname.slice(1);
    expect(backup.database).toBe(database);
    expect(path.basename(backup.file)).toMatch(new RegExp(`^${database}-\\d{8}-\\d{6}\\.dump$`));
    expect(path.dirname(backup.file)).toBe(t.backupsDir);
    expect(backup.attachmentsDir).toBe(backup.file.replace(/\.dump$/, "-attachments"));
    expect(backup.attachmentFiles).toBe(2);
    expect(backup.missingAttachments).toEqual([]);
    expect(backup.tocEntries).toBeGreaterThan(100);
    expect(backup.counts).toMatchObject({ units: 2, users: 3, proposals: 3, events: 4, attachments: 2 });
    // The counts are the dump's snapshot: the writer's rows up to some moment during the backup.
    expect(backup.counts.notifications).toBeGreaterThanOrEqual(1 + committedBefore);
    expect(backup.counts.notifications).toBeLessThanOrEqual(1 + committedAfter + 1);
    expect(pgBackupsOf(database, t.backupsDir)).toEqual([backup.file]);
    expect(listing(t.backupsDir).filter((f) => f.endsWith(".partial"))).toEqual([]);

    // Life goes on after the backup: rows change and disappear (events are append-only, so not there),
    // an attachment is replaced, one deleted, one added.
    await t.pool.query("update proposals set title = title || '（已修改）'");
    await t.pool.query("update users set display_name = '改名' where id = 2");
    await t.pool.query("delete from attachments where id = (select max(id) from attachments)");
    await t.pool.query("delete from notifications where kind = 'assigned'");
    await t.pool.query(
      "insert into units (name, short_name, doc_prefix, index_prefix, kind, created_at) values ('区卫健委', '卫健委', '卫', 'WJ', 'handler', 0)",
    );
    await t.pool.query("insert into events (proposal_id, actor_id, action, created_at) values (2, 1, 'note', 0)");
    const [first, second] = Object.keys(t.stored);
    fs.writeFileSync(path.join(t.attachmentsDir, first!), "被覆盖的内容");
    fs.rmSync(path.join(t.attachmentsDir, second!));
    fs.writeFileSync(path.join(t.attachmentsDir, "stray.bin"), "备份之后才有的文件");
    const changed = await checksums(t.url);
    expect(changed).not.toEqual(expected);

    // While another session is connected, the restore refuses and changes nothing.
    const held = await t.pool.connect();
    try {
      await expect(restorePgDatabase(backup.file, t.url, { attachmentsDir: t.attachmentsDir })).rejects.toThrow(DatabaseInUseError);
    } finally {
      held.release(); // else ending the pool waits for it and the database is never dropped
    }
    await t.pool.end();
    expect(await checksums(t.url)).toEqual(changed);
    expect(fs.existsSync(path.join(t.attachmentsDir, "stray.bin"))).toBe(true);
    expect(listing(t.backupsDir).filter((f) => f.includes("before-restore"))).toEqual([]);

    const restored = await restorePgDatabase(backup.file, t.url, { attachmentsDir: t.attachmentsDir });
    expect(restored.counts).toEqual(backup.counts);
    expect(await checksums(t.url)).toEqual(expected);
    const notifications = await one<{ n: string }>(t.url, "select count(*) as n from notifications where kind = 'assigned'");
    expect(Number(notifications.n)).toBe(1);
    for (const [storagePath, bytes] of Object.entries(t.stored))
      expect(fs.readFileSync(path.join(t.attachmentsDir, storagePath))).toEqual(bytes);
    expect(fs.existsSync(path.join(t.attachmentsDir, "stray.bin"))).toBe(false);
    expect(restored.missingAttachments).toEqual([]);

    // The restored database works as before: identities continue past the restored ids, events stay append-only.
    const unit = await one<{ id: number }>(
      t.url,
      "insert into units (name, short_name, doc_prefix, index_prefix, kind, created_at) values ('区民政局', '民政局', '民', 'MZ', 'handler', 0) returning id",
    );
    expect(unit.id).toBe(3);
    await expect(one(t.url, "update events set comment = 'x' where id = 1")).rejects.toThrow(/append-only/);

    // What was replaced is kept aside: a dump of it (changes and all) and its attachments.
    expect(restored.replaced?.file).toMatch(new RegExp(`${database}-before-restore-\\d{8}-\\d{6}\\.dump$`));
    const aside = restored.replaced!;
    expect(fs.existsSync(path.join(aside.attachmentsDir!, "stray.bin"))).toBe(true);
    const back = await restorePgDatabase(aside.file!, t.url, {
      attachmentsDir: t.attachmentsDir,
      skipAttachments: true,
      now: new Date(2030, 0, 1),
    });
    expect(back.counts.units).toBe(3);
    expect(await checksums(t.url)).toEqual(changed);
  }, 60_000);

  it("refuses a damaged backup, a SQLite backup and a database with tables the backup lacks, changing nothing", async () => {
    const t = await setUp();
    const backup = await backupPgDatabase(t.url, { attachmentsDir: t.attachmentsDir, dir: t.backupsDir });
    await t.pool.query("update units set name = '备份之后改的名' where id = 2");
    await t.pool.end();
    const before = await checksums(t.url);
    const attachmentsBefore = listing(path.join(t.attachmentsDir, "1"));
    const unchanged = async () => {
      expect(await checksums(t.url)).toEqual(before);
      expect(listing(path.join(t.attachmentsDir, "1"))).toEqual(attachmentsBefore);
      expect(listing(t.backupsDir).filter((f) => f.includes("before-restore"))).toEqual([]);
    };

    // Cut short: pg_restore --list cannot read it.
    const bytes = fs.readFileSync(backup.file);
    const cut = path.join(t.backupsDir, "cut.dump");
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    fs.cpSync(backup.attachmentsDir, path.join(t.backupsDir, "cut-attachments"), { recursive: true });
    await expect(restorePgDatabase(cut, t.url, { attachmentsDir: t.attachmentsDir })).rejects.toThrow(
      /备份文件已损坏或不是 pg_dump 自定义格式/,
    );
    await unchanged();

    // Garbage in the table data at its end: the table of contents reads, the restore fails midway, after
    // --clean has dropped the tables, and its single transaction rolls back; the attachments are put back.
    const damaged = path.join(t.backupsDir, "damaged.dump");
    const garbage = Buffer.from(bytes);
    garbage.fill(0x5a, bytes.length - 300, bytes.length - 240);
    fs.writeFileSync(damaged, garbage);
    fs.cpSync(backup.attachmentsDir, path.join(t.backupsDir, "damaged-attachments"), { recursive: true });
    await expect(restorePgDatabase(damaged, t.url, { attachmentsDir: t.attachmentsDir })).rejects.toThrow(
      /pg_restore 失败，数据库未改变（单一事务已回滚）/,
    );
    await unchanged();

    // Not a dump at all, or a SQLite backup.
    const sqlite = path.join(t.backupsDir, "app-20260615-101500.db");
    fs.writeFileSync(sqlite, "SQLite format 3\0");
    fs.mkdirSync(path.join(t.backupsDir, "app-20260615-101500-attachments"));
    await expect(restorePgDatabase(sqlite, t.url, { attachmentsDir: t.attachmentsDir })).rejects.toThrow(
      /不是 pg_dump 自定义格式.*SQLite/s,
    );
    await unchanged();

    // A table the backup does not have (a later version's migration) would survive --clean: refused.
    await one(t.url, "create table later_table (id integer)");
    await expect(restorePgDatabase(backup.file, t.url, { attachmentsDir: t.attachmentsDir })).rejects.toThrow(/public\.later_table/);
    await one(t.url, "drop table later_table");
    await unchanged();
  }, 60_000);
});

describe("npm run backup / npm run restore with a PostgreSQL DATABASE_URL", () => {
  it("backs up with --keep, deleting only the older backups of that database, then restores", async () => {
    const t = await setUp();
    const database = new URL(t.url).pathname.slice(1);
    const old = ["20200101-000000", "20200102-000000"];
    for (const stamp of old) {
      fs.mkdirSync(path.join(t.backupsDir, `${database}-${stamp}-attachments`, "1"), { recursive: true });
      fs.writeFileSync(path.join(t.backupsDir, `${database}-${stamp}.dump`), "");
    }
    const others = [
      `${database}-before-restore-20200103-000000.dump`,
      "other-20200101-000000.dump",
      `${database}-20200104-000000.db`,
      "notes.txt",
    ];
    for (const f of others) fs.writeFileSync(path.join(t.backupsDir, f), "");
    const env = { DATABASE_URL: t.url, ATTACHMENTS_DIR: t.attachmentsDir };

    const backup = await cli("backup", ["--dir", t.backupsDir, "--keep", "2"], env);
    expect(backup.status, backup.stdout + backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`已备份 PostgreSQL 数据库 ${database}`);
    expect(backup.stdout).toContain("检查（pg_restore --list）：ok");
    expect(backup.stdout).toContain("数据（与备份同一快照）：单位 2，用户 3，提案/建议 3");
    expect(backup.stdout).toContain(`删除了较早的 1 份：${database}-20200101-000000.dump`);
    const made = pgBackupsOf(database, t.backupsDir);
    expect(made.map((f) => path.basename(f))).toEqual([
      expect.stringMatching(new RegExp(`^${database}-\\d{8}-\\d{6}\\.dump$`)),
      `${database}-20200102-000000.dump`,
    ]);
    expect(listing(t.backupsDir)).toEqual(
      [...made.flatMap((f) => [f, f.replace(/\.dump$/, "-attachments")]).map((f) => path.basename(f)), ...others].sort(),
    );
    expect(listing(path.join(t.backupsDir, `${path.basename(made[0]!, ".dump")}-attachments`, "1"))).toEqual(
      Object.keys(t.stored)
        .map((p) => p.slice(2))
        .sort(),
    );
    expect(prunePgBackups(database, t.backupsDir, 2)).toEqual([]);
    expect(() => prunePgBackups(database, t.backupsDir, 0)).toThrow(BackupError);

    // Without ATTACHMENTS_DIR, or with the SQLite options, it refuses before doing anything.
    const [noAttachments, withDb] = await Promise.all([
      cli("backup", ["--dir", t.backupsDir], { DATABASE_URL: t.url, ATTACHMENTS_DIR: undefined }),
      cli("backup", ["--db", "data/app.db"], env),
    ]);
    expect(noAttachments.status).toBe(2);
    expect(noAttachments.stderr).toContain("须设置 ATTACHMENTS_DIR");
    expect(withDb.status).toBe(2);
    expect(withDb.stderr).toContain("不能同时使用 --db / --demo");

    // Restore through the command: refused while the test's pool is connected, done once it is closed.
    await t.pool.query("update proposals set title = '改过'");
    const refused = await cli("restore", [made[0]!], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("未恢复：数据库");
    expect(refused.stderr).toContain("正在被其他连接使用");
    await t.pool.end();
    const restore = await cli("restore", [made[0]!], env);
    expect(restore.status, restore.stdout + restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`恢复 PostgreSQL 数据库 ${database}`);
    expect(restore.stdout).toContain("原数据库已另存为");
    const titles = await one<{ n: string }>(t.url, "select count(*) as n from proposals where title = '改过'");
    expect(Number(titles.n)).toBe(0);
    // Each command starts tsx (2–3 s on a loaded 2-core machine) besides pg_dump and pg_restore.
  }, 90_000);

  it("says in Chinese that pg_dump is missing or older than the server, and which package to install", async () => {
    // Pure look-ups first: nothing on PATH and no Debian folders.
    const nowhere = path.join(os.tmpdir(), "no-such-postgresql");
    expect(() => findPgTool("pg_dump", null, { env: { PATH: "" }, debianRoot: nowhere })).toThrow(
      /找不到 pg_dump：PATH 和 .*no-such-postgresql\/\*\/bin 中都没有。请安装 PostgreSQL 客户端（Debian\/Ubuntu：apt-get install postgresql-client）/,
    );

    // Debian's folders, newest first; the first not older than the server is taken.
    const fake = fs.mkdtempSync(path.join(os.tmpdir(), "fake-pg-"));
    cleanups.push(() => fs.rmSync(fake, { recursive: true, force: true }));
    for (const version of ["9.6", "15", "16", "11"]) {
      fs.mkdirSync(path.join(fake, version, "bin"), { recursive: true });
      const full = version.includes(".") ? `${version}.24` : `${version}.2`;
      fs.writeFileSync(path.join(fake, version, "bin", "pg_dump"), `#!/bin/sh\necho "pg_dump (PostgreSQL) ${full}"\n`, { mode: 0o755 });
    }
    fs.mkdirSync(path.join(fake, "old", "bin"), { recursive: true });
    expect(pgToolCandidates("pg_dump", { env: { PATH: "" }, debianRoot: fake })).toEqual(
      ["16", "15", "11", "9.6"].map((v) => path.join(fake, v, "bin", "pg_dump")),
    );
    expect(findPgTool("pg_dump", { major: 15, version: "15.18" }, { env: { PATH: "" }, debianRoot: fake }).version).toBe("16.2");
    expect(
      findPgTool("pg_dump", { major: 11, version: "11.20" }, { env: { PATH: path.join(fake, "11", "bin") }, debianRoot: fake }).version,
    ).toBe("11.2");
    expect(() => findPgTool("pg_dump", { major: 17, version: "17.1" }, { env: { PATH: "" }, debianRoot: fake })).toThrow(
      /数据库服务器是 PostgreSQL 17\.1，而找到的 pg_dump 主版本较低：.*16\.2.*pg_dump 的主版本不能低于服务器的主版本（17）.*apt-get install postgresql-client-17/,
    );

    // The commands, with PG_BIN_DIR pointing nowhere or at an old pg_dump: exit 1, nothing written.
    const t = await setUp();
    const env = { DATABASE_URL: t.url, ATTACHMENTS_DIR: t.attachmentsDir };
    const dump = path.join(t.root, "x.dump");
    fs.writeFileSync(dump, "");
    const [missing, tooOld, restore] = await Promise.all([
      cli("backup", ["--dir", t.backupsDir], { ...env, PG_BIN_DIR: nowhere }),
      cli("backup", ["--dir", t.backupsDir], { ...env, PG_BIN_DIR: path.join(fake, "9.6", "bin") }),
      cli("restore", [dump, "--skip-attachments"], { ...env, PG_BIN_DIR: nowhere }),
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`备份失败：找不到 pg_dump：PG_BIN_DIR 指定的文件夹 ${nowhere} 中没有可运行的 pg_dump`);
    expect(missing.stderr).toContain("apt-get install postgresql-client");
    const server = await one<{ version: string }>(t.url, "select current_setting('server_version') as version");
    expect(tooOld.status).toBe(1);
    expect(tooOld.stderr).toContain(`数据库服务器是 PostgreSQL ${server.version.split(" ")[0]}，而找到的 pg_dump 主版本较低`);
    expect(tooOld.stderr).toContain("9.6.24");
    expect(listing(t.backupsDir)).toEqual([]);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain("恢复失败：找不到 pg_restore");
  }, 90_000);
});
