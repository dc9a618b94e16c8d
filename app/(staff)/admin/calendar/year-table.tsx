import { ScrollFrame } from "@/components/ui/scroll-frame";
import { dateTimeInChina } from "@/lib/format";
import { holidayPeriods, type CalendarDay } from "@/lib/holiday-calendar";
import { RemoveYear } from "./remove-year";

export type YearRow =
  | { year: number; origin: "maintained"; days: CalendarDay[]; source: string; updatedAt: number; noticeText: string }
  | { year: number; origin: "package" | "missing"; days: CalendarDay[] };

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** Year by year: where its schedule comes from, and the schedule as the notice reads. */
export function YearTable({ years, lastKnownYear }: { years: YearRow[]; lastKnownYear: number }) {
  return (
    <ScrollFrame label="各年度安排">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">来源</th>
            <th scope="col">放假与调休上班</th>
          </tr>
        </thead>
        <tbody>
          {years.map((row) => (
            <tr key={row.year}>
              <th scope="row" className="whitespace-nowrap align-top">
                {row.year}年
              </th>
              <td data-label="来源" className="align-top">
                {row.origin === "maintained" ? (
                  <div className="space-y-2">
                    <p>管理员录入：{row.source}</p>
                    <p className="text-xs text-slate-600">{dateTimeInChina(new Date(row.updatedAt))} 保存</p>
                    <RemoveYear year={row.year} />
                  </div>
                ) : row.origin === "package" ? (
                  "内置数据（chinese-days）"
                ) : (
                  <span className="rounded border border-violet-300 bg-violet-50 px-1.5 py-0.5 text-violet-900">
                    未录入{row.year > lastKnownYear ? "，期限按周末推算（暂定）" : ""}
                  </span>
                )}
              </td>
              <td data-label="放假与调休上班" className="align-top">
                {row.days.length === 0 ? (
                  <span className="text-slate-500">—</span>
                ) : (
                  <ul className="space-y-0.5 text-sm">
                    {holidayPeriods(row.days).map((p) => (
                      <li key={p.from}>
                        <strong className="font-medium">{p.name}</strong> {md(p.from)}
                        {p.to !== p.from && <>至{md(p.to)}</>}放假，共{p.days}天
                        {p.makeUpDays.length > 0 && <>；{p.makeUpDays.map(md).join("、")}上班</>}
                      </li>
                    ))}
                  </ul>
                )}
                {row.origin === "maintained" && (
                  <details className="mt-2 text-xs text-slate-600">
                    <summary className="cursor-pointer text-brand-700">通知原文</summary>
                    <p className="mt-1 whitespace-pre-line">{row.noticeText}</p>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
