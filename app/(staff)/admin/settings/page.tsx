import type { Metadata } from "next";
import { headers } from "next/headers";
import { requireUser } from "@/app/_server/guard";
import { getDb } from "@/db/client";
import { smtpSettings } from "@/db/queries/outbox";
import { deadlineRules, loadPublicationSettings } from "@/db/queries/settings";
import { originFromHeaders } from "@/lib/site-origin";
import { DeadlineForm } from "./deadline-form";
import { PublicationForm } from "./publication-form";
import { SmtpForm } from "./smtp-form";

export const metadata: Metadata = { title: "系统设置" };

export default async function SettingsPage() {
  await requireUser("administer");
  const db = getDb();
  const { password, ...smtp } = await smtpSettings(db);
  return (
    <>
      <h1 className="mb-4 text-xl font-bold text-slate-900">系统设置</h1>
      <h2 className="mb-2 font-semibold">办理期限</h2>
      <DeadlineForm rules={await deadlineRules(db)} />
      <h2 className="mb-2 mt-8 font-semibold">信息公开</h2>
      <PublicationForm publisher={(await loadPublicationSettings(db)).publisher} />
      <h2 className="mb-2 mt-8 font-semibold">邮件通知</h2>
      {/* Unsaved, the mails' address is the one the administrator reached the site by (the configured origin first). */}
      <SmtpForm smtp={{ ...smtp, siteUrl: smtp.siteUrl || originFromHeaders(await headers()), hasPassword: Boolean(password) }} />
    </>
  );
}
