import { z } from "zod";
import { checkNewPassword, password, passwordConfirm, withoutConfirmation } from "./password";

/** Changing one's own password: the current one, then the new one twice. */
export const changePasswordInput = z
  .object({
    currentPassword: z.string({ error: "请填写当前密码" }).min(1, "请填写当前密码").max(256),
    password,
    passwordConfirm,
  })
  .superRefine(checkNewPassword)
  .superRefine((value, ctx) => {
    if (value.password === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "新密码不能与当前密码相同" });
    }
  })
  .transform(withoutConfirmation);
export type ChangePasswordInput = z.output<typeof changePasswordInput>;
