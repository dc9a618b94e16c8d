/** Inputs of the bulk actions: a selection of rows (checkboxes), at most one page of them. */
import { z } from "zod";
import { wholeNumber } from "./common";

/** The most rows one bulk action takes: what one bulk page lists. */
export const BULK_MAX_ROWS = 100;
/** Printing takes about a second a letter: a batch of letters stays within what a request can wait for. */
export const LETTERS_MAX = 20;

/** Repeated checkbox values: absent, one value, or many. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const selection = <T extends z.ZodType<unknown, unknown>>(item: T) =>
  many.pipe(z.array(item).min(1, "请至少选择一项").max(BULK_MAX_ROWS, `一次最多 ${BULK_MAX_ROWS} 项`));

export const bulkProposalsInput = z.object({ ids: selection(wholeNumber("提案")) });

/** 批量催告: each row names the proposal, the member who owes the receipt and the reply ("p:m:r"). */
export const bulkRemindInput = z.object({
  items: selection(
    z
      .string()
      .regex(/^\d{1,10}:\d{1,10}:\d{1,10}$/, "所选回执无效")
      .transform((v) => {
        const [proposalId, memberId, replyId] = v.split(":").map(Number) as [number, number, number];
        return { proposalId, memberId, replyId };
      }),
  ),
});

/** 批量交办: the selected proposals, each with its lead unit (`lead-<id>`) and co-handling units (`co-<id>`). */
export const bulkAssignInput = z
  .object({ ids: selection(wholeNumber("提案")) })
  .catchall(z.unknown())
  .transform((form, ctx) =>
    form.ids.map((proposalId) => {
      const lead = Number(form[`lead-${proposalId}`]);
      if (!Number.isSafeInteger(lead) || lead <= 0)
        ctx.addIssue({ code: "custom", path: [`lead-${proposalId}`], message: "请选择主办单位" });
      const co = many
        .parse(form[`co-${proposalId}`])
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0);
      return { proposalId, leadUnitId: lead, coUnitIds: co };
    }),
  );
