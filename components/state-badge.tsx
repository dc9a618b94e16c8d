import { PROPOSAL_STATE_LABELS, type ProposalState } from "@/lib/domain";

const TONES: Record<ProposalState, string> = {
  registered: "bg-slate-100 text-slate-800",
  assigned: "bg-sky-100 text-sky-900",
  handling: "bg-blue-100 text-blue-900",
  in_review: "bg-amber-100 text-amber-900",
  replied: "bg-emerald-100 text-emerald-900",
  rehandling: "bg-orange-100 text-orange-900",
  closed: "bg-gray-200 text-gray-800",
};

export function StateBadge({ state }: { state: ProposalState }) {
  return (
    <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${TONES[state]}`}>{PROPOSAL_STATE_LABELS[state]}</span>
  );
}
