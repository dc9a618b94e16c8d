import { DueBadge } from "@/components/due-badge";
import { ProposalLink } from "@/components/proposal-link";
import { StateBadge } from "@/components/state-badge";
import type { KeyProposalRow } from "@/db/queries/key-proposals";
import { dateTimeInChina } from "@/lib/format";
import type { HolidayCalendar } from "@/lib/holiday-calendar";

/** 重点提案 and where each stands: the 区领导's home and the 督办 board (there with the leader). */
export function KeyProposalTable({
  rows,
  today,
  calendar,
  label,
  showLeader = false,
}: {
  rows: KeyProposalRow[];
  today: string;
  calendar: HolidayCalendar;
  label: string;
  showLeader?: boolean;
}) {
  return (
    <div className="overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">提案</th>
            <th scope="col">状态</th>
            {showLeader && <th scope="col">领办领导</th>}
            <th scope="col">主办单位</th>
            <th scope="col">办复期限</th>
            <th scope="col">最近中期进展</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label="提案">
                <ProposalLink id={r.id} number={r.number} title={r.title} kind={r.kind} />
              </td>
              <td data-label="状态">
                <StateBadge state={r.status} />
              </td>
              {showLeader && <td data-label="领办领导">{r.leader ?? "—"}</td>}
              <td data-label="主办单位">{r.leadUnit ?? "—"}</td>
              <td data-label="办复期限">
                {r.due && ["assigned", "handling", "rehandling", "in_review"].includes(r.status) ? (
                  <DueBadge due={r.due} today={today} calendar={calendar} />
                ) : (
                  (r.due ?? "—")
                )}
              </td>
              <td data-label="最近中期进展">{r.lastReportAt ? dateTimeInChina(r.lastReportAt) : "尚未报送"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
