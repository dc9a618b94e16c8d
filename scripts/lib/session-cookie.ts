/**
 * A signed-in session without the sign-in form: mints the same cookie next-auth sets, for a server
 * started with a known AUTH_SECRET (tests, benchmarks and the crash-safety script).
 */
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { readDatabase } from "./read-database";

export const SESSION_COOKIE = "authjs.session-token";

type UserRow = { id: number; display_name: string; role: string; unit_id: number | null; session_version: number };

async function findUser(database: string, username: string): Promise<UserRow> {
  const [row] = await readDatabase(database, (db) =>
    db.rows<UserRow>("select id, display_name, role, unit_id, session_version from users where username = ?", username),
  );
  if (!row) throw new Error(`no such user: ${username}`);
  return row;
}

/**
 * The session cookie's value for `username`, read from the server's database (a SQLite file's path or a
 * postgres:// URL): a session of its own (its own id).
 */
export async function mintSessionToken(database: string, secret: string, username: string): Promise<string> {
  const user = await findUser(database, username);
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
