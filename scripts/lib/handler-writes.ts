/**
 * The form fields of the two writes a handler makes most (保存答复草稿 and 添加沟通记录), as the proposal page's
 * forms send them: for the load that the crash test and the multi-instance test put on the server.
 */
export type HandlerWrite = { kind: "draft" | "contact"; proposalId: number; version: number; text: string; today: string };

/** `text` is the draft's body or the contact record's summary; `version` the draft version being edited. */
export function handlerWriteFields(write: HandlerWrite): Record<string, string> {
  const proposalId = String(write.proposalId);
  return write.kind === "draft"
    ? {
        proposalId,
        version: String(write.version),
        body: write.text,
        resultClass: "B",
        contactPerson: "蒋明杰",
        contactPhone: "023-68511253",
        disclosure: "full",
        disclosureSummary: "",
        disclosureReason: "",
      }
    : { proposalId, contactedOn: write.today, method: "phone", participants: "承办人与提案人", summary: write.text };
}
