/**
 * Shared by the security specs: who the roles are, plain HTTP requests and server-action calls as a
 * given user (session cookies minted as in e2e/fixtures.ts), the routes on disk, and read-only looks
 * into the e2e database (ids of demo records, fingerprints of rows that must not change).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { callServerAction, serverActionIds, type ActionResponse, type Fields } from "../../scripts/lib/server-action";

export type { FieldValue, Fields } from "../../scripts/lib/server-action";
import { readDatabase, type DatabaseReader } from "../../scripts/lib/read-database";
import { mintSessionToken, SESSION_COOKIE } from "../../scripts/lib/session-cookie";
import type { UploadPurpose } from "../../lib/uploads";
import { E2E } from "../env";

export const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";

// ---------------------------------------------------------------------------------------------
// Roles

export const ROLES = [
  "anonymous",
  "admin",
  "coordinator",
  "handler",
  "otherHandler",
  "director",
  "otherDirector",
  "leader",
  "districtLeader",
  "owner",
  "otherMember",
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The demo accounts behind the roles. "The unit" is 科技创新局 (jiangmj, dengmj, and its 分管领导 zhouwb); the other unit's
 * handler is 党群工作部's and the other director 生态环境局's, units with no part in the proposals the
 * tables use as "the unit's" or "another unit's". The 区领导 wangjh leads none of the proposals the tables use.
 * liuxr owns the unit's proposal; member-010 owns none of them.
 */
export const LOGINS: Record<Exclude<Role, "anonymous">, string> = {
  admin: "admin",
  coordinator: "coordinator",
  handler: "jiangmj",
  otherHandler: "dqgzb",
  director: "dengmj",
  otherDirector: "sthjj-fz",
  districtLeader: "liwd",
  leader: "zhouwb",
  owner: "liuxr",
  otherMember: "member-010",
};

/** A session cookie value for a login (minted fresh: the session version may have changed). */
export async function sessionToken(login: string): Promise<string> {
  return mintSessionToken(E2E.database, E2E.authSecret, login);
}

export async function roleTokens(): Promise<Record<Role, string | undefined>> {
  const entries = await Promise.all(
    ROLES.map(async (role) => [role, role === "anonymous" ? undefined : await sessionToken(LOGINS[role])] as const),
  );
  return Object.fromEntries(entries) as Record<Role, string | undefined>;
}

// ---------------------------------------------------------------------------------------------
// HTTP

const REQUEST_TIMEOUT_MS = 60_000;

export type GetResult = { status: number; location: string | null; headers: Headers; body: string };

/** A GET as the browser would send it for a user (cookie) — redirects are reported, not followed. */
export async function get(url: string, token?: string, extraHeaders: Record<string, string> = {}): Promise<GetResult> {
  const response = await fetch(new URL(url, E2E.baseURL), {
    redirect: "manual",
    // A request that hangs is a finding of its own: fail it rather than the whole test's time.
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    headers: { ...(token ? { Cookie: `${SESSION_COOKIE}=${token}` } : {}), ...extraHeaders },
  });
  const type = response.headers.get("content-type") ?? "";
  let body = "";
  // Binary downloads are only checked for their status and headers.
  if (/text|json|xml|html|component/.test(type)) body = await response.text();
  else await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("location"), headers: response.headers, body };
}

/** Runs `fn` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Uploads

export type UploadAnswer = { status: number; body: string; id: string | null };

/** Sends one file to the upload route as the upload field does (app/api/uploads); `id` is the reference a form then carries. */
export async function uploadFile(
  token: string | undefined,
  purpose: UploadPurpose,
  file: { file: Buffer; name: string; type?: string },
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file.file)], { type: file.type ?? "application/octet-stream" }), file.name);
  const response = await fetch(new URL(`/api/uploads?purpose=${purpose}`, E2E.baseURL), {
    method: "POST",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    headers: { Origin: E2E.baseURL, ...(token ? { Cookie: `${SESSION_COOKIE}=${token}` } : {}) },
    body: form,
  });
  const body = await response.text();
  return { status: response.status, body, id: response.status === 200 ? (JSON.parse(body) as { id: string }).id : null };
}

/** The references of files uploaded as `token`'s user; fails the test when one is refused. */
export async function uploadedReferences(
  token: string,
  purpose: UploadPurpose,
  files: readonly { file: Buffer; name: string; type?: string }[],
): Promise<string[]> {
  const answers = await Promise.all(files.map(async (f) => uploadFile(token, purpose, f)));
  for (const [i, a] of answers.entries()) if (!a.id) throw new Error(`upload of ${files[i]!.name} refused: ${a.status} ${a.body}`);
  return answers.map((a) => a.id!);
}

// ---------------------------------------------------------------------------------------------
// Server actions

let actionIdCache: Map<string, string> | null = null;

/** Every server action of the build under test, keyed "app/…/actions.ts#exportName". */
export function actionIds(): Map<string, string> {
  actionIdCache ??= serverActionIds(DIST_DIR);
  return actionIdCache;
}

export type ActionCall = {
  /** "app/…/actions.ts#exportName" */
  action: string;
  /** The page the form lives on. */
  page: string;
  fields: Fields;
  token?: string;
  origin?: string;
};

