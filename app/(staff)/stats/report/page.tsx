import type { Metadata } from "next";
import { Link } from "@/components/link";
import { Field } from "@/components/ui/field";
import { FilterField } from "@/components/ui/filter-field";
import { getDb } from "@/db/client";
import { listSessions } from "@/db/queries/proposals";
import { yearReportFacts } from "@/db/queries/year-report";
import { sessionTitle } from "@/lib/format";
import { recordId } from "@/lib/validation/admin";
import { defaultNarratives, NARRATIVE_LABELS, NARRATIVE_MAX_CHARS, NARRATIVES, type Narrative, yearReport } from "@/lib/year-report";
import { requireUser } from "../../../_server/guard";

export const metadata: Metadata = { title: "办理工作总结" };

/** The section number each narrative has in the report (lib/year-report.ts). */
const NUMBERS: Record<Narrative, string> = { practices: "二", problems: "四", plans: "五" };

/** 办理工作总结: pick a 届次会议, edit the narrative sections (prefilled from the figures), generate DOCX or PDF. */
export default async function YearReportPage({ searchParams }: { searchParams: Promise<{ session?: string }> }) {
  await requireUser("viewStatistics");
  const db = getDb();
  const sessions = await listSessions(db);
  // Anything but a plain id (a hostile or stale link) shows the latest session.
  const asked = recordId.safeParse((await searchParams).session);
  const sessionId = asked.success && sessions.some((s) => s.id === asked.data) ? asked.data : sessions[0]?.id;
  const facts = sessionId ? await yearReportFacts(db, sessionId) : null;
  const narratives = facts ? defaultNarratives(facts) : null;
  const generated = facts && narratives ? yearReport(facts, narratives).sections[0]! : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={sessionId ? `/stats?session=${sessionId}` : "/stats"} className="text-brand-700 underline">
          返回办理统计
        </Link>
      </p>
      <h1 className="mb-4 text-xl font-bold">办理工作总结</h1>
      <form method="get" className="mb-5 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
        <FilterField id="r-session" label="届次会议">
          <select id="r-session" name="session" defaultValue={sessionId ?? ""} className="input">
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {sessionTitle(s)}
              </option>
            ))}
          </select>
        </FilterField>
        <button type="submit" className="btn btn-secondary">
          选择
        </button>
      </form>

      {!facts || !narratives || !generated ? (
        <p className="rounded border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">没有可总结的届次会议。</p>
      ) : (
        <>
          <section aria-labelledby="generated-h" className="mb-6 rounded border border-slate-200 bg-white p-4">
            <h2 id="generated-h" className="mb-1 font-semibold">
              {generated.heading}（依据统计数据自动生成）
            </h2>
            <p className="mb-2 text-xs text-slate-600">
              一、基本情况和三、成效中的数字及表1至表3与办理统计页的数字同出一源，统计截至今日，不可编辑。
            </p>
            {generated.blocks.flatMap((b) =>
              b.kind === "p"
                ? [
                    <p key={b.text} className="mb-1 text-sm leading-6 text-slate-800">
                      {b.text}
                    </p>,
                  ]
                : [],
            )}
          </section>

          <form method="post" action="/stats/report/download" className="space-y-4 rounded border border-slate-200 bg-white p-4">
            <input type="hidden" name="session" value={sessionId} />
            <p className="text-sm text-slate-700">
              以下三部分已按统计数据拟好初稿，可直接修改。每行为一段；单独成行的“（一）……”作为小标题。
            </p>
            {NARRATIVES.map((n) => (
              <Field key={n} label={`${NUMBERS[n]}、${NARRATIVE_LABELS[n]}`} name={n} required>
                {(p) => (
                  <textarea
                    {...p}
                    rows={8}
                    maxLength={NARRATIVE_MAX_CHARS}
                    defaultValue={narratives[n]}
                    className="input font-serif leading-7"
                  />
                )}
              </Field>
            ))}
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="format" value="docx" className="btn btn-primary">
                生成 Word（DOCX）
              </button>
              <button type="submit" name="format" value="pdf" className="btn btn-secondary">
                生成 PDF
              </button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
