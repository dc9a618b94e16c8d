import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { meetingCandidates } from "@/db/queries/meetings";
import { isoDateInChina } from "@/lib/format";
import { requireUser } from "../../../_server/guard";
import { recordMeetingAction } from "../actions";
import { MeetingForm } from "./meeting-form";

export const metadata: Metadata = { title: "记录面商/座谈会" };

/** A unit's handler records a 面商 or 座谈会 covering proposals it leads; `?proposal=` ticks one to start with. */
export default async function NewMeetingPage({ searchParams }: { searchParams: Promise<{ proposal?: string | string[] }> }) {
  const user = await requireUser("recordMeetings");
  const candidates = user.unitId === null ? [] : await meetingCandidates(getDb(), user.unitId);
  const asked = Number((await searchParams).proposal);
  return (
    <>
      <h1 className="mb-2 text-xl font-bold text-slate-900">记录面商/座谈会</h1>
      <p className="mb-4 text-sm text-slate-600">一次面商或座谈会可涵盖本单位主办的多件提案；保存后，每件提案都记入一条见面沟通记录。</p>
      <MeetingForm
        action={recordMeetingAction}
        candidates={candidates}
        preselected={candidates.some((c) => c.id === asked) ? [asked] : []}
        today={isoDateInChina(new Date())}
      />
    </>
  );
}
