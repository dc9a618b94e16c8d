import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { isoDateInChina } from "@/lib/format";
import { requireUser } from "../../_server/guard";
import { CoordinatorQueue } from "./coordinator-queue";
import { DirectorQueue } from "./director-queue";
import { HandlerQueue } from "./handler-queue";
import { LeaderQueue } from "./leader-queue";

export const metadata: Metadata = { title: "待办" };

/** The staff home: what this user must act on now. */
export default async function WorkPage() {
  const user = await requireUser("staffHome");
  const db = getDb();
  const today = isoDateInChina(new Date());
  const calendar = holidayCalendarOf(db);
  return (
    <>
      <h1 className="mb-4 text-xl font-bold text-slate-900">待办事项</h1>
      {user.role === "coordinator" && <CoordinatorQueue db={db} today={today} calendar={calendar} />}
      {user.role === "handler" && user.unitId !== null && <HandlerQueue db={db} unitId={user.unitId} today={today} calendar={calendar} />}
      {user.role === "director" && user.unitId !== null && <DirectorQueue db={db} unitId={user.unitId} today={today} calendar={calendar} />}
      {user.role === "district_leader" && <LeaderQueue db={db} leaderId={user.id} today={today} calendar={calendar} />}
    </>
  );
}
