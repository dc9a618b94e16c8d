import type { Metadata } from "next";
import { DueBadge } from "@/components/due-badge";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { ProposalLink } from "@/components/proposal-link";
import { ProvisionalMark, ProvisionalNotice } from "@/components/provisional-mark";
import { FilterField } from "@/components/ui/filter-field";
import { getDb } from "@/db/client";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { keyProposalRows } from "@/db/queries/key-proposals";
import { type SupervisionItem, supervisionItems } from "@/db/queries/supervision";
import { dueDate } from "@/lib/deadlines";
import { isoDateInChina } from "@/lib/format";
import { isPastDue } from "@/lib/overdue";
import { positiveInt } from "@/lib/query-param";
import { SUPERVISION_STAGE_LABELS, SUPERVISION_STAGES, supervisionBoard } from "@/lib/supervision-board";
import { requireUser } from "../../_server/guard";
import { KeyProposalTable } from "../work/key-proposal-table";
import { SuperviseButton, SuperviseUnitButton } from "./supervise-buttons";

export const metadata: Metadata = { title: "督办" };

const HORIZONS = [3, 5, 10, 20];

/** A positive whole number from a query parameter given once, or null. */
const positive = (value: string | string[] | undefined) =>
  typeof value === "string" ? (positiveInt(value, Number.MAX_SAFE_INTEGER) ?? null) : null;

type Params = { days?: string | string[]; stage?: string | string[]; page?: string | string[]; unit?: string | string[] };

/**
 * The 督办 board: every step due within N working days or overdue, by unit, with one-click notices —
 * a page of units at a time with their most urgent rows, or one unit in full (lib/supervision-board.ts).
 */
export default async function SupervisionPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireUser("coordinate");
  const params = await searchParams;
  const days = HORIZONS.find((d) => String(d) === params.days) ?? 5;
  const stage = SUPERVISION_STAGES.find((s) => s === params.stage) ?? null;
  const today = isoDateInChina(new Date());
  const calendar = await holidayCalendarOf(getDb());
  const until = dueDate(calendar, today, { amount: days, unit: "workdays" });
  const items: SupervisionItem[] = (await supervisionItems(getDb(), until)).filter((i) => !stage || i.stage === stage);
  const unitId = positive(params.unit);
  const board = supervisionBoard(items, today, { page: positive(params.page) ?? 1, unitId });
  const overdue = items.filter((i) => isPastDue(i.due, today)).length;
  const query = (extra: Record<string, string | number>) =>
    `/supervision?${new URLSearchParams({ days: String(days), ...(stage ? { stage } : {}), ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) })}`;
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">督办</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
        <FilterField id="sv-days" label="期限范围">
          <select id="sv-days" name="days" defaultValue={days} className="input">
            {HORIZONS.map((d) => (
              <option key={d} value={d}>
                已超期及 {d} 个工作日内到期
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="sv-stage" label="环节">
          <select id="sv-stage" name="stage" defaultValue={stage ?? ""} className="input">
            <option value="">全部</option>
            {SUPERVISION_STAGES.map((s) => (
              <option key={s} value={s}>
                {SUPERVISION_STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </FilterField>
        <button type="submit" className="btn btn-primary">
          查询
        </button>
        <p className="ml-auto text-sm text-slate-600">
          共 {items.length} 项，其中超期 <strong className="text-red-800">{overdue}</strong> 项，涉及 {board.unitCount} 个单位（截至 {until}
          <ProvisionalMark calendar={calendar} date={until} />）
        </p>
      </form>
      {unitId !== null && (
        <p className="mb-3 text-sm">
          <Link href={query({})} className="text-brand-700 hover:underline">
            返回全部单位
          </Link>
        </p>
      )}
      <ProvisionalNotice calendar={calendar} dates={[until, ...board.units.flatMap((u) => u.rows.map((r) => r.due))]} />
      {board.units.length === 0 && <p className="rounded border border-dashed bg-white p-4 text-slate-500">没有临近或超过期限的事项。</p>}
      {board.units.map(({ unitId: id, unit, total, overdue: late, rows, supervisable }) => (
        <section key={id} aria-label={unit} className="mb-5">
          <div className="mb-2 flex flex-wrap items-center gap-3">
            <h2 className="font-semibold">{unit}</h2>
            <span className="text-sm text-slate-600">
              {total} 项{late > 0 && <>，超期 {late} 项</>}
            </span>
            {supervisable.length > 0 && <SuperviseUnitButton unitId={id} proposalIds={supervisable} />}
          </div>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">提案</th>
                <th scope="col">环节</th>
                <th scope="col">期限</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.proposalId}-${r.stage}`}>
                  <td>
                    <ProposalLink id={r.proposalId} number={r.number} title={r.title} kind={r.kind} />
                  </td>
                  <td data-label="环节" className="whitespace-nowrap">
                    {SUPERVISION_STAGE_LABELS[r.stage]}
                  </td>
                  <td data-label="期限">
                    <DueBadge due={r.due} today={today} calendar={calendar} />
                  </td>
                  <td>
                    {r.stage === "receipt" ? (
                      <span className="text-sm text-slate-600">回执由委员提交，请在提案页催告</span>
                    ) : (
                      <SuperviseButton proposalId={r.proposalId} unitId={r.unitId} stage={r.stage} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length < total && (
            <p className="mt-1 text-sm">
              以上为最紧急的 {rows.length} 项。
              <Link href={query({ unit: id })} className="text-brand-700 underline">
                查看该单位全部 {total} 项
              </Link>
            </p>
          )}
        </section>
      ))}
      {unitId === null && <Pagination page={board.page} pages={board.pages} href={(page) => query({ page })} />}
      {unitId === null && board.page === 1 && <KeyProposalsBlock today={today} calendar={calendar} />}
    </>
  );
}

/** 重点提案 apart from the units' steps: every open one, with its leader and latest 中期进展. */
async function KeyProposalsBlock({ today, calendar }: { today: string; calendar: Awaited<ReturnType<typeof holidayCalendarOf>> }) {
  const rows = await keyProposalRows(getDb(), { open: true });
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="key-board-h" className="mb-6 rounded border border-red-200 bg-white p-3">
      <h2 id="key-board-h" className="mb-2 font-semibold">
        重点提案（{rows.length} 件在办）
      </h2>
      <KeyProposalTable rows={rows} today={today} calendar={calendar} label="在办重点提案" showLeader />
    </section>
  );
}
