import { describe, expect, it } from "vitest";
import { canSeeReceipts } from "@/lib/authz";
import { receiptMessage, roundsOwed } from "@/lib/receipts";

const replied = {
  status: "replied" as const,
  round: 1,
  reply: { round: 1, writtenOn: "2026-05-16", receiptDue: "2026-06-13" },
  proposerIds: [7, 8],
  receiptsThisRound: [{ memberId: 8, result: "satisfied" as const }],
  earlierReplies: [],
};

describe("who owes a receipt", () => {
  it("is a proposer or co-signer who has not answered the current reply", () => {
    expect(roundsOwed(replied, 7)).toEqual([1]);
    expect(roundsOwed(replied, 8)).toEqual([]);
    expect(roundsOwed(replied, 9)).toEqual([]);
  });

  it("keeps an earlier round's receipt owed while the proposal is handled again, and after it was closed", () => {
    const second = {
      ...replied,
      status: "rehandling" as const,
      round: 2,
      reply: null,
      receiptsThisRound: [],
      earlierReplies: [{ round: 1, answeredBy: [7] }],
    };
    expect(roundsOwed(second, 8)).toEqual([1]);
    expect(roundsOwed(second, 7)).toEqual([]);
    expect(roundsOwed({ ...second, status: "replied", reply: { round: 2, writtenOn: "2026-07-01", receiptDue: "2026-07-29" } }, 8)).toEqual(
      [1, 2],
    );
    expect(roundsOwed({ ...replied, status: "closed" }, 7)).toEqual([1]);
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
