import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

/** True when a password is the username itself (ignoring case), which the policy refuses. */
export function passwordRepeatsUsername(password: string, name: string): boolean {
  return password.toLowerCase() === name.trim().toLowerCase();
}

/**
 * The password policy: 8–128 characters with at least one letter and one digit, and not one of the
 * common passwords. That it is not the username is checked where the username is known.
 */
export const password = z
  .string({ error: "请填写密码" })
  .min(1, "请填写密码")
  .min(8, "密码至少 8 位")
  .max(128, "密码不能超过 128 位")
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), "密码须同时包含字母和数字")
  .refine((s) => !isCommonPassword(s), "此密码过于常见，容易被猜中，请换一个");

/** The new password typed a second time. */
export const passwordConfirm = z.string({ error: "请再次输入密码" }).min(1, "请再次输入密码");

/** The two typings of a new password must match. */
export function checkNewPassword(value: { password: string; passwordConfirm: string }, ctx: z.RefinementCtx) {
  if (value.password !== value.passwordConfirm) {
    ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "两次输入的密码不一致" });
  }
}

/** Once checked, the repeated password is of no further use. */
export function withoutConfirmation<T extends { passwordConfirm: string }>({ passwordConfirm: _, ...rest }: T): Omit<T, "passwordConfirm"> {
  return rest;
}
