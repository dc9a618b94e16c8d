/** PostgreSQL mirror of db/schema/security.ts (what each table and column means is written there). */
import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { id, instant } from "./columns";

export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: id(),
    address: text("address").notNull(),
    at: instant("at").notNull(),
  },
  (t) => [index("sign_in_failures_address_idx").on(t.address, t.at), index("sign_in_failures_at_idx").on(t.at)],
);

export const signInUnknownNames = pgTable("sign_in_unknown_names", {
  username: text("username").primaryKey(),
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: instant("locked_until"),
  updatedAt: instant("updated_at").notNull(),
});

export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);