export async function callAction(call: ActionCall): Promise<ActionResponse> {
  const actionId = actionIds().get(call.action);
  if (!actionId) throw new Error(`no such server action in ${DIST_DIR}: ${call.action}`);
  return callServerAction({
    baseURL: E2E.baseURL,
    page: call.page,
    actionId,
    fields: call.fields,
    sessionToken: call.token,
    origin: call.origin,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

export type ActionResultValue =
  | { ok: true; message?: string; data?: unknown }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const VALIDATION_ERROR = "提交的内容有误，请按提示修改后重试。";
export const DENIED = "您没有权限执行此操作。";
export const SIGNED_OUT = "登录已失效，请重新登录。";

/**
 * What a call came to:
 *  - "signedOut" / "denied": the guard refused the caller (no session / not the role);
 *  - "invalid": the caller passed and the form was refused by validation;
 *  - "refused": validation passed and the use case refused (wrong unit, state, owner, duplicate …);
 *  - "ok": it did what was asked; "redirect:/path": it redirected there (sign-out, read all, …);
 *  - "tooLarge": the front server refused the body by its size, unread, in Chinese (server/body-limits.ts);
 *  - "http 500" etc. when the call did not produce a result.
 */
export function classify(response: ActionResponse): string {
  if (response.status >= 500) return `http ${response.status}`;
  if (response.status === 413) return isChineseMessage(response.body) ? "tooLarge" : "http 413 without a Chinese message";
  // Next names the navigation after a ";": "/login;push".
  if (response.redirectTo) return `redirect:${new URL(response.redirectTo.split(";")[0]!, E2E.baseURL).pathname}`;
  const result = response.result as ActionResultValue | undefined;
  if (!result || typeof result !== "object" || !("ok" in result)) return `http ${response.status} without a result`;
  if (result.ok) return "ok";
  if (result.error === SIGNED_OUT) return "signedOut";
  if (result.error === DENIED) return "denied";
  if (result.error === VALIDATION_ERROR || result.error === "请输入用户名和密码。") return "invalid";
  return "refused";
}

/** True for text a person can read: Chinese, no stack trace or English exception. */
export function isChineseMessage(text: unknown): boolean {
  return typeof text === "string" && /\p{Script=Han}/u.test(text) && !/Error\b|\bat \S+ \(|SQLITE|TypeError/.test(text);
}

// ---------------------------------------------------------------------------------------------
// Routes on disk

const METADATA_FILE = /^(sitemap|robots|manifest)\.(ts|tsx|js)$|^(icon|apple-icon|opengraph-image|twitter-image)\.\w+$|^favicon\.ico$/;

/** Every page, route handler and metadata route under app/, as "app/…/page.tsx". */
export function routeFiles(root = "app"): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // Private folders (_server, _shared …) are not routes.
        if (!entry.name.startsWith("_")) walk(full);
      } else if (/^(page|route)\.(ts|tsx|js|jsx)$/.test(entry.name) || METADATA_FILE.test(entry.name)) {
        out.push(full.split(path.sep).join("/"));
      }
    }
  };
  walk(root);
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// The database, read-only

/** Runs `fn` on a read-only connection to the e2e server's database, either engine (e2e/env.ts). */
export function readDb<T>(fn: (db: DatabaseReader) => Promise<T>): Promise<T> {
  return readDatabase(E2E.database, fn);
}

/** The first column of the first row; a missing row is an error (the demo lacks what a test expects). */
export async function one<T = number>(db: DatabaseReader, sql: string, ...params: unknown[]): Promise<T> {
  const value = (await db.arrays(sql, ...params))[0]?.[0] as T | undefined;
  if (value === undefined || value === null)
    throw new Error(`the demo database has nothing for: ${sql.replace(/\s+/g, " ")} [${params.join(", ")}]`);
  return value;
}

/** The first column of every row. */
export async function column<T = number>(db: DatabaseReader, sql: string, ...params: unknown[]): Promise<T[]> {
  return (await db.arrays(sql, ...params)).map((row) => row[0] as T);
}

export function userId(db: DatabaseReader, login: string): Promise<number> {
  return one(db, "select id from users where username = ?", login);
}

/** A JSON column's integer member, as SQL of the database's engine (SQLite's text JSON, PostgreSQL's jsonb). */
export function jsonInteger(db: DatabaseReader, column: string, key: string): string {
  return db.engine === "postgresql" ? `(${column} ->> '${key}')::integer` : `json_extract(${column}, '$.${key}')`;
}

/**
 * Rows in an order both engines give alike without SQLite's rowid: sorted by their JSON (values differ in
 * type between engines, booleans say, but a fingerprint is only compared with one from the same database).
 */
async function sortedRows(db: DatabaseReader, sql: string, ...params: unknown[]): Promise<string[]> {
  return (await db.arrays(sql, ...params)).map((row) => JSON.stringify(row)).sort();
}

/** The rows of every table that belong to these proposals (receipt links excluded: viewing a letter issues them). */
const PROPOSAL_ROWS: readonly [table: string, where: string, columns?: string][] = [
  ["proposals", "id in (IDS)"],
  ["proposal_signers", "proposal_id in (IDS)"],
  ["proposal_links", "proposal_id in (IDS) or related_id in (IDS)"],
  ["attachments", "proposal_id in (IDS)"],
  ["reply_files", "proposal_id in (IDS)"],
  ["assignments", "proposal_id in (IDS)"],
  ["adjustment_requests", "assignment_id in (select id from assignments where proposal_id in (IDS))"],
  ["extension_requests", "assignment_id in (select id from assignments where proposal_id in (IDS))"],
  ["co_opinions", "assignment_id in (select id from assignments where proposal_id in (IDS))"],
  ["contact_records", "proposal_id in (IDS)"],
  ["reply_drafts", "proposal_id in (IDS)"],
  ["sign_offs", "proposal_id in (IDS)"],
  ["leader_reviews", "proposal_id in (IDS)"],
  ["replies", "proposal_id in (IDS)"],
  ["publications", "reply_id in (select id from replies where proposal_id in (IDS))"],
  ["receipts", "reply_id in (select id from replies where proposal_id in (IDS))"],
  ["events", "proposal_id in (IDS)"],
  // Whether a notice was read is its reader's business (and marking one's own read is allowed to anyone).
  ["notifications", "proposal_id in (IDS)", "id, user_id, proposal_id, kind, message, link, created_at"],
];

/** A checksum of everything stored about these proposals, with the row count of each table. */
export async function proposalFingerprint(
  db: DatabaseReader,
  proposalIds: readonly number[],
): Promise<{ hash: string; counts: Record<string, number> }> {
  const ids =
    proposalIds
      .map((id) => Number(id))
      .filter(Number.isSafeInteger)
      .join(",") || "0";
  const hash = crypto.createHash("sha256");
  const counts: Record<string, number> = {};
  for (const [table, where, columns = "*"] of PROPOSAL_ROWS) {
    const rows = await sortedRows(db, `select ${columns} from "${table}" where ${where.replaceAll("IDS", ids)}`);
    counts[table] = rows.length;
    hash.update(`${table}:${rows.join(",")}\n`);
  }
  return { hash: hash.digest("hex"), counts };
}

/** A checksum of given rows of other tables, e.g. { units: [3], users: [5, 6] }. */
export async function rowsFingerprint(
  db: DatabaseReader,
  rows: Record<string, readonly (number | string)[]>,
  key: Record<string, string> = {},
): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const [table, ids] of Object.entries(rows)) {
    const column = key[table] ?? "id";
    const list = ids.map(() => "?").join(",") || "null";
    hash.update(`${table}:${(await sortedRows(db, `select * from "${table}" where "${column}" in (${list})`, ...ids)).join(",")}\n`);
  }
  return hash.digest("hex");
}

