/**
 * Server actions are built with `formAction`: it checks who calls (through the guard), validates the
 * form with zod, and turns every failure into a value the form shows — never a thrown error.
 */
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { can, type Capability } from "@/lib/authz";
import type { ActionResult } from "@/lib/action-result";
import { fieldErrorsOf } from "@/lib/validation/common";
import { currentUser, type CurrentUser } from "./guard";

export function formAction<S extends z.ZodType, T = undefined>(
  capability: Capability,
  schema: S,
  handler: (input: z.output<S>, user: CurrentUser) => Promise<ActionResult<T>> | ActionResult<T>,
) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    const user = await currentUser();
    if (!user) return { ok: false, error: "登录已失效，请重新登录。" };
    if (!can(user, capability)) return { ok: false, error: "您没有权限执行此操作。" };
    // The pages send a user with a one-time password to the password form first; a direct call must not skip it.
    if (user.mustChangePassword && capability !== "ownAccount") return { ok: false, error: "请先修改初始密码，再办理其他事项。" };
    const parsed = schema.safeParse(formInput(formData));
    if (!parsed.success) {
      return { ok: false, error: "提交的内容有误，请按提示修改后重试。", fieldErrors: fieldErrorsOf(parsed.error) };
    }
    try {
      return await handler(parsed.data, user);
    } catch (error) {
      // A redirect (or any of Next's own control-flow errors) is not a failure: it goes on to Next.
      unstable_rethrow(error);
      console.error("server action failed", error);
      return { ok: false, error: "操作未能完成，请稍后重试；如仍失败请联系系统管理员。" };
    }
  };
}

/** FormData as a plain object; fields that repeat (multi-selects) become arrays. Next's own `$ACTION` fields are dropped. */
function formInput(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}
