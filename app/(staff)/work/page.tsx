import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { sectionsOf } from "@/db/queries/sections";
import { isoDateInChina } from "@/lib/format";
import { requireUser } from "../../_server/guard";
import { CoordinatorQueue } from "./coordinator-queue";
import { DirectorQueue } from "./director-queue";
import { DivisionQueue } from "./division-queue";
import { HandlerQueue } from "./handler-queue";
import { LeaderQueue } from "./leader-queue";
import { queuePagesOf } from "./queue-pages";
import { ReviewQueue } from "./review-queue";

export const metadata: Metadata = { title: "待办" };

/** The staff home: what this user must act on now. */
export default async function WorkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("staffHome");
  const pages = queuePagesOf(await searchParams);
  const db = getDb();
  const today = isoDateInChina(new Date());
  const calendar = await holidayCalendarOf(db);
  const unitId = user.unitId;
  // 待分办 for the unit's office (its director, handlers with 可分办), in units that have 科室.
  const divides =
    unitId !== null &&
    (user.role === "director" || (user.role === "handler" && user.canDivide)) &&
    (await sectionsOf(db, unitId, { activeOnly: true })).length > 0;
  return (
    <>
      <h1 className="mb-4 text-xl font-bold text-slate-900">待办事项</h1>
      {user.role === "coordinator" && <CoordinatorQueue db={db} today={today} calendar={calendar} pages={pages} />}
      {divides && <DivisionQueue db={db} unitId={unitId} today={today} calendar={calendar} pages={pages} />}
      {user.role === "handler" && unitId !== null && (
        <HandlerQueue db={db} user={{ id: user.id, unitId }} today={today} calendar={calendar} pages={pages} />
      )}
      {user.role === "director" && unitId !== null && (
        <DirectorQueue db={db} unitId={unitId} today={today} calendar={calendar} pages={pages} />
      )}
      {user.role === "leader" && unitId !== null && <ReviewQueue db={db} unitId={unitId} today={today} calendar={calendar} pages={pages} />}
      {user.role === "district_leader" && <LeaderQueue db={db} leaderId={user.id} today={today} calendar={calendar} />}
    </>
  );
}
