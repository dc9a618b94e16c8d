import { describe, expect, it } from "vitest";
import { PROPOSAL_STATES } from "@/lib/domain";
import { daysOverdue, isPastDue, replyOverdue } from "@/lib/overdue";

describe("overdue replies (lib/overdue.ts)", () => {
  it("a deadline is missed from the day after it", () => {
    expect(isPastDue("2026-06-14", "2026-06-15")).toBe(true);
    expect(isPastDue("2026-06-15", "2026-06-15")).toBe(false);
    expect(isPastDue(null, "2026-06-15")).toBe(false);
    expect(daysOverdue("2026-05-06", "2026-06-15")).toBe(40);
    expect(daysOverdue("2026-06-15", "2026-06-15")).toBe(0);
  });

  it("only a reply still awaited is overdue: from 交办 until the reply is signed, in every round", () => {
    const overdue = PROPOSAL_STATES.filter((status) => replyOverdue({ status, replyDue: "2026-05-06" }, "2026-06-15"));
    expect(overdue).toEqual(["assigned", "handling", "in_review", "rehandling"]);
    expect(replyOverdue({ status: "handling", replyDue: "2026-06-15" }, "2026-06-15")).toBe(false);
    expect(replyOverdue({ status: "handling", replyDue: null }, "2026-06-15")).toBe(false);
  });
});
