import { type Db, openDatabase } from "@/db/client";
import { isPostgresUrl } from "@/db/engine";
import { openPostgres } from "@/db/postgres";

/**
 * Opens the database at `location` (a SQLite file or a PostgreSQL URL: a TempDatabase's) once more: a second
 * connection, a worker's. Apart from temp-db.ts, which needs vitest, so that workers load it too.
 */
export function openAt(location: string): Db {
  return isPostgresUrl(location) ? (openPostgres(location) as Db) : openDatabase(location);
}
