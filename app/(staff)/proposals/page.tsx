import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DueBadge } from "@/components/due-badge";
import { Link } from "@/components/link";
import { Pagination } from "@/components/pagination";
import { ProposalLink } from "@/components/proposal-link";
import { ProvisionalNotice } from "@/components/provisional-mark";
import { StateBadge } from "@/components/state-badge";
import { EmptyRow } from "@/components/ui/empty-row";
import { getDb } from "@/db/client";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { filterChoices } from "@/db/queries/org";
import { listProposals } from "@/db/queries/proposals";
import { can } from "@/lib/authz";
import { isoDateInChina } from "@/lib/format";
import { isFiltered, parseProposalQuery, proposalQueryString } from "@/lib/proposal-filter";
import { queryStringOf } from "@/lib/query-param";
import { requireUser } from "../../_server/guard";
import { ProposalFilters } from "./proposal-filters";

/** States in which the lead unit's 办复期限 still runs. */
const isOpen = (status: string) => ["assigned", "handling", "rehandling", "in_review"].includes(status);

export const metadata: Metadata = { title: "全部提案" };

const PAGE_SIZE = 50;

type Search = Record<string, string | string[] | undefined>;

export default async function ProposalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("listProposals");
  const params = await searchParams;
  const { filter, page } = parseProposalQuery(params);
  // The form sends every field, the empty ones too: the address is put in its short, fixed form (a bad
  // value dropped), which is what the list is shared and bookmarked as.
  const canonical = proposalQueryString(filter, page);
  if (canonical !== queryStringOf(params)) redirect(canonical ? `/proposals?${canonical}` : "/proposals");
  const db = getDb();
  const today = isoDateInChina(new Date());
  // Unit roles see only what their unit handles; the coordinator sees everything.
  const unitId = user.role === "coordinator" ? null : user.unitId;
  // Three independent reads at once: on PostgreSQL each is a round trip.
  const [{ rows, total }, calendar, choices] = await Promise.all([
    listProposals(db, { ...filter, unitId }, { page, pageSize: PAGE_SIZE, today }),
    holidayCalendarOf(db),
    filterChoices(db),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const query = proposalQueryString(filter);
  const pageHref = (p: number) => `/proposals?${proposalQueryString(filter, p)}`;

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-bold text-slate-900">{user.role === "coordinator" ? "全部提案" : "本单位承办的提案"}</h1>
        {can(user, "coordinate") && (
          <div className="flex flex-wrap gap-3 sm:ml-auto">
            <Link href="/proposals/new" className="btn btn-primary">
              登记提案
            </Link>
            <Link href="/proposals/import" className="btn btn-secondary">
              导入交办清单
            </Link>
            <a href={`/proposals/ledger.xlsx${query ? `?${query}` : ""}`} className="btn btn-secondary" download>
              {isFiltered(filter) ? `导出台账（筛选结果 ${total} 件）` : "导出台账"}
            </a>
          </div>
        )}
      </div>
      {/* Keyed by the filters: back and forward, the form shows the filters of the list it stands over (its fields keep what was typed otherwise). */}
      <ProposalFilters key={query} filter={filter} choices={choices} total={total} />
      <ProvisionalNotice calendar={calendar} dates={rows.filter((r) => isOpen(r.status)).map((r) => r.due)} />
      <div role="region" aria-label="提案列表（可横向滚动）" tabIndex={0} className="relative overflow-x-auto">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" className="min-w-52">
                提案
              </th>
              <th scope="col" className="max-sm:hidden">
                年度
              </th>
              <th scope="col">提案人</th>
              <th scope="col" className="max-sm:hidden">
                主题分类
              </th>
              <th scope="col">主办单位</th>
              <th scope="col">状态</th>
              <th scope="col">办复期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label="提案">
                  <ProposalLink id={r.id} number={r.number} title={r.title} kind={r.sessionKind} />
                  {r.isKey && <span className="ml-1 rounded bg-red-50 px-1 text-xs text-red-800">重点</span>}
                </td>
                <td data-label="年度" className="max-sm:hidden">
                  {r.sessionYear}
                </td>
                <td data-label="提案人" className="whitespace-nowrap">
                  {r.proposer ?? "—"}
                </td>
                <td data-label="主题分类" className="whitespace-nowrap max-sm:hidden">
                  {r.category ?? "—"}
                </td>
                <td data-label="主办单位" className="whitespace-nowrap">
                  {r.leadUnit ?? "—"}
                </td>
                <td data-label="状态">
                  <StateBadge state={r.status} />
                </td>
                <td data-label="办复期限">{isOpen(r.status) ? <DueBadge due={r.due} today={today} calendar={calendar} /> : "—"}</td>
              </tr>
            ))}
            {rows.length === 0 && <EmptyRow colSpan={7}>没有符合条件的提案。</EmptyRow>}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} href={pageHref} />
    </>
  );
}
