/**
 * A signed-in session without the sign-in form: mints the same cookie next-auth sets, for a server
 * started with a known AUTH_SECRET (tests, benchmarks and the crash-safety script).
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";

export const SESSION_COOKIE = "authjs.session-token";

type UserRow = { id: number; display_name: string; role: string; unit_id: number | null; session_version: number };

function findUser(databasePath: string, username: string): UserRow {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select id, display_name, role, unit_id, session_version from users where username = ?").get(username) as
      | UserRow
      | undefined;
    if (!row) throw new Error(`no such user: ${username}`);
    return row;
  } finally {
    db.close();
  }
}

/** The session cookie's value for `username`, read from the server's database: a session of its own (its own id). */
export async function mintSessionToken(databasePath: string, secret: string, username: string): Promise<string> {
  const user = findUser(databasePath, username);
  return encode({
    salt: SESSION_COOKIE,
    secret,
    token: {
      sub: String(user.id),
      uid: String(user.id),
      name: user.display_name,
      role: user.role,
      unitId: user.unit_id,
      sv: user.session_version,
      sid: randomUUID(),
    },
  });
}
