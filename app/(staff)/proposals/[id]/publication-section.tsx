/** The publication panel on the staff proposal page, for those who decide or follow it (coordinator, lead unit). */
import Link from "next/link";
import { DeadlineNote } from "@/components/deadline-note";
import { DueBadge } from "@/components/due-badge";
import type { Db } from "@/db/client";
import { loadPublication } from "@/db/handling/publication";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { deadlineRules } from "@/db/queries/settings";
import { canSeeDrafts } from "@/lib/authz";
import { DISCLOSURE_LABELS } from "@/lib/domain";
import { isoDateInChina } from "@/lib/format";
import { availablePublicationActions } from "@/lib/publication";
import type { CurrentUser } from "../../../_server/guard";
import { PublicationPanel } from "./panels/publication-panel";

export function publicationPanel(db: Db, user: CurrentUser, proposalId: number): React.ReactNode {
  const view = loadPublication(db, proposalId);
  const reply = view?.facts.reply;
  if (!view || !reply || !canSeeDrafts(user, reply.unitId)) return null;
  const { current } = view;
  const state = view.facts.publication?.status;
  const status =
    state === "published" ? (
      <p>
        已于 {current.publishedOn} 发布，索引号 {current.indexNumber}，
        <Link href={`/open/${current.publicationId}`} className="underline">
          查看公开页面
        </Link>
      </p>
    ) : state === "withheld" ? (
      <p>不予公开，理由：{current.withheldReason}</p>
    ) : state === "withdrawn" ? (
      <p>
        已撤回公开（原索引号 {current.indexNumber}），理由：{current.withdrawnReason}
      </p>
    ) : (
      <NotYetPublished db={db} writtenOn={current.writtenOn} due={current.publicationDue} />
    );
  return (
    <PublicationPanel
      key="publication"
      proposalId={proposalId}
      status={status}
      approved={DISCLOSURE_LABELS[reply.disclosure]}
      actions={availablePublicationActions(view.facts, user, view.settings)}
      defaultReason={reply.disclosure === "none" ? (reply.disclosureReason ?? "") : ""}
    />
  );
}

/** 尚未发布, with the publication deadline and how it was counted. */
function NotYetPublished({ db, writtenOn, due }: { db: Db; writtenOn: string | null; due: string | null }) {
  if (!writtenOn || !due) return <p>尚未发布。</p>;
  const calendar = holidayCalendarOf(db);
  return (
    <>
      <p>
        尚未发布。公开期限：
        <DueBadge due={due} today={isoDateInChina(new Date())} calendar={calendar} />
      </p>
      <DeadlineNote label="公开期限" start={writtenOn} rule={deadlineRules(db).publication} due={due} calendar={calendar} />
    </>
  );
}
