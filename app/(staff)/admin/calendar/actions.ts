"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { removeMaintainedYear, saveMaintainedYear } from "@/db/queries/holiday-calendar";
import { holidayYearInput, holidayYearRemoval } from "@/lib/validation/holiday-calendar";

export const saveHolidayYear = formAction("administer", holidayYearInput, async (input, user) => {
  await saveMaintainedYear(getDb(), input, user.id);
  revalidatePath("/admin/calendar");
  const off = input.days.filter((d) => d.kind === "holiday").length;
  const worked = input.days.filter((d) => d.kind === "makeup").length;
  return {
    ok: true,
    message: `已保存${input.year}年节假日安排：放假 ${off} 天，调休上班 ${worked} 天。此后计算的期限按此安排；已确定的期限请在下方核对。`,
  };
});

export const removeHolidayYear = formAction("administer", holidayYearRemoval, async ({ year }, user) => {
  if (!(await removeMaintainedYear(getDb(), year, user.id))) return { ok: false, error: `${year}年没有录入的安排。` };
  revalidatePath("/admin/calendar");
  return { ok: true, message: `已删除${year}年的录入，该年恢复使用内置数据（如有）。` };
});
