import { EmptyRow } from "@/components/ui/empty-row";
import { Pagination } from "@/components/pagination";
import type { Metadata } from "next";
import Link from "next/link";
import { DueBadge } from "@/components/due-badge";
import { ProvisionalNotice } from "@/components/provisional-mark";
import { ProposalLink } from "@/components/proposal-link";
import { StateBadge } from "@/components/state-badge";
import { getDb } from "@/db/client";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { listProposals, listSessions } from "@/db/queries/proposals";
import { can } from "@/lib/authz";
import { PROPOSAL_STATES, PROPOSAL_STATE_LABELS, type ProposalState } from "@/lib/domain";
import { isoDateInChina, sessionTitle } from "@/lib/format";
import { requireUser } from "../../_server/guard";
import { FilterField } from "@/components/ui/filter-field";
import { ScrollFrame } from "@/components/ui/scroll-frame";

/** States in which the lead unit's 办复期限 still runs. */
const isOpen = (status: string) => ["assigned", "handling", "rehandling", "in_review"].includes(status);

export const metadata: Metadata = { title: "全部提案" };

const PAGE_SIZE = 50;

type Search = Record<"session" | "status" | "q" | "page", string | string[] | undefined>;

export default async function ProposalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("listProposals");
  // A parameter given twice (?q=a&q=b) arrives as an array: the first one counts.
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Partial<Record<keyof Search, string>>;
  const db = getDb();
  const sessions = listSessions(db);
  const sessionId = Number(params.session) || null;
  const status = PROPOSAL_STATES.find((s) => s === params.status) ?? null;
  const q = params.q?.trim().slice(0, 100) || null;
  const page = Math.max(1, Math.min(100_000, Number(params.page) || 1));
  // Unit roles see only what their unit handles; the coordinator sees everything.
  const unitId = user.role === "coordinator" ? null : user.unitId;
  const { rows, total } = listProposals(db, { unitId, sessionId, status, q, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const today = isoDateInChina(new Date());
  const calendar = holidayCalendarOf(db);
  const pageHref = (p: number) =>
    `/proposals?${new URLSearchParams({ ...(sessionId ? { session: String(sessionId) } : {}), ...(status ? { status } : {}), ...(q ? { q } : {}), page: String(p) })}`;

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-bold text-slate-900 max-sm:w-full">{user.role === "coordinator" ? "全部提案" : "本单位承办的提案"}</h1>
        {can(user, "coordinate") && (
          <>
            <Link href="/proposals/new" className="btn btn-primary sm:ml-auto">
              登记提案
            </Link>
            <Link href="/proposals/import" className="btn btn-secondary">
              导入交办清单
            </Link>
            <a
              href={`/proposals/ledger.xlsx?${new URLSearchParams({ ...(sessionId ? { session: String(sessionId) } : {}), ...(status ? { status } : {}) })}`}
              className="btn btn-secondary"
              download
            >
              导出台账
            </a>
          </>
        )}
      </div>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3" role="search">
        <FilterField id="f-session" label="届次会议">
          <select id="f-session" name="session" defaultValue={sessionId ?? ""} className="input">
            <option value="">全部</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {sessionTitle(s)}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="f-status" label="状态">
          <select id="f-status" name="status" defaultValue={status ?? ""} className="input">
            <option value="">全部</option>
            {PROPOSAL_STATES.map((s: ProposalState) => (
              <option key={s} value={s}>
                {PROPOSAL_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="f-q" label="标题、提案人或编号">
          <input id="f-q" name="q" defaultValue={q ?? ""} className="input" />
        </FilterField>
        <button type="submit" className="btn btn-primary">
          查询
        </button>
        <p className="ml-auto text-sm text-slate-600">共 {total} 件</p>
      </form>
      <ProvisionalNotice calendar={calendar} dates={rows.filter((r) => isOpen(r.status)).map((r) => r.due)} />
      <ScrollFrame label="提案列表">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">提案</th>
              <th scope="col">年度</th>
              <th scope="col">提案人</th>
              <th scope="col">主题分类</th>
              <th scope="col">主办单位</th>
              <th scope="col">状态</th>
              <th scope="col">办复期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <ProposalLink id={r.id} number={r.number} title={r.title} kind={r.sessionKind} />
                  {r.isKey && <span className="ml-1 rounded bg-red-50 px-1 text-xs text-red-800">重点</span>}
                </td>
                <td data-label="年度">{r.sessionYear}</td>
                <td data-label="提案人" className="whitespace-nowrap">{r.proposer ?? "—"}</td>
                <td data-label="主题分类" className="whitespace-nowrap">{r.category ?? "—"}</td>
                <td data-label="主办单位" className="whitespace-nowrap">{r.leadUnit ?? "—"}</td>
                <td data-label="状态">
                  <StateBadge state={r.status} />
                </td>
                <td data-label="办复期限">{isOpen(r.status) ? <DueBadge due={r.due} today={today} calendar={calendar} /> : "—"}</td>
              </tr>
            ))}
            {rows.length === 0 && <EmptyRow colSpan={7}>没有符合条件的提案。</EmptyRow>}
          </tbody>
        </table>
      </ScrollFrame>
      <Pagination page={page} pages={pages} href={pageHref} />
    </>
  );
}
