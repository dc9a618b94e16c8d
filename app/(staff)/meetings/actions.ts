"use server";
/** 记录面商/座谈会: one meeting, a contact record on each proposal it covers (all or none), with its photos; 添加 / 删除会议照片 later. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { addMeetingPhotos, recordMeeting, removeMeetingPhoto } from "@/db/handling/meetings";
import type { RunResult } from "@/db/handling/run";
import type { ActionResult } from "@/lib/action-result";
import { isoDateInChina } from "@/lib/format";
import { meetingInput, meetingPhotoInput, meetingPhotosInput } from "@/lib/validation/handling";
import { formAction } from "../../_server/action";

export const recordMeetingAction = formAction("recordMeetings", meetingInput, async (input, user) => {
  if (input.heldOn > isoDateInChina(new Date()))
    return { ok: false, error: "提交的内容有误，请按提示修改后重试。", fieldErrors: { heldOn: "日期不能晚于今天" } };
  const result = await recordMeeting(getDb(), user, input);
  if (!result.ok) return { ok: false, error: [result.reason, ...(result.refusals ?? []).map((r) => `${r.label}：${r.reason}`)].join("\n") };
  for (const id of input.proposalIds) revalidatePath(`/proposals/${id}`);
  revalidatePath("/meetings");
  redirect(`/meetings/${result.data.meetingId}`);
});

function done<T>(meetingId: number, result: RunResult<T>, message: string): ActionResult {
  if (!result.ok) return { ok: false, error: result.reason };
  revalidatePath(`/meetings/${meetingId}`);
  return { ok: true, message };
}

export const addMeetingPhotosAction = formAction("recordMeetings", meetingPhotosInput, async (input, user) => {
  const result = await addMeetingPhotos(getDb(), user, input.meetingId, input.photos);
  return done(input.meetingId, result, result.ok ? `已添加 ${result.data.count} 张照片` : "");
});

export const removeMeetingPhotoAction = formAction("recordMeetings", meetingPhotoInput, async (input, user) =>
  done(input.meetingId, await removeMeetingPhoto(getDb(), user, input.meetingId, input.photoId), "已删除该照片"),
);
