"use server";
import { formAction } from "@/app/_server/action";
import { getDb } from "@/db/client";
import * as queries from "@/db/queries/admin";
import { setUserDivision } from "@/db/queries/admin-division";
import { createUserInput, resetPasswordInput, updateUserInput, userDivisionInput, userIdInput } from "@/lib/validation/admin";
import { afterCreate, afterUpdate } from "../_shared/outcome";

export const createUser = formAction("administer", createUserInput, async (input, user) =>
  afterCreate(await queries.createUser(getDb(), input, user.id), "/admin/users"),
);

export const updateUser = formAction("administer", updateUserInput, async (input, user) =>
  afterUpdate(await queries.updateUser(getDb(), input, user.id), undefined, { everyReply: true }),
);

export const saveUserDivision = formAction("administer", userDivisionInput, async (input, user) =>
  afterUpdate(await setUserDivision(getDb(), input, user.id)),
);

export const resetPassword = formAction("administer", resetPasswordInput, async (input, user) =>
  afterUpdate(await queries.resetPassword(getDb(), input, user.id), "密码已重置。该用户已登录的会话已失效，下次登录时须修改密码。"),
);

export const disableUser = formAction("administer", userIdInput, async ({ id }, user) =>
  afterUpdate(await queries.setUserDisabled(getDb(), id, true, user.id), "账户已停用，其已登录的会话已失效。"),
);

export const enableUser = formAction("administer", userIdInput, async ({ id }, user) =>
  afterUpdate(await queries.setUserDisabled(getDb(), id, false, user.id), "账户已启用。"),
);

export const unlockUser = formAction("administer", userIdInput, async ({ id }, user) =>
  afterUpdate(await queries.unlockUser(getDb(), id, user.id), "已解除锁定。"),
);
