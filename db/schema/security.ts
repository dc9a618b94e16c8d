import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, instant } from "./columns";

/**
 * Failed sign-ins by network address, for the per-address limit (lib/sign-in-limits.ts). Rows older
 * than the limit's window are deleted as new ones come; the audit trail is the event log, not this.
 */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: id(),
    address: text("address").notNull(),
    at: instant("at").notNull(),
  },
  (t) => [index("sign_in_failures_address_idx").on(t.address, t.at), index("sign_in_failures_at_idx").on(t.at)],
);

/**
 * Wrong-password counts and locks of names that have no account one can sign in with (unknown or
 * disabled), kept like those of real accounts so that a lockout does not tell which names exist.
 */
export const signInUnknownNames = sqliteTable("sign_in_unknown_names", {
  username: text("username").primaryKey(),
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: instant("locked_until"),
  updatedAt: instant("updated_at").notNull(),
});

/**
 * Sessions ended before their token expires (退出, /api/auth/signout): a session token is a JWT that
 * stays valid for eight hours whatever happens to the cookie, so the guard refuses a token whose session
 * id is here. Kept in the database (shared by every server process) until the token would have expired
 * anyway; expired rows are deleted as new ones come.
 */
export const revokedSessions = sqliteTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);
