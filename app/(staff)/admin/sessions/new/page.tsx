import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { isoDateInChina } from "@/lib/format";
import { SectionHeader } from "../../_shared/section-header";
import { createSession } from "../actions";
import { SessionForm } from "../session-form";

export const metadata: Metadata = { title: "新建届次会议" };

export default async function NewSessionPage() {
  await requireUser("administer");
  return (
    <>
      <SectionHeader title="新建届次会议" />
      <SessionForm action={createSession} defaultYear={Number(isoDateInChina(new Date()).slice(0, 4))} />
    </>
  );
}
