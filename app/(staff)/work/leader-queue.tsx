import { QueueSection } from "@/components/queue-section";
import type { Db } from "@/db/client";
import { keyProposalRows } from "@/db/queries/key-proposals";
import type { HolidayCalendar } from "@/lib/holiday-calendar";
import { KeyProposalTable } from "./key-proposal-table";

/** A 区领导's home: the 重点提案 they lead (领办), open ones first, with where each stands. */
export async function LeaderQueue({
  db,
  leaderId,
  today,
  calendar,
}: {
  db: Db;
  leaderId: number;
  today: string;
  calendar: HolidayCalendar;
}) {
  const rows = await keyProposalRows(db, { leaderId });
  return (
    <QueueSection
      title="领办的重点提案"
      count={rows.filter((r) => r.status !== "closed").length}
      empty="目前没有您领办、尚在办理的重点提案。"
    >
      <KeyProposalTable rows={rows} today={today} calendar={calendar} label="领办的重点提案" />
    </QueueSection>
  );
}
