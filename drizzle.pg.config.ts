import { defineConfig } from "drizzle-kit";

// The PostgreSQL engine's migrations, generated from the mirror declarations (docs/decisions/009).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg/index.ts",
  out: "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/tian" },
  strict: true,
});
