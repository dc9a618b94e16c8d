/** Form input of 发布 / 不予公开 / 撤回公开 / 重新发布 of one reply. The rules (who, when, reasons required) are in lib/publication.ts. */
import { z } from "zod";
import { optionalId, optionalText, wholeNumber } from "./common";

export const publicationInput = z.object({
  proposalId: wholeNumber("提案编号"),
  /** The reply round decided on; without it, the latest. */
  replyId: optionalId("答复函"),
  decision: z.enum(["publish", "withhold", "withdraw", "republish"], { error: "请选择发布、不予公开、撤回公开或重新发布" }),
  reason: optionalText("理由", 500),
  /** 发布 or 重新发布 although 公开审查 found personal information: why. */
  confirmation: optionalText("确认公开的理由", 500),
});
