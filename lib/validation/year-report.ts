import { z } from "zod";
import { NARRATIVE_LABELS, NARRATIVE_MAX_CHARS } from "@/lib/year-report";
import { recordId } from "./admin";
import { requiredText } from "./common";

export const YEAR_REPORT_FORMATS = ["docx", "pdf"] as const;

/** The year's report form: the session, the file wanted, and the three narrative sections as edited. */
export const yearReportInput = z.object({
  session: recordId,
  format: z.enum(YEAR_REPORT_FORMATS, { error: "请选择生成 Word 或 PDF" }),
  practices: requiredText(NARRATIVE_LABELS.practices, NARRATIVE_MAX_CHARS),
  problems: requiredText(NARRATIVE_LABELS.problems, NARRATIVE_MAX_CHARS),
  plans: requiredText(NARRATIVE_LABELS.plans, NARRATIVE_MAX_CHARS),
});
export type YearReportInput = z.output<typeof yearReportInput>;
