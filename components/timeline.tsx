import { PROPOSAL_STATE_LABELS, type ProposalState, type SessionKind } from "@/lib/domain";
import { eventLabel } from "@/lib/event-labels";
import { dateTimeInChina, proposalLabel } from "@/lib/format";

export type TimelineEntry = {
  id: number;
  action: string;
  actor: string | null;
  fromState: ProposalState | null;
  toState: ProposalState | null;
  comment: string | null;
  createdAt: Date;
  /** The other proposal of a 并案 or 取消并案, when the entry names one. */
  related?: { number: number | null; kind: SessionKind | null } | null;
  /** What the entry was about, when the log names it (分办: 科室, 承办人, internal deadline). */
  detail?: string | null;
};

/** 办理记录: the proposal's history from the event log, oldest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">暂无办理记录。</p>;
  return (
    <ol className="relative space-y-3 border-l-2 border-slate-200 pl-4">
      {entries.map((e) => (
        <li key={e.id} className="text-sm">
          <span className="absolute -left-[7px] mt-1.5 h-3 w-3 rounded-full bg-brand-600" aria-hidden="true" />
          <p>
            <time className="mr-2 text-slate-500">{dateTimeInChina(e.createdAt)}</time>
            <strong className="font-semibold">{eventLabel(e.action)}</strong>
            {e.related?.number != null && e.related.kind && (
              <span className="ml-1">（与{proposalLabel(e.related.number, e.related.kind)}）</span>
            )}
            {e.actor && <span className="ml-2 text-slate-600">{e.actor}</span>}
            {e.fromState && e.toState && e.fromState !== e.toState && (
              <span className="ml-2 text-xs text-slate-500">
                {PROPOSAL_STATE_LABELS[e.fromState]} → {PROPOSAL_STATE_LABELS[e.toState]}
              </span>
            )}
          </p>
          {e.detail && <p className="mt-0.5 text-slate-700">{e.detail}</p>}
          {e.comment && <p className="mt-0.5 whitespace-pre-line text-slate-700">{e.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
