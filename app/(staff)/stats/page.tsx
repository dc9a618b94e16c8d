import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listUnits } from "@/db/queries/org";
import { listSessions } from "@/db/queries/proposals";
import { statisticsFacts } from "@/db/queries/statistics";
import { PROPOSAL_STATES, PROPOSAL_STATE_LABELS, RESULT_CLASSES, SESSION_KINDS, SESSION_KIND_LABELS } from "@/lib/domain";
import { sessionTitle } from "@/lib/format";
import { computeFigures, FIGURE_DEFINITIONS, figuresByUnit, percent, type Figures, type Ratio } from "@/lib/statistics";
import { requireUser } from "../../_server/guard";

export const metadata: Metadata = { title: "统计" };

const RATES = ["acceptedOnTime", "repliedOnTime", "contactRate", "faceToFaceRate", "satisfiedByAttitude", "satisfiedByResult", "publicationRate"] as const satisfies readonly (keyof Figures)[];

export default async function StatsPage({ searchParams }: { searchParams: Promise<{ session?: string; kind?: string; unit?: string }> }) {
  await requireUser("viewStatistics");
  const db = getDb();
  const params = await searchParams;
  const sessionId = Number(params.session) || null;
  const kind = SESSION_KINDS.find((k) => k === params.kind) ?? null;
  const unitId = Number(params.unit) || null;
  const facts = statisticsFacts(db, { sessionId, kind, unitId });
  const figures = computeFigures(facts);
  const units = figuresByUnit(facts);
  const byState = Object.fromEntries(PROPOSAL_STATES.map((s) => [s, facts.filter((f) => f.status === s).length]));
  const filters = [
    { id: "s-session", name: "session", label: "届次会议", value: sessionId, options: listSessions(db).map((s) => ({ value: s.id, label: sessionTitle(s) })) },
    { id: "s-kind", name: "kind", label: "类型", value: kind, options: SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] })) },
    { id: "s-unit", name: "unit", label: "主办单位", value: unitId, options: listUnits(db).map((u) => ({ value: u.id, label: u.name })) },
  ];
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">办理统计</h1>
      <form method="get" className="mb-5 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
        {filters.map((f) => (
          <div key={f.id}>
            <label htmlFor={f.id} className="block text-xs text-slate-600">
              {f.label}
            </label>
            <select id={f.id} name={f.name} defaultValue={f.value ?? ""} className="input">
              <option value="">全部</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="btn btn-primary">
          统计
        </button>
      </form>

      <section aria-labelledby="figures-h" className="mb-6">
        <h2 id="figures-h" className="mb-2 font-semibold">
          主要指标（共 {figures.total} 件，已交办 {figures.assigned} 件，重新办理 {figures.secondRound} 件）
        </h2>
        <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {RATES.map((key) => (
            <Rate key={key} label={FIGURE_DEFINITIONS[key].label} definition={FIGURE_DEFINITIONS[key].definition} value={figures[key]} />
          ))}
          <div className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm font-medium text-slate-700">{FIGURE_DEFINITIONS.resultClasses.label}</dt>
            <dd className="mt-1 flex gap-3 text-lg font-semibold">
              {RESULT_CLASSES.map((c) => (
                <span key={c}>
                  {c} {percent(figures.resultClasses[c])}
                </span>
              ))}
            </dd>
            <dd className="mt-1 text-xs text-slate-500">{FIGURE_DEFINITIONS.resultClasses.definition}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="units-h" className="mb-6">
        <h2 id="units-h" className="mb-2 font-semibold">
          各主办单位（按按时办复率排序）
        </h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">主办件数</th>
              <th scope="col">已答复</th>
              <th scope="col">按时签收率</th>
              <th scope="col">按时办复率</th>
              <th scope="col">沟通率</th>
              <th scope="col">见面率</th>
              <th scope="col">满意率（结果）</th>
            </tr>
          </thead>
          <tbody>
            {units.map(({ unitId: id, unit, figures: u }) => (
              <tr key={id}>
                <th scope="row" className="font-normal">
                  {unit}
                </th>
                <td>{u.total}</td>
                <td>{u.repliedOnTime.of}</td>
                <td>{percent(u.acceptedOnTime)}</td>
                <td>{percent(u.repliedOnTime)}</td>
                <td>{percent(u.contactRate)}</td>
                <td>{percent(u.faceToFaceRate)}</td>
                <td>{percent(u.satisfiedByResult)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="by-state">
        <h2 id="by-state" className="mb-2 font-semibold">
          按办理状态
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
    </>
  );
}

function Rate({ label, definition, value }: { label: string; definition: string; value: Ratio }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold">
        {percent(value)}
        <span className="ml-2 text-sm font-normal text-slate-500">
          {value.count}/{value.of}
        </span>
      </dd>
      <dd className="mt-1 text-xs text-slate-500">{definition}</dd>
    </div>
  );
}
