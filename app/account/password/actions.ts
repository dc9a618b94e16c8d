"use server";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { changeOwnPassword } from "@/db/queries/account";
import { clientAddress, trustedProxyCount } from "@/lib/client-address";
import { changePasswordInput } from "@/lib/validation/account";
import { formAction } from "../../_server/action";
import { signOut } from "../../_server/auth";

export const changePassword = formAction("ownAccount", changePasswordInput, async (input, user) => {
  // The address for the audit of wrong current passwords, as sign-in records it.
  const address = clientAddress(await headers(), trustedProxyCount(process.env.TRUST_PROXY));
  const result = await changeOwnPassword(getDb(), user.id, input, new Date(), { address });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: { [result.field]: result.error } };
  await signOut({ redirectTo: "/login?changed=1" });
  return { ok: true };
});
