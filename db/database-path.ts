import path from "node:path";

/** The SQLite file the app uses: DATABASE_PATH, else data/app.db. Apart from client.ts so the front server reads it without loading drizzle. */
export function databasePath(): string {
  return process.env.DATABASE_PATH ?? path.join("data", "app.db");
}
