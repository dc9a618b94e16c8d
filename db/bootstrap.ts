import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/password";
import type { Db } from "./client";
import { users } from "./schema";
import { logEvent } from "./queries/events";

/**
 * A production start on an empty database creates the first administrator. Its password comes from
 * ADMIN_PASSWORD or is generated and returned once for the console; it must be changed at first sign-in.
 * Returns null when the database already has users.
 */
export async function bootstrapAdmin(
  db: Db,
  password = process.env.ADMIN_PASSWORD,
): Promise<{ username: string; password: string; generated: boolean } | null> {
  const count = (await db.select({ n: sql<number>`count(*)` }).from(users).get())?.n ?? 0;
  if (count > 0) return null;
  const generated = !password;
  const plain = password ?? randomBytes(12).toString("base64url");
  const hash = await hashPassword(plain);
  const created = await db
    .insert(users)
    .values({ username: "admin", passwordHash: hash, displayName: "系统管理员", role: "admin", mustChangePassword: true })
    .onConflictDoNothing()
    .returning({ id: users.id })
    .get();
  if (!created) return null;
  await logEvent(db, { action: "user_create", actorId: created.id, comment: "首次启动创建系统管理员" });
  return { username: "admin", password: plain, generated };
}
