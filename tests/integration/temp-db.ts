import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { vi } from "vitest";
import { closeDatabase, type Db, openDatabase, type SqliteDb } from "@/db/client";
import { databaseEngine, isPostgresUrl } from "@/db/engine";
import { migratePostgres } from "@/db/postgres";
import { openAt } from "./open-at";
import { createPgDatabase, dropPgDatabase, pgDatabaseName } from "./pg-database";

/**
 * A database of the test's own on the engine this process runs on (the vitest project sets DATABASE_URL):
 * `location` is the SQLite file or the PostgreSQL URL (for another connection: open-at.ts), `dir` a fresh
 * temporary directory for the files beside it (attachments).
 */
export type TempDatabase = { db: Db; location: string; dir: string; cleanup: () => Promise<void> };

/**
 * A fresh migrated database — a copy of `from` (the location of a closed database) when given: a SQLite
 * file in a temporary directory, or a database on the PG_TEST_URL server (CREATE DATABASE … TEMPLATE).
 * `cleanup` closes and removes it.
 */
export async function tempDatabase(from?: string): Promise<TempDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tian-"));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  if (databaseEngine() === "postgresql") {
    const { name, url } = await createPgDatabase(from && pgDatabaseName(from));
    if (!from) await migratePostgres(url);
    const db = openAt(url);
    return {
      db,
      location: url,
      dir,
      cleanup: once(async () => {
        await closeDatabase(db);
        await dropPgDatabase(name);
        removeDir();
      }),
    };
  }
  const { db, file, cleanup } = tempSqliteDatabase(from, dir);
  return { db, location: file, dir, cleanup };
}

/**
 * A SQLite file in a fresh temporary directory (or `dir`), migrated — a copy of `from` when given: for the
 * tests about SQLite itself, which hold its connection (`db.$client`). `cleanup` closes and removes it.
 */
export function tempSqliteDatabase(
  from?: string,
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tian-")),
): { db: SqliteDb; file: string; cleanup: () => Promise<void> } {
  const file = path.join(dir, "test.db");
  if (from) fs.copyFileSync(from, file);
  const db = openDatabase(file);
  return {
    db,
    file,
    cleanup: once(async () => {
      await closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    }),
  };
}

/** A cleanup that runs once however often it is called. */
function once(run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= run());
}

/** The SQLite connection under a test's database, for the tests about SQLite itself (never in the PostgreSQL project). */
export function sqliteOf(db: Db): Database.Database {
  if (databaseEngine() !== "sqlite") throw new Error("a test about SQLite runs on PostgreSQL: list it in vitest.config.ts's SQLITE_ONLY");
  return (db as SqliteDb).$client;
}

/**
 * Makes this the database of the app's own code in this test file (getDb, and the folders kept beside the
 * database: attachments, uploads); vi.unstubAllEnvs() undoes it.
 */
export function useAsAppDatabase(t: TempDatabase): void {
  const sqlite = !isPostgresUrl(t.location);
  vi.stubEnv("DATABASE_PATH", sqlite ? t.location : path.join(t.dir, "app.db"));
  if (!sqlite) vi.stubEnv("DATABASE_URL", t.location);
}
