import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listUnits } from "@/db/queries/org";
import { isoDateInChina } from "@/lib/format";
import { requireUser } from "../../_server/guard";
import { AcceptBatch } from "./accept-batch";
import { AssignBatch } from "./assign-batch";
import { LettersBatch } from "./letters-batch";
import { PublishBatch } from "./publish-batch";
import { RemindBatch } from "./remind-batch";

export const metadata: Metadata = { title: "批量办理" };

/** Bulk work: each batch is carried out whole or not at all, with a line per proposal. */
export default async function BatchPage() {
  const user = await requireUser("bulkWork");
  const db = getDb();
  return (
    <>
      <h1 className="mb-2 text-xl font-bold text-slate-900">批量办理</h1>
      <p className="mb-4 text-sm text-slate-600">
        勾选后一次办理；每件按单独办理时的规则判断，有一件不能办理则整批不执行，并逐件说明原因。每件都记入其办理记录。
      </p>
      <div className="space-y-6">
        {user.role === "coordinator" && (
          <>
            <AssignBatch db={db} units={(await listUnits(db, { activeOnly: true })).map((u) => ({ id: u.id, name: u.name }))} />
            <PublishBatch db={db} />
            <RemindBatch db={db} today={isoDateInChina(new Date())} />
            <LettersBatch db={db} />
          </>
        )}
        {user.role === "handler" && user.unitId !== null && <AcceptBatch db={db} unitId={user.unitId} />}
      </div>
    </>
  );
}
