import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDatabase, openDatabase, type SqliteDb as Db } from "@/db/client";

/**
 * A real SQLite file in a fresh temporary directory, migrated — a copy of `from` (a closed database) when
 * given; `cleanup` closes and removes it.
 */
export function tempDatabase(from?: string): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tian-"));
  const file = path.join(dir, "test.db");
  if (from) fs.copyFileSync(from, file);
  const db = openDatabase(file);
  return {
    db,
    file,
    cleanup: () => {
      if (db.$client.open) void closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
