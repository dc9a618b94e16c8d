import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { ProposalLink } from "@/components/proposal-link";
import { getDb } from "@/db/client";
import { meetingDetail, meetingPhotoChanges } from "@/db/queries/meetings";
import { canEditMeetingPhotos, canViewMeeting } from "@/lib/authz";
import { MEETING_KIND_LABELS } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";
import { requireUser } from "../../../_server/guard";
import { MeetingPhotos } from "./meeting-photos";

export const metadata: Metadata = { title: "面商/座谈会记录" };

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("viewMeetings");
  const id = Number((await params).id);
  const db = getDb();
  const meeting = Number.isSafeInteger(id) ? await meetingDetail(db, id) : null;
  if (!meeting) notFound();
  if (!canViewMeeting(user, meeting.unitId)) forbidden();
  return (
    <article className="space-y-4">
      <h1 className="text-xl font-bold text-slate-900">
        {MEETING_KIND_LABELS[meeting.kind]}记录（{meeting.heldOn}）
      </h1>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 rounded border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-500">单位</dt>
        <dd>{meeting.unit}</dd>
        <dt className="text-slate-500">地点</dt>
        <dd>{meeting.place}</dd>
        <dt className="text-slate-500">委员/代表</dt>
        <dd>{meeting.members.map((m) => m.name).join("、") || "—"}</dd>
        <dt className="text-slate-500">单位人员</dt>
        <dd>{meeting.officials}</dd>
        <dt className="text-slate-500">记录人</dt>
        <dd>
          {meeting.author}（{dateTimeInChina(meeting.createdAt)}）
        </dd>
      </dl>
      <section aria-labelledby="covered-h" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="covered-h" className="mb-2 font-semibold">
          涵盖的提案（{meeting.proposals.length} 件，各记入一条见面沟通记录）
        </h2>
        <ul className="space-y-1 text-sm">
          {meeting.proposals.map((p) => (
            <li key={p.id}>
              <ProposalLink id={p.id} number={p.number} title={p.title} kind={p.kind} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="minutes-h" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="minutes-h" className="mb-2 font-semibold">
          会议纪要
        </h2>
        <p className="whitespace-pre-line text-sm">{meeting.minutes}</p>
      </section>
      <MeetingPhotos
        meetingId={meeting.id}
        photos={meeting.photos}
        changes={await meetingPhotoChanges(db, meeting.id)}
        editable={canEditMeetingPhotos(user, meeting.unitId)}
      />
    </article>
  );
}
