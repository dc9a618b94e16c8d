"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { superviseSteps } from "@/db/handling/supervision";
import { bulkSuperviseInput } from "@/lib/validation/handling";
import { formAction } from "../../_server/action";

/** One 督办 notice per listed proposal to the unit, about its most urgent step; each is checked and logged like a single one. */
export const superviseAll = formAction("coordinate", bulkSuperviseInput, async (input, user) => {
  const results = await superviseSteps(getDb(), user, { ...input, proposalIds: [...new Set(input.proposalIds)] });
  const sent = results.filter((r) => r.ok).length;
  revalidatePath("/supervision");
  if (sent === 0) return { ok: false, error: (await results.find((r) => !r.ok && "reason" in r))?.reason ?? "没有可督办的事项" };
  if (results.length === 1) return { ok: true, message: "已发出督办通知" };
  return {
    ok: true,
    message: `已向该单位发出 ${sent} 条督办通知${sent < results.length ? `（${results.length - sent} 件当前无需督办）` : ""}`,
  };
});
