import { closeDatabase } from "@/db/client";
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import os from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import {
  BackupError,
  DatabaseInUseError,
  backupDatabase,
  backupFileName,
  backupsOf,
  checkIntegrity,
  pruneBackups,
  restoreDatabase,
  siblingAttachmentsDir,
} from "@/db/backup";
import { attachments, proposals } from "@/db/schema";
import { sqliteOf } from "./temp-db";
import { demoDatabase } from "./demo-db";

let cleanup = () => {};
afterEach(() => cleanup());

/** Tables the writer does not touch, row by row. */
const SNAPSHOT_TABLES = ["users", "units", "proposals", "assignments", "reply_drafts", "replies", "receipts", "attachments", "events"];

function snapshot(db: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, db.prepare(`select * from "${t}" order by rowid`).all()]));
}

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const markerRows = (db: Database.Database) =>
  (db.prepare("select message from notifications where kind = 'backup-test' order by id").all() as { message: string }[]).map(
    (r) => r.message,
  );

function startWriter(file: string, userId: number, control: SharedArrayBuffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const entry = new URL("./backup-writer.ts", import.meta.url).href;
    const worker = new Worker(new URL("./ts-worker.mjs", import.meta.url), { workerData: { entry, file, userId, control } });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

async function until(condition: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A demo database with two attachment files on its first proposal. */
async function demoWithAttachments() {
  const t = await demoDatabase();
  const attachmentsDir = siblingAttachmentsDir(t.location);
  const proposal = (await t.db.select().from(proposals).limit(1).get())!;
  const files = { "说明材料.txt": Buffer.from("附件一：调研报告。\n"), "照片.jpg": Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) };
  const stored: Record<string, Buffer> = {};
  for (const [fileName, bytes] of Object.entries(files)) {
    const storagePath = `${proposal.id}/${createHash("sha256").update(fileName).digest("hex").slice(0, 32)}`;
    fs.mkdirSync(path.join(attachmentsDir, String(proposal.id)), { recursive: true });
    fs.writeFileSync(path.join(attachmentsDir, storagePath), bytes);
    await t.db
      .insert(attachments)
      .values({
        proposalId: proposal.id,
        fileName,
        mimeType: "application/octet-stream",
        size: bytes.byteLength,
        storagePath,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        uploadedBy: (await t.user("coordinator")).id,
      })
      .run();
    stored[storagePath] = bytes;
  }
  return { ...t, attachmentsDir, stored };
}

describe("backup and restore", () => {
  it("names a backup after the database and the local time", () => {
    expect(backupFileName("/srv/data/app.db", new Date(2026, 5, 15, 9, 5, 7))).toBe("app-20260615-090507.db");
  });

  it("restores the state at backup time, attachments included, although another connection kept writing during the backup", async () => {
    const t = await demoWithAttachments();
    cleanup = t.cleanup;
    const root = path.dirname(t.location);
    const expected = snapshot(sqliteOf(t.db));

    // A second connection writes continuously, each transaction open for a while, the rows only in the WAL.
    const control = new SharedArrayBuffer(12);
    const flags = new Int32Array(control);
    const writer = startWriter(t.location, (await t.user("jiangmj")).id, control);
    await until(() => Atomics.load(flags, 1) >= 20);
    const committedBefore = Atomics.load(flags, 1);
    expect(fs.statSync(`${t.location}-wal`).size).toBeGreaterThan(0);
    const backup = await backupDatabase(t.location, { attachmentsDir: t.attachmentsDir, dir: path.join(root, "backups") });
    const committedAfter = Atomics.load(flags, 1);
    await until(() => Atomics.load(flags, 1) >= committedAfter + 5); // still writing after the backup
    Atomics.store(flags, 0, 1);
    const written = await writer;

    expect(path.basename(backup.file)).toMatch(/^test-\d{8}-\d{6}\.db$/);
    expect(backup.attachmentsDir).toBe(backup.file.replace(/\.db$/, "-attachments"));
    expect(backup.attachmentFiles).toBe(2);
    expect(backup.missingAttachments).toEqual([]);
    expect(backup.counts.proposals).toBe(expected.proposals!.length);
    expect(checkIntegrity(backup.file)).toEqual([]);
    expect(fs.existsSync(`${backup.file}-wal`)).toBe(false); // one self-contained file

    // The copy holds whole transactions only: pairs 0…k-1, k between what was committed before and after.
    const inBackup = readOnly(backup.file, markerRows);
    const pairs = inBackup.length / 2;
    expect(inBackup).toEqual(Array.from({ length: pairs }, (_, n) => [`wal-${n}-a`, `wal-${n}-b`]).flat());
    expect(pairs).toBeGreaterThanOrEqual(committedBefore);
    expect(pairs).toBeLessThanOrEqual(committedAfter + 1);
    expect(written).toBeGreaterThan(pairs);

    // Life goes on after the backup: data changes, an attachment is replaced, one deleted, one added.
    const db = sqliteOf(t.db);
    db.prepare("update proposals set title = title || '（已修改）'").run();
    db.prepare("delete from reply_drafts where id = (select max(id) from reply_drafts)").run();
    const [first, second] = Object.keys(t.stored);
    fs.writeFileSync(path.join(t.attachmentsDir, first!), "被覆盖的内容");
    fs.rmSync(path.join(t.attachmentsDir, second!));
    fs.writeFileSync(path.join(t.attachmentsDir, "stray.bin"), "备份之后才有的文件");

    // While the database is open, the restore refuses and changes nothing.
    expect(() => restoreDatabase(backup.file, t.location, { attachmentsDir: t.attachmentsDir })).toThrow(DatabaseInUseError);
    expect(fs.existsSync(path.join(t.attachmentsDir, "stray.bin"))).toBe(true);
    expect(fs.existsSync(`${t.location}.restore-partial`)).toBe(false);
    await closeDatabase(t.db);

    const restored = restoreDatabase(backup.file, t.location, { attachmentsDir: t.attachmentsDir });
    expect(restored.counts).toEqual(backup.counts);
    expect(fs.existsSync(`${t.location}-wal`)).toBe(false);
    expect(checkIntegrity(t.location)).toEqual([]);
    expect(readOnly(t.location, snapshot)).toEqual(expected);
    expect(readOnly(t.location, markerRows)).toEqual(inBackup);
    for (const [storagePath, bytes] of Object.entries(t.stored))
      expect(fs.readFileSync(path.join(t.attachmentsDir, storagePath))).toEqual(bytes);
    expect(fs.existsSync(path.join(t.attachmentsDir, "stray.bin"))).toBe(false);

    // What was replaced is kept aside, changes and all.
    expect(restored.replaced).not.toBeNull();
    const aside = restored.replaced!;
    expect(readOnly(aside.file, (d) => (d.prepare("select title from proposals limit 1").get() as { title: string }).title)).toMatch(
      /（已修改）$/,
    );
    expect(fs.existsSync(path.join(aside.attachmentsDir!, "stray.bin"))).toBe(true);
  }, 60_000);

  it("refuses a damaged backup and leaves the database as it was", async () => {
    const t = await demoWithAttachments();
    cleanup = t.cleanup;
    const root = path.dirname(t.location);
    const backup = await backupDatabase(t.location, { attachmentsDir: t.attachmentsDir, dir: path.join(root, "backups") });
    void closeDatabase(t.db);
    const before = fs.readFileSync(t.location);
    // Garbage over a few pages in the middle of the file.
    const fd = fs.openSync(backup.file, "r+");
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(3 * 4096, 0x5a), 0, 3 * 4096, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);

    expect(() => restoreDatabase(backup.file, t.location, { attachmentsDir: t.attachmentsDir })).toThrow(BackupError);
    expect(fs.readFileSync(t.location)).toEqual(before);
    expect(fs.existsSync(`${t.location}.restore-partial`)).toBe(false);
    expect(fs.readdirSync(root).filter((f) => f.includes("before-restore"))).toEqual([]);
    // A demo database, a backup and a full integrity check: 20 s was too little on a loaded 2-core machine (CI).
  }, 60_000);
});

