"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_server/action";
import { getDb } from "@/db/client";
import { saveDeadlineRules, savePublicationSettings } from "@/db/queries/settings";
import { saveSmtpSettings, smtpSettings } from "@/db/queries/outbox";
import { smtpSettingsInput } from "@/lib/mail";
import { deadlineSettingsInput, publicationSettingsInput } from "@/lib/validation/settings";

export const saveDeadlines = formAction("administer", deadlineSettingsInput, async (rules, user) => {
  await saveDeadlineRules(getDb(), rules, user.id);
  revalidatePath("/admin/settings");
  return { ok: true, message: "已保存。新的期限规则从下一次交办、答复起生效，已确定的期限不变。" };
});

export const saveSmtp = formAction("administer", smtpSettingsInput, async (smtp, user) => {
  const db = getDb();
  // An empty password field keeps the stored one.
  await saveSmtpSettings(db, { ...smtp, password: smtp.password ?? (await smtpSettings(db)).password }, user.id);
  revalidatePath("/admin/settings");
  return { ok: true, message: smtp.enabled ? "已保存，邮件通知已启用。" : "已保存，邮件通知未启用。" };
});

export const savePublication = formAction("administer", publicationSettingsInput, async (value, user) => {
  await savePublicationSettings(getDb(), value, user.id);
  revalidatePath("/admin/settings");
  return { ok: true, message: value.publisher === "unit" ? "已保存：承办单位和督查室均可决定公开。" : "已保存：由督查室决定公开。" };
});
