/**
 * The publication panels on the staff proposal page, one per signed reply round, for those who decide or
 * follow it (coordinator, lead unit).
 */

import { DeadlineNote } from "@/components/deadline-note";
import { DueBadge } from "@/components/due-badge";
import { Link } from "@/components/link";
import type { Db } from "@/db/client";
import { loadPublications, type PublicationView } from "@/db/handling/publication";
import { canSeeDrafts } from "@/lib/authz";
import { DISCLOSURE_LABELS } from "@/lib/domain";
import { isoDateInChina } from "@/lib/format";
import { availablePublicationActions } from "@/lib/publication";
import type { CurrentUser } from "../../../_server/guard";
import { workflowContextOnce } from "./page-reads";
import { PublicationPanel } from "./panels/publication-panel";

function statusOf(db: Db, { facts, current }: PublicationView): React.ReactNode {
  switch (facts.publication?.status) {
    case "published":
      return (
        <p>
          已于 {current.publishedOn} 发布，索引号 {current.indexNumber}，
          <Link href={`/open/${current.publicationId}`} className="underline">
            查看公开页面
          </Link>
        </p>
      );
    case "withheld":
      return <p>不予公开，理由：{current.withheldReason}</p>;
    case "withdrawn":
      return (
        <p>
          已撤回公开（原索引号 {current.indexNumber}），理由：{current.withdrawnReason}
        </p>
      );
    default:
      return <NotYetPublished db={db} writtenOn={current.writtenOn} due={current.publicationDue} />;
  }
}

export async function publicationPanels(db: Db, user: CurrentUser, proposalId: number): Promise<React.ReactNode[]> {
  const views = await loadPublications(db, proposalId);
  return views.flatMap((view) => {
    const reply = view.facts.reply;
    if (!reply || !canSeeDrafts(user, reply.unitId)) return [];
    const actions = availablePublicationActions(view.facts, user, view.settings);
    const goesPublic = reply.disclosure !== "none" && actions.some((a) => a === "publish" || a === "republish");
    return [
      <PublicationPanel
        key={`publication-${view.replyId}`}
        proposalId={proposalId}
        replyId={view.replyId}
        round={views.length > 1 ? view.round : null}
        status={statusOf(db, view)}
        approved={DISCLOSURE_LABELS[reply.disclosure]}
        actions={actions}
        defaultReason={reply.disclosure === "none" ? (reply.disclosureReason ?? "") : ""}
        review={
          goesPublic ? { findings: [...reply.findings], texts: { body: view.current.body, summary: view.current.disclosureSummary } } : null
        }
      />,
    ];
  });
}

/** 尚未发布, with the publication deadline and how it was counted. */
async function NotYetPublished({ db, writtenOn, due }: { db: Db; writtenOn: string | null; due: string | null }) {
  if (!writtenOn || !due) return <p>尚未发布。</p>;
  const today = isoDateInChina(new Date());
  const { rules, calendar } = await workflowContextOnce(db, today);
  return (
    <>
      <p>
        尚未发布。公开期限：
        <DueBadge due={due} today={today} calendar={calendar} />
      </p>
      <DeadlineNote label="公开期限" start={writtenOn} rule={rules.publication} due={due} calendar={calendar} />
    </>
  );
}
