/** The per-proposal facts the statistics are computed from (lib/statistics.ts), in one query each. */
import { sql } from "drizzle-orm";
import { FACE_TO_FACE_METHODS, type ProposalState, type ResultClass, type SessionKind, type Satisfaction } from "@/lib/domain";
import { isoDateInChina } from "@/lib/format";
import type { ProposalFacts } from "@/lib/statistics";
import type { Db } from "../client";

export type StatisticsFilter = { sessionId?: number | null; unitId?: number | null; kind?: SessionKind | null };

type Row = {
  id: number;
  status: ProposalState;
  round: number;
  leadUnitId: number | null;
  leadUnit: string | null;
  acceptedOnTime: number | null;
  repliedOnTime: number | null;
  contacted: number;
  metInPerson: number;
  resultClass: ResultClass | null;
  published: number;
  receipts: string | null;
};

const FACE = sql.raw(FACE_TO_FACE_METHODS.map((m) => `'${m}'`).join(", "));

export function statisticsFacts(db: Db, filter: StatisticsFilter = {}, today = isoDateInChina(new Date())): ProposalFacts[] {
  const rows = db.all<Row>(sql`
    with lead as (
      select a.proposal_id, a.unit_id, a.accept_due, a.accepted_at, u.name
      from assignments a join units u on u.id = a.unit_id
      where a.role = 'lead' and a.status <> 'withdrawn'
    ),
    latest as (
      select r.* from replies r
      where r.round = (select max(r2.round) from replies r2 where r2.proposal_id = r.proposal_id)
    ),
    first_reply as (select * from replies where round = 1)
    select
      p.id as id, p.status as status, p.round as round,
      lead.unit_id as leadUnitId, lead.name as leadUnit,
      case when lead.accepted_at is not null then date(lead.accepted_at / 1000 + 8 * 3600, 'unixepoch') <= lead.accept_due
           when lead.accept_due < ${today} then 0 end as acceptedOnTime,
      case when fr.id is null then null
           when fr.reply_due is not null and fr.written_on <= fr.reply_due then 1 else 0 end as repliedOnTime,
      exists (select 1 from contact_records c where c.proposal_id = p.id and c.round = 1) as contacted,
      exists (select 1 from contact_records c where c.proposal_id = p.id and c.round = 1 and c.method in (${FACE})) as metInPerson,
      (select d.result_class from reply_drafts d where d.id = latest.draft_id) as resultClass,
      exists (select 1 from publications pub where pub.reply_id = latest.id and pub.status = 'published') as published,
      (select json_group_array(json_object('attitude', rc.attitude, 'result', rc.result)) from receipts rc where rc.reply_id = latest.id) as receipts
    from proposals p
    join sessions s on s.id = p.session_id
    left join lead on lead.proposal_id = p.id
    left join first_reply fr on fr.proposal_id = p.id
    left join latest on latest.proposal_id = p.id
    where (${filter.sessionId ?? null} is null or p.session_id = ${filter.sessionId ?? null})
      and (${filter.kind ?? null} is null or s.kind = ${filter.kind ?? null})
      and (${filter.unitId ?? null} is null or lead.unit_id = ${filter.unitId ?? null})
    order by p.id
  `);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    round: r.round,
    leadUnitId: r.leadUnitId,
    leadUnit: r.leadUnit,
    acceptedOnTime: r.acceptedOnTime === null ? null : r.acceptedOnTime === 1,
    repliedOnTime: r.repliedOnTime === null ? null : r.repliedOnTime === 1,
    contacted: r.contacted === 1,
    metInPerson: r.metInPerson === 1,
    resultClass: r.resultClass,
    published: r.published === 1,
    receipts: (JSON.parse(r.receipts ?? "[]") as { attitude: Satisfaction; result: Satisfaction }[]).filter((x) => x.attitude !== null),
  }));
}
