/** The facts of a session's year's report (lib/year-report.ts): the statistics page's own figures for it. */
import { eq } from "drizzle-orm";
import { isoDateInChina, sessionTitle } from "@/lib/format";
import type { YearReportFacts } from "@/lib/year-report";
import type { Db } from "../client";
import { sessions } from "../schema";
import { statisticsByCategory, statisticsOverview } from "./statistics";

/** The session's figures as the statistics page counts them under its 届次会议 filter; null for no such session. */
export async function yearReportFacts(db: Db, sessionId: number, today = isoDateInChina(new Date())): Promise<YearReportFacts | null> {
  const session = await db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!session) return null;
  const filter = { sessionId };
  const { figures, units, key } = await statisticsOverview(db, filter, today);
  const categories = await statisticsByCategory(db, filter, today);
  return { session: sessionTitle(session), kind: session.kind, asOf: today, figures, key, units, categories };
}