/**
 * How many events these users have caused so far: every change the app makes is logged with its actor.
 * Signing in and out are logged too, and so is a wrong current password on 修改密码 (with the lock it may
 * bring), but they change no record.
 */
export function eventsBy(db: DatabaseReader, userIds: readonly number[]): Promise<number> {
  return one(
    db,
    `select count(*) from events where actor_id in (${userIds.map(() => "?").join(",") || "null"}) and substr(action, 1, 5) != 'sign_'
       and action not in ('password_change_failed', 'password_change_locked', 'account_locked')`,
    ...userIds,
  );
}

let textColumnCache: { table: string; columns: string[] }[] | null = null;

/** Where (table.column) a text occurs anywhere in the database, with the number of rows. */
/** The text columns of the app's tables (the search index's copies and migration bookkeeping left out). */
async function textColumns(db: DatabaseReader): Promise<{ table: string; columns: string[] }[]> {
  const pairs =
    db.engine === "postgresql"
      ? await db.arrays(
          `select table_name, column_name from information_schema.columns where table_schema = 'public' and table_name not like 'public\\_search%'
             and data_type in ('text', 'character varying') order by table_name, ordinal_position`,
        )
      : await db.arrays(
          `select m.name, c.name from sqlite_master m join pragma_table_info(m.name) c where m.type = 'table' and m.name not like 'sqlite_%'
             and m.name not like '\\_\\_%' escape '\\' and m.name not like 'public_search%' and (c.type = '' or c.type like '%TEXT%' or c.type like '%CHAR%' or c.type like '%CLOB%')`,
        );
  const byTable = new Map<string, string[]>();
  for (const [table, column] of pairs as [string, string][]) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  return [...byTable].map(([table, columns]) => ({ table, columns }));
}

/** Where (table.column) a text occurs anywhere in the database, with the number of rows. */
export async function whereStored(db: DatabaseReader, text: string): Promise<Record<string, number>> {
  textColumnCache ??= await textColumns(db);
  const found = db.engine === "postgresql" ? "strpos" : "instr";
  const hits: Record<string, number> = {};
  for (const { table, columns } of textColumnCache) {
    for (const column of columns) {
      const n = await one(db, `select count(*) from "${table}" where ${found}("${column}", ?) > 0`, text);
      if (n > 0) hits[`${table}.${column}`] = n;
    }
  }
  return hits;
}
