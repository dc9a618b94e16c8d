import { z } from "zod";
import { parseHolidayNotice } from "../holiday-notice";
import { optionalText, requiredText, wholeNumber } from "./common";

const year = wholeNumber("年份", 2000, 2100);

/** 录入节假日安排: the year, where the schedule comes from, and the notice's text, read and checked here. */
export const holidayYearInput = z
  .object({
    year,
    source: optionalText("通知文号或来源", 100),
    noticeText: requiredText("通知原文", 5000),
  })
  .transform((v, ctx) => {
    const parsed = parseHolidayNotice(v.year, v.noticeText);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["noticeText"], message: parsed.errors.join("；") });
      return z.NEVER;
    }
    return { year: v.year, source: v.source ?? "管理员录入", noticeText: v.noticeText, days: parsed.days };
  });

export const holidayYearRemoval = z.object({ year });
