import { DueBadge } from "@/components/due-badge";
import { ProposalLink } from "@/components/proposal-link";
import { ProvisionalNotice } from "@/components/provisional-mark";
import type { AssignmentItem } from "@/db/queries/work";
import { ASSIGNMENT_ROLE_LABELS } from "@/lib/domain";
import type { HolidayCalendar } from "@/lib/holiday-calendar";

/** A unit's assignments with the deadline that matters for the next step. */
export function AssignmentTable<R extends AssignmentItem>({
  rows,
  today,
  calendar,
  dueOf,
  note,
}: {
  rows: R[];
  today: string;
  calendar: HolidayCalendar;
  dueOf: (row: R) => string;
  note?: (row: R) => React.ReactNode;
}) {
  return (
    <>
      <ProvisionalNotice calendar={calendar} dates={rows.map(dueOf)} />
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">提案</th>
            <th scope="col">单位</th>
            <th scope="col">期限</th>
            {note && <th scope="col">说明</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.assignmentId}>
              <td>
                <ProposalLink id={r.proposalId} number={r.number} title={r.title} kind={r.sessionKind} />
              </td>
              <td data-label="单位" className="whitespace-nowrap">
                {r.unit}（{ASSIGNMENT_ROLE_LABELS[r.role]}）
              </td>
              <td data-label="期限">
                <DueBadge due={dueOf(r)} today={today} calendar={calendar} />
              </td>
              {note && <td data-label="说明">{note(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
