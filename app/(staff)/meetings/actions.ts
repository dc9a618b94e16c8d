"use server";
/** 记录面商/座谈会: one meeting, a contact record on each proposal it covers (all or none). */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { recordMeeting } from "@/db/handling/meetings";
import { isoDateInChina } from "@/lib/format";
import { meetingInput } from "@/lib/validation/handling";
import { formAction } from "../../_server/action";

export const recordMeetingAction = formAction("recordMeetings", meetingInput, (input, user) => {
  if (input.heldOn > isoDateInChina(new Date())) return { ok: false, error: "提交的内容有误，请按提示修改后重试。", fieldErrors: { heldOn: "日期不能晚于今天" } };
  const result = recordMeeting(getDb(), user, input);
  if (!result.ok) return { ok: false, error: [result.reason, ...(result.refusals ?? []).map((r) => `${r.label}：${r.reason}`)].join("\n") };
  for (const id of input.proposalIds) revalidatePath(`/proposals/${id}`);
  revalidatePath("/meetings");
  redirect(`/meetings/${result.data.meetingId}`);
});
