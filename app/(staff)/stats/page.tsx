import type { Metadata } from "next";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { Link } from "@/components/link";
import { FilterField } from "@/components/ui/filter-field";
import { ScrollFrame } from "@/components/ui/scroll-frame";
import { getDb } from "@/db/client";
import { listUnits } from "@/db/queries/org";
import { listSessions } from "@/db/queries/proposals";
import { statisticsOverview } from "@/db/queries/statistics";
import {
  PROPOSAL_STATE_LABELS,
  PROPOSAL_STATES,
  type ProposalState,
  RESULT_CLASSES,
  SESSION_KIND_LABELS,
  SESSION_KINDS,
} from "@/lib/domain";
import { sessionTitle } from "@/lib/format";
import { FIGURE_DEFINITIONS, percent, RATES, type Ratio, unitsToChart } from "@/lib/statistics";
import { requireUser } from "../../_server/guard";
import { KeyFigures } from "./key-figures";
import { UnitTable } from "./unit-table";

export const metadata: Metadata = { title: "统计" };

const STATE_COLORS: Record<ProposalState, string> = {
  registered: "#94a3b8",
  assigned: "#7dd3fc",
  handling: "#2563eb",
  in_review: "#f59e0b",
  replied: "#10b981",
  rehandling: "#dc2626",
  closed: "#14532d",
};

export default async function StatsPage({
  searchParams,
}: {
  searchParams: Promise<{ session?: string; kind?: string; unit?: string; page?: string }>;
}) {
  await requireUser("viewStatistics");
  const db = getDb();
  const params = await searchParams;
  const sessionId = Number(params.session) || null;
  const kind = SESSION_KINDS.find((k) => k === params.kind) ?? null;
  const unitId = Number(params.unit) || null;
  const unitPage = Math.max(1, Math.min(10_000, Math.trunc(Number(params.page)) || 1));
  // Independent reads at once: on PostgreSQL each is a round trip.
  const [{ figures, units, key, sessions }, allSessions, allUnits] = await Promise.all([
    statisticsOverview(db, { sessionId, kind, unitId }),
    listSessions(db),
    listUnits(db),
  ]);
  const exportQuery = new URLSearchParams(
    Object.entries({ session: sessionId, kind, unit: unitId }).flatMap(([k, v]) => (v === null ? [] : [[k, String(v)]])),
  );
  const charted = unitsToChart(units, "satisfiedByResult");
  const satisfactionChart = `${FIGURE_DEFINITIONS.satisfiedByResult.label}（按主办单位${charted.lowest ? `，最低的 ${charted.units.length} 个，全部见上表` : ""}）`;
  const byState = Object.fromEntries(PROPOSAL_STATES.map((state) => [state, sessions.reduce((n, s) => n + s.states[state], 0)]));
  const filters = [
    {
      id: "s-session",
      name: "session",
      label: "届次会议",
      value: sessionId,
      options: allSessions.map((s) => ({ value: s.id, label: sessionTitle(s) })),
    },
    {
      id: "s-kind",
      name: "kind",
      label: "类型",
      value: kind,
      options: SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] })),
    },
    {
      id: "s-unit",
      name: "unit",
      label: "主办单位",
      value: unitId,
      options: allUnits.map((u) => ({ value: u.id, label: u.name })),
    },
  ];
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">办理统计</h1>
      <form method="get" className="mb-5 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
        {filters.map((f) => (
          <FilterField key={f.id} id={f.id} label={f.label}>
            <select id={f.id} name={f.name} defaultValue={f.value ?? ""} className="input">
              <option value="">全部</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </FilterField>
        ))}
        <button type="submit" className="btn btn-primary">
          统计
        </button>
        <a href={`/stats/statistics.xlsx?${exportQuery}`} className="btn btn-secondary" download>
          导出统计
        </a>
        <Link href={sessionId ? `/stats/report?session=${sessionId}` : "/stats/report"} className="btn btn-secondary">
          办理工作总结
        </Link>
      </form>

      <section aria-labelledby="figures-h" className="mb-6">
        <h2 id="figures-h" className="mb-2 font-semibold">
          主要指标（共 {figures.total} 件，已交办 {figures.assigned} 件，已答复 {figures.replied} 件，重新办理 {figures.secondRound} 件）
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          {FIGURE_DEFINITIONS.replyOverdue.label}：
          <strong className={figures.replyOverdue > 0 ? "text-red-800" : undefined}>{figures.replyOverdue}</strong> 件
          <span className="ml-2 text-xs text-slate-600">（{FIGURE_DEFINITIONS.replyOverdue.definition}）</span>
          {figures.replyOverdue > 0 && (
            <Link href="/supervision?stage=reply" className="ml-2 text-brand-700 underline">
              去督办
            </Link>
          )}
        </p>
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

      <KeyFigures figures={key} />

      <UnitTable
        units={units}
        page={unitPage}
        href={(page) => `/stats?${new URLSearchParams([...exportQuery, ["page", String(page)]])}#units-h`}
      />

      <section aria-labelledby="charts-h" className="mb-6 grid gap-6 lg:grid-cols-2">
        <h2 id="charts-h" className="sr-only">
          图表
        </h2>
        <figure className="min-w-0 rounded border border-slate-200 bg-white p-3">
          <figcaption className="mb-2 text-sm font-medium text-slate-700">{satisfactionChart}</figcaption>
          <ScrollFrame label={satisfactionChart}>
            <HorizontalBarChart
              title={satisfactionChart}
              items={charted.units.map((u) => ({ label: u.unit, value: u.figures.satisfiedByResult }))}
            />
          </ScrollFrame>
        </figure>
        <figure className="min-w-0 rounded border border-slate-200 bg-white p-3">
          <figcaption className="mb-2 text-sm font-medium text-slate-700">各届次会议提案办理状态</figcaption>
          <ScrollFrame label="各届次会议提案办理状态">
            <StackedBarChart
              title="各届次会议提案办理状态"
              series={PROPOSAL_STATES.map((s) => ({ label: PROPOSAL_STATE_LABELS[s], color: STATE_COLORS[s] }))}
              rows={sessions.map((s) => ({ label: s.session, values: PROPOSAL_STATES.map((state) => s.states[state]) }))}
            />
          </ScrollFrame>
        </figure>
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
