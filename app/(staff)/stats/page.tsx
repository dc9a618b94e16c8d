import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listSessions } from "@/db/queries/proposals";
import { countByState, leadUnitFigures } from "@/db/queries/stats";
import { PROPOSAL_STATES, PROPOSAL_STATE_LABELS } from "@/lib/domain";
import { isoDateInChina, sessionTitle } from "@/lib/format";
import { requireUser } from "../../_server/guard";

export const metadata: Metadata = { title: "统计" };

export default async function StatsPage({ searchParams }: { searchParams: Promise<{ session?: string }> }) {
  await requireUser("viewStatistics");
  const db = getDb();
  const sessions = listSessions(db);
  const sessionId = Number((await searchParams).session) || null;
  const byState = countByState(db, sessionId);
  const total = Object.values(byState).reduce((a, b) => a + b, 0);
  const units = leadUnitFigures(db, sessionId, isoDateInChina(new Date()));
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">办理统计</h1>
      <form method="get" className="mb-4 flex items-end gap-3">
        <div>
          <label htmlFor="s-session" className="block text-xs text-slate-600">
            届次会议
          </label>
          <select id="s-session" name="session" defaultValue={sessionId ?? ""} className="input">
            <option value="">全部</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {sessionTitle(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary">
          统计
        </button>
      </form>
      <section aria-labelledby="by-state" className="mb-6">
        <h2 id="by-state" className="mb-2 font-semibold">
          按办理状态（共 {total} 件）
        </h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
          {PROPOSAL_STATES.map((s) => (
            <div key={s} className="rounded border border-slate-200 bg-white p-3">
              <dt className="text-xs text-slate-600">{PROPOSAL_STATE_LABELS[s]}</dt>
              <dd className="text-2xl font-semibold">{byState[s]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="by-unit">
        <h2 id="by-unit" className="mb-2 font-semibold">
          按主办单位
        </h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">主办件数</th>
              <th scope="col">已答复</th>
              <th scope="col">答复率</th>
              <th scope="col">超期未办结</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitId}>
                <td>{u.unit}</td>
                <td>{u.led}</td>
                <td>{u.replied}</td>
                <td>{u.led ? `${Math.round((u.replied / u.led) * 1000) / 10}%` : "—"}</td>
                <td className={u.overdue ? "font-semibold text-red-800" : ""}>{u.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
