import { describe, expect, it } from "vitest";
import { assignInput } from "@/lib/validation/handling";

describe("交办 form input", () => {
  it("takes no co-handling unit (no checkbox ticked), one, or several", () => {
    expect(assignInput.parse({ proposalId: "5", leadUnitId: "2" })).toEqual({ proposalId: 5, leadUnitId: 2, coUnitIds: [] });
    expect(assignInput.parse({ proposalId: "5", leadUnitId: "2", coUnitIds: "3" })).toEqual({
      proposalId: 5,
      leadUnitId: 2,
      coUnitIds: [3],
    });
    expect(assignInput.parse({ proposalId: "5", leadUnitId: "2", coUnitIds: ["3", "4"] })).toEqual({
      proposalId: 5,
      leadUnitId: 2,
      coUnitIds: [3, 4],
    });
  });
});
