import type { Metadata } from "next";
import { Link } from "@/components/link";
import { ProvisionalMark, ProvisionalNotice } from "@/components/provisional-mark";
import { getDb } from "@/db/client";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { memberProposals } from "@/db/queries/member";
import { SIGNER_ROLE_LABELS } from "@/lib/domain";
import { isoDateInChina, proposalLabel, sessionTitle } from "@/lib/format";
import { MEMBER_NEXT_STEP, MEMBER_STATE_LABELS, memberDue, memberState } from "@/lib/member-view";
import { requireUser } from "../_server/guard";

export const metadata: Metadata = { title: "我的提案" };

export default async function MemberHome() {
  const user = await requireUser("memberHome");
  const db = getDb();
  const rows = await memberProposals(db, user.id);
  const today = isoDateInChina(new Date());
  const calendar = await holidayCalendarOf(db);
  const bySession = new Map<number, typeof rows>();
  for (const r of rows) bySession.set(r.sessionId, [...((await bySession.get(r.sessionId)) ?? []), r]);
  const owed = rows.filter((r) => memberState(r.status, r.receiptOwed === 1) === "awaiting_receipt").length;
  return (
    <>
      <h1 className="mb-2 text-xl font-bold">我的提案</h1>
      <p className="mb-6 text-sm text-slate-600">
        共 {rows.length} 件（领衔及联名）{owed > 0 && <strong className="ml-2 text-gov-red">有 {owed} 件答复待您提交回执</strong>}
      </p>
      <ProvisionalNotice calendar={calendar} dates={rows.flatMap((r) => [r.due, r.receiptDue])} />
      {rows.length === 0 && <p className="rounded border border-dashed bg-white p-4 text-slate-500">您还没有提案。</p>}
      {[...bySession.values()].map((items) => {
        const first = items[0]!;
        const title = sessionTitle({ body: first.sessionBody, term: first.sessionTerm, meeting: first.sessionMeeting });
        return (
          <section key={first.sessionId} aria-label={title} className="mb-6">
            <h2 className="mb-2 font-semibold text-slate-800">{title}</h2>
            <ul className="space-y-2">
              {items.map((p) => {
                const state = memberState(p.status, p.receiptOwed === 1);
                const due = memberDue(p, today);
                return (
                  <li key={p.id} className="rounded border border-slate-200 bg-white p-3">
                    <p className="flex flex-wrap items-baseline gap-2">
                      <span className="text-sm text-slate-600">{proposalLabel(p.number, p.sessionKind)}</span>
                      <Link href={`/member/proposals/${p.id}`} className="font-semibold text-brand-700 hover:underline">
                        {p.title}
                      </Link>
                      <span className="rounded bg-slate-100 px-1.5 text-xs">{SIGNER_ROLE_LABELS[p.signerRole]}</span>
                      <span
                        className={`rounded px-1.5 text-xs font-medium ${state === "awaiting_receipt" ? "bg-red-100 text-red-800" : "bg-blue-50 text-blue-900"}`}
                      >
                        {MEMBER_STATE_LABELS[state]}
                      </span>
                      {p.round > 1 && state !== "closed" && <span className="text-xs text-orange-800">第{p.round}轮办理</span>}
                    </p>
                    <p className="mt-1 text-sm text-slate-600">
                      主办单位：{p.leadUnit ?? "待交办"}
                      {p.coUnits && <>；协办单位：{p.coUnits}</>}
                      {due && (
                        <>
                          ；办复期限：{due.due}
                          <ProvisionalMark calendar={calendar} date={due.due} />
                          {due.overdueDays > 0 && <strong className="ml-1 text-red-800">已超期{due.overdueDays}天</strong>}
                        </>
                      )}
                    </p>
                    <p className="mt-1 text-sm text-slate-800">
                      下一步：{MEMBER_NEXT_STEP[state]}
                      {state === "awaiting_receipt" && p.receiptDue && (
                        <>
                          （请于 {p.receiptDue}
                          <ProvisionalMark calendar={calendar} date={p.receiptDue} /> 前提交）
                          <Link href={`/member/proposals/${p.id}`} className="ml-1 font-medium text-brand-700 underline">
                            阅读答复并提交回执
                          </Link>
                        </>
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
