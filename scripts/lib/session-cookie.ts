/**
 * A signed-in session without the sign-in form: mints the same cookie next-auth sets, for a server
 * started with a known AUTH_SECRET (tests, benchmarks and the crash-safety script).
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { isPostgresUrl } from "../../db/engine";

export const SESSION_COOKIE = "authjs.session-token";

type UserRow = { id: number; display_name: string; role: string; unit_id: number | null; session_version: number };

const USER_QUERY = "select id, display_name, role, unit_id, session_version from users where username = $1";

/** The user's row, from the SQLite file or the PostgreSQL database `location` names. */
async function findUser(location: string, username: string): Promise<UserRow> {
  const row = isPostgresUrl(location) ? await findOnPostgres(location, username) : findOnSqlite(location, username);
  if (!row) throw new Error(`no such user: ${username}`);
  return row;
}

function findOnSqlite(databasePath: string, username: string): UserRow | undefined {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(USER_QUERY.replace("$1", "?")).get(username) as UserRow | undefined;
  } finally {
    db.close();
  }
}

async function findOnPostgres(url: string, username: string): Promise<UserRow | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<UserRow>(USER_QUERY, [username])).rows[0];
  } finally {
    await client.end();
  }
}

/** The session cookie's value for `username`, read from the server's database (a SQLite file or a PostgreSQL URL): a session of its own (its own id). */
export async function mintSessionToken(location: string, secret: string, username: string): Promise<string> {
  const user = await findUser(location, username);
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
