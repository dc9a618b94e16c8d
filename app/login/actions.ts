"use server";
import { eq } from "drizzle-orm";
import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { safeCallbackPath } from "@/lib/authz";
import { addressRefusalMessage, lockedMessage } from "@/lib/sign-in-limits";
import { AddressThrottled, signIn, signOut } from "../_server/auth";

const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  callbackUrl: z.string().max(512).optional(),
});

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = loginInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: "请输入用户名和密码。" };
  const { username, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { username, password, redirect: false });
  } catch (error) {
    if (error instanceof AddressThrottled) return { ok: false, error: addressRefusalMessage(error.retryMinutes) };
    if (error instanceof CredentialsSignin && error.code === "locked") return { ok: false, error: lockedMessage() };
    if (error instanceof AuthError) return { ok: false, error: "用户名或密码错误。" };
    throw error;
  }
  const user = await getDb().select({ role: users.role }).from(users).where(eq(users.username, username)).get();
  redirect(safeCallbackPath(callbackUrl, user?.role ?? "member"));
}

/** Revokes the session (auth-config's events.signOut, which also logs it) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
