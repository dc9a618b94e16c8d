/** Form input of 发布 / 不予公开 / 撤回公开. The rules (who, when, reasons required) are in lib/publication.ts. */
import { z } from "zod";
import { optionalText, wholeNumber } from "./common";

export const publicationInput = z.object({
  proposalId: wholeNumber("提案编号"),
  decision: z.enum(["publish", "withhold", "withdraw"], { error: "请选择发布、不予公开或撤回公开" }),
  reason: optionalText("理由", 500),
});
