/** The co-handling units' opinions on a proposal, as far as the user may read them. */
import type { Db } from "@/db/client";
import { coOpinionsOf } from "@/db/queries/handling-view";
import { canSeeCoOpinion } from "@/lib/authz";
import { CO_OPINION_STATE_LABELS } from "@/lib/domain";
import { dateTimeInChina } from "@/lib/format";
import type { CurrentUser } from "../../../_server/guard";

/** An opinion reaches the lead unit once sent; its own unit and the coordinating office see it before. */
export async function CoOpinionsSection({
  db,
  user,
  proposalId,
  leadUnitId,
}: {
  db: Db;
  user: CurrentUser;
  proposalId: number;
  leadUnitId: number | null;
}) {
  const opinions = (await coOpinionsOf(db, proposalId)).filter(
    (o) => canSeeCoOpinion(user, leadUnitId, o.unitId) && (o.status === "sent" || user.unitId === o.unitId || user.role === "coordinator"),
  );
  if (opinions.length === 0) return null;
  return (
    <section aria-labelledby="opinions-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="opinions-h" className="mb-3 font-semibold">
        协办意见
      </h2>
      <ul className="space-y-3">
        {opinions.map((o) => (
          <li key={o.unitId} className="border-b border-slate-100 pb-3 last:border-0">
            <p className="text-sm">
              <strong>{o.unit}</strong>
              <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">{CO_OPINION_STATE_LABELS[o.status]}</span>
              <span className="ml-2 text-slate-500">{o.author}</span>
              {o.sentAt && <span className="ml-2 text-slate-500">{dateTimeInChina(o.sentAt)} 送达</span>}
            </p>
            <div className="mt-1 whitespace-pre-line font-serif text-sm leading-7">{o.body}</div>
            {o.directorComment && <p className="mt-1 text-sm text-red-900">负责人意见：{o.directorComment}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
