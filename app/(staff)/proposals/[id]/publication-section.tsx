/**
 * The publication panels on the staff proposal page, one per signed reply round, for those who decide or
 * follow it (coordinator, lead unit).
 */
import Link from "next/link";
import type { Db } from "@/db/client";
import { loadPublications, type PublicationView } from "@/db/handling/publication";
import { canSeeDrafts } from "@/lib/authz";
import { DISCLOSURE_LABELS } from "@/lib/domain";
import { availablePublicationActions } from "@/lib/publication";
import type { CurrentUser } from "../../../_server/guard";
import { PublicationPanel } from "./panels/publication-panel";

function statusOf({ facts, current }: PublicationView): React.ReactNode {
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
      return <p>尚未发布。</p>;
  }
}

export function publicationPanels(db: Db, user: CurrentUser, proposalId: number): React.ReactNode[] {
  const views = loadPublications(db, proposalId);
  return views.flatMap((view) => {
    const reply = view.facts.reply;
    if (!reply || !canSeeDrafts(user, reply.unitId)) return [];
    return [
      <PublicationPanel
        key={`publication-${view.replyId}`}
        proposalId={proposalId}
        replyId={view.replyId}
        round={views.length > 1 ? view.round : null}
        status={statusOf(view)}
        approved={DISCLOSURE_LABELS[reply.disclosure]}
        actions={availablePublicationActions(view.facts, user, view.settings)}
        defaultReason={reply.disclosure === "none" ? (reply.disclosureReason ?? "") : ""}
      />,
    ];
  });
}
