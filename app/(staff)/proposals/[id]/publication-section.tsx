/** The publication panel on the staff proposal page, for those who decide or follow it (coordinator, lead unit). */
import Link from "next/link";
import type { Db } from "@/db/client";
import { loadPublication } from "@/db/handling/publication";
import { canSeeDrafts } from "@/lib/authz";
import { DISCLOSURE_LABELS } from "@/lib/domain";
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
      <p>尚未发布。</p>
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
