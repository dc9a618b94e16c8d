/**
 * What the 登记提案 and 导入交办清单 forms accept. Pure zod schemas with the Chinese messages the forms
 * show; whether the session, number, category and names exist is checked against the database.
 */
import { z } from "zod";
import { checkbox, optionalId, optionalText, requiredText } from "@/lib/validation/common";
import { BODY_MAX, NAME_MAX, TITLE_MAX, splitNames } from "./columns";

const selectedId = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^[1-9]\d{0,9}$/, `请选择${label}`)
    .transform(Number);

const proposalNumber = z
  .string({ error: "请填写编号" })
  .trim()
  .min(1, "请填写编号")
  .regex(/^\d{1,6}$/, "编号应为 1–999999 的整数")
  .transform(Number)
  .refine((n) => n >= 1, "编号应为 1–999999 的整数");

/** Several names in one field, separated as in the import sheet. */
const nameList = (label: string) => optionalText(label, 2000).transform((s) => (s === null ? [] : splitNames(s)));

export const registrationInput = z.object({
  sessionId: selectedId("届次会议"),
  number: proposalNumber,
  title: requiredText("标题", TITLE_MAX).transform((s) => s.replace(/\s+/gu, " ")),
  proposer: requiredText("提案人", NAME_MAX),
  coSigners: nameList("联名人"),
  seconders: nameList("附议人"),
  categoryId: optionalId("主题分类"),
  body: requiredText("提案内容", BODY_MAX),
  // A date as people write it (2026-01-15, 2026年1月15日 …), checked against the calendar on registration.
  receivedOn: requiredText("收到日期", 20),
  isKey: checkbox,
  isUrgent: checkbox,
  wantsMeeting: checkbox,
  /** The coordinator confirmed that names not yet known become new member accounts. */
  createMembers: checkbox,
});

export type RegistrationInput = z.output<typeof registrationInput>;

/** The import form's fields besides the file, which is read and checked on its own. */
export const importInput = z.object({ sessionId: selectedId("届次会议") });
