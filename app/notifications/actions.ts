"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { markAllRead, openNotification } from "@/db/queries/notifications";
import { wholeNumber } from "@/lib/validation/common";
import { formAction } from "../_server/action";

export const open = formAction("ownAccount", z.object({ id: wholeNumber("通知") }), (input, user) => {
  const link = openNotification(getDb(), user.id, input.id);
  if (!link) return { ok: false, error: "通知不存在" };
  // Only same-site paths are stored as links; anything else goes home.
  redirect(link.startsWith("/") && !link.startsWith("//") ? link : "/");
});

export const readAll = formAction("ownAccount", z.object({}), (_input, user) => {
  markAllRead(getDb(), user.id);
  redirect("/notifications");
});
