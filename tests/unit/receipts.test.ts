import { describe, expect, it } from "vitest";
import { canSeeReceipts } from "@/lib/authz";
import { owesReceipt, receiptMessage } from "@/lib/receipts";

const replied = {
  status: "replied" as const,
  round: 1,
  reply: { round: 1, writtenOn: "2026-05-16", receiptDue: "2026-06-13" },
  proposerIds: [7, 8],
  receiptsThisRound: [{ memberId: 8, result: "satisfied" as const }],
};

describe("who owes a receipt", () => {
  it("is a proposer or co-signer who has not answered the current reply", () => {
    expect(owesReceipt(replied, 7)).toBe(true);
    expect(owesReceipt(replied, 8)).toBe(false);
    expect(owesReceipt(replied, 9)).toBe(false);
  });

  it("is nobody while the proposal is handled again or closed", () => {
    expect(owesReceipt({ ...replied, status: "rehandling", round: 2, reply: null, receiptsThisRound: [] }, 7)).toBe(false);
    expect(owesReceipt({ ...replied, status: "closed" }, 7)).toBe(false);
  });
});

describe("receipts", () => {
  it("are read by the coordinating office and the lead unit only", () => {
    expect(canSeeReceipts({ id: 1, role: "coordinator", unitId: 1 }, 3)).toBe(true);
    expect(canSeeReceipts({ id: 2, role: "handler", unitId: 3 }, 3)).toBe(true);
    expect(canSeeReceipts({ id: 3, role: "director", unitId: 3 }, 3)).toBe(true);
    expect(canSeeReceipts({ id: 4, role: "handler", unitId: 4 }, 3)).toBe(false);
    expect(canSeeReceipts({ id: 5, role: "member", unitId: null }, 3)).toBe(false);
    expect(canSeeReceipts({ id: 6, role: "admin", unitId: null }, 3)).toBe(false);
  });

  it("tell the respondent what happens next", () => {
    expect(receiptMessage("rehandling")).toContain("重新办理");
    expect(receiptMessage("closed")).toContain("已办结");
    expect(receiptMessage("replied")).toBe("回执已提交，感谢您的反馈！");
  });
});
