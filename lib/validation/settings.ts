import { z } from "zod";
import { DEADLINE_KINDS, DEADLINE_LABELS, type DeadlineKind, type DeadlineRule } from "../deadline-rules";
import { PUBLISHERS } from "../publication";
import { wholeNumber } from "./common";

/** The deadline settings form: an amount and a unit (working days or months) for every kind of deadline. */
export const deadlineSettingsInput = z
  .object(
    Object.fromEntries(
      DEADLINE_KINDS.flatMap((kind) => [
        [`${kind}Amount`, wholeNumber(`${DEADLINE_LABELS[kind]}期限`, 1, 250)],
        [`${kind}Unit`, z.enum(["workdays", "months"], { error: `请选择${DEADLINE_LABELS[kind]}期限的单位` })],
      ]),
    ) as Record<`${DeadlineKind}Amount`, z.ZodType<number>> & Record<`${DeadlineKind}Unit`, z.ZodType<DeadlineRule["unit"]>>,
  )
  .transform((v) => {
    const values = v as Record<string, unknown>;
    return Object.fromEntries(
      DEADLINE_KINDS.map((kind) => [
        kind,
        { amount: values[`${kind}Amount`] as number, unit: values[`${kind}Unit`] as DeadlineRule["unit"] },
      ]),
    ) as Record<DeadlineKind, DeadlineRule>;
  })
  .refine((rules) => Object.values(rules).every((r) => r.unit === "workdays" || r.amount <= 12), "以月计的期限不能超过 12 个月");

/** Who decides publication: the coordinating office only, or the lead unit as well. */
export const publicationSettingsInput = z.object({
  publisher: z.enum(PUBLISHERS, { error: "请选择由谁决定答复函的公开" }),
});
