"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { setEmailDigest } from "@/db/queries/account";
import { markAllRead, openNotification } from "@/db/queries/notifications";
import { checkbox, wholeNumber } from "@/lib/validation/common";
import { formAction } from "../_server/action";

export const open = formAction("ownAccount", z.object({ id: wholeNumber("通知") }), async (input, user) => {
  const link = await openNotification(getDb(), user.id, input.id);
  if (!link) return { ok: false, error: "通知不存在" };
  // Only same-site paths are stored as links; anything else goes home.
  redirect(link.startsWith("/") && !link.startsWith("//") ? link : "/");
});

export const readAll = formAction("ownAccount", z.object({}), async (_input, user) => {
  await markAllRead(getDb(), user.id);
  redirect("/notifications");
});

export const chooseDigest = formAction("ownAccount", z.object({ digest: checkbox }), async (input, user) => {
  await setEmailDigest(getDb(), user.id, input.digest);
  revalidatePath("/notifications");
  return { ok: true, message: input.digest ? "已改为每日汇总一封邮件。" : "已改为每条消息一封邮件。" };
});
