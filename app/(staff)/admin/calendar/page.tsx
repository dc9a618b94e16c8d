import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { getDb } from "@/db/client";
import { holidayCalendarOf, maintainedYears } from "@/db/queries/holiday-calendar";
import { deadlineRules } from "@/db/queries/settings";
import { openSteps } from "@/db/queries/supervision";
import { reviewFrom, stepsToReview } from "@/lib/calendar-review";
import { isoDateInChina } from "@/lib/format";
import { packageYearDays } from "@/lib/holiday-calendar";
import { CalendarStatus } from "./calendar-status";
import { ReviewTable } from "./review-table";
import { YearForm } from "./year-form";
import { YearTable, type YearRow } from "./year-table";

export const metadata: Metadata = { title: "节假日与调休" };

/** How many stored deadlines to review are listed; the count covers all of them. */
const REVIEW_ROWS = 100;

/**
 * 节假日与调休: the holiday calendar every deadline is counted on, year by year — the package's data,
 * the years entered here from the State Council's notice, and the years still missing — with the stored
 * deadlines that are provisional or no longer match it.
 */
export default async function CalendarPage() {
  await requireUser("administer");
  const db = getDb();
  const calendar = await holidayCalendarOf(db);
  const maintained = await maintainedYears(db);
  const thisYear = Number(isoDateInChina(new Date()).slice(0, 4));
  const lastShown = Math.max(thisYear + 1, calendar.lastKnownYear, ...calendar.maintainedYears);
  const years: YearRow[] = [];
  for (let year = thisYear - 1; year <= lastShown; year++) {
    const entered = maintained.find((y) => y.year === year);
    if (entered)
      years.push({
        year,
        origin: "maintained",
        days: entered.days,
        source: entered.source,
        updatedAt: entered.updatedAt,
        noticeText: entered.noticeText,
      });
    else if (year <= calendar.packageLastYear) years.push({ year, origin: "package", days: packageYearDays(year) });
    else years.push({ year, origin: "missing", days: [] });
  }
  const review = stepsToReview(await openSteps(db, { from: reviewFrom(calendar) }), calendar, await deadlineRules(db));
  return (
    <>
      <h1 className="text-xl font-bold text-slate-900">节假日与调休</h1>
      <CalendarStatus calendar={calendar} thisYear={thisYear} />
      <section aria-labelledby="years-h">
        <h2 id="years-h" className="mb-2 font-semibold">
          各年度安排
        </h2>
        <YearTable years={years} lastKnownYear={calendar.lastKnownYear} />
      </section>
      <section aria-labelledby="enter-h">
        <h2 id="enter-h" className="mb-2 font-semibold">
          录入或更正某年安排
        </h2>
        <p className="mb-3 max-w-3xl text-sm text-slate-600">
          国务院办公厅一般于每年秋季公布下一年的节假日安排。录入后，该年的日期以录入为准（覆盖内置数据），此后计算的期限即按此安排；已确定的期限不会自动改变，请在下方核对。
        </p>
        <YearForm
          years={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2]}
          defaultYear={calendar.lastKnownYear < thisYear + 1 ? calendar.lastKnownYear + 1 : thisYear + 1}
        />
      </section>
      <section aria-labelledby="review-h">
        <h2 id="review-h" className="mb-2 font-semibold">
          需核对的期限（{review.length} 项）
        </h2>
        <p className="mb-3 max-w-3xl text-sm text-slate-600">
          尚未办结的事项中，期限落在未录入年份（暂定）或与现行节假日安排、期限规则计算结果不一致的。期限一经确定即告知承办单位和提案人，系统不自动改动；如需调整，请督查室通知相关单位，办复期限可经延期审批调整。
        </p>
        <ReviewTable rows={review.slice(0, REVIEW_ROWS)} total={review.length} />
      </section>
    </>
  );
}