describe("keeping the newest backups", () => {
  it("deletes all but the N newest backups of the database, with their attachments, and nothing else", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backups-"));
    cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
    const stamps = ["20260601-020000", "20260603-020000", "20260602-020000", "20260604-020000"];
    for (const stamp of stamps) {
      fs.writeFileSync(path.join(dir, `app-${stamp}.db`), "");
      fs.mkdirSync(path.join(dir, `app-${stamp}-attachments`, "12"), { recursive: true });
      fs.writeFileSync(path.join(dir, `app-${stamp}-attachments`, "12", "a"), "附件");
    }
    const others = ["app-before-restore-20260515-090000.db", "demo-20260501-020000.db", "app-20260601-020000.db.partial", "notes.txt"];
    for (const f of others) fs.writeFileSync(path.join(dir, f), "");

    expect(backupsOf("/srv/data/app.db", dir).map((f) => path.basename(f))).toEqual([
      "app-20260604-020000.db",
      "app-20260603-020000.db",
      "app-20260602-020000.db",
      "app-20260601-020000.db",
    ]);
    expect(pruneBackups("/srv/data/app.db", dir, 2).map((f) => path.basename(f))).toEqual([
      "app-20260602-020000.db",
      "app-20260601-020000.db",
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        "app-20260603-020000-attachments",
        "app-20260603-020000.db",
        "app-20260604-020000-attachments",
        "app-20260604-020000.db",
        ...others,
      ].sort(),
    );
    expect(pruneBackups("/srv/data/app.db", dir, 2)).toEqual([]);
    expect(() => pruneBackups("/srv/data/app.db", dir, 0)).toThrow(BackupError);
    expect(backupsOf("/srv/data/app.db", path.join(dir, "missing"))).toEqual([]);
  });
});
