import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { getDb } from "@/db/client";
import { deadlineRules } from "@/db/queries/settings";
import { DeadlineForm } from "./deadline-form";

export const metadata: Metadata = { title: "办理期限设置" };

export default async function SettingsPage() {
  await requireUser("administer");
  return (
    <>
      <h1 className="mb-4 text-xl font-bold text-slate-900">办理期限设置</h1>
      <DeadlineForm rules={deadlineRules(getDb())} />
    </>
  );
}
