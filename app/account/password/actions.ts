"use server";
import { getDb } from "@/db/client";
import { changeOwnPassword } from "@/db/queries/account";
import { changePasswordInput } from "@/lib/validation/account";
import { formAction } from "../../_server/action";
import { signOut } from "../../_server/auth";

export const changePassword = formAction("ownAccount", changePasswordInput, async (input, user) => {
  const result = await changeOwnPassword(getDb(), user.id, input);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: { [result.field]: result.error } };
  await signOut({ redirectTo: "/login?changed=1" });
  return { ok: true };
});
