import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_server/guard";
import { getDb } from "@/db/client";
import { getSession } from "@/db/queries/org";
import { sessionTitle } from "@/lib/format";
import { routeId } from "../../_shared/route-id";
import { SectionHeader } from "../../_shared/section-header";
import { updateSession } from "../actions";
import { SessionForm } from "../session-form";

export const metadata: Metadata = { title: "编辑届次会议" };

export default async function EditSessionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("administer");
  const session = await getSession(getDb(), await routeId(params));
  if (!session) notFound();
  return (
    <>
      <SectionHeader title={`编辑：${sessionTitle(session)}`} />
      <SessionForm action={updateSession} session={session} />
    </>
  );
}
