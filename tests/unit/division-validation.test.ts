import { describe, expect, it } from "vitest";
import { divisionInput, leaderReviewInput } from "@/lib/validation/handling";

const form = { proposalId: "12", sectionId: "3", assigneeId: "7", due: "2026-07-01" };

describe("the 分办 form", () => {
  it("gives 分办 without a reason and 改派 with one", () => {
    expect(divisionInput.parse(form)).toEqual({ proposalId: 12, sectionId: 3, assigneeId: 7, due: "2026-07-01" });
    expect(divisionInput.parse({ ...form, reassign: "true", reason: " 工作调整 " })).toEqual({
      proposalId: 12,
      sectionId: 3,
      assigneeId: 7,
      due: "2026-07-01",
      reason: "工作调整",
    });
  });
  it("wants a reason for 改派, a 科室, a 承办人 and a real date", () => {
    const issues = (input: Record<string, string>) =>
      divisionInput.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ ...form, reassign: "true", reason: "  " })).toEqual([["reason", "请填写改派理由"]]);
    expect(issues({ ...form, due: "2026-02-30" })).toEqual([["due", "内部办理期限不是有效日期"]]);
    expect(issues({ ...form, due: "7/1/2026" })?.[0]).toEqual(["due", "内部办理期限格式应为 2023-05-16"]);
    expect(issues({ proposalId: "12", due: "2026-07-01" })?.map(([path]) => path)).toEqual(["sectionId", "assigneeId"]);
  });
});

describe("the 分管领导's review form", () => {
  it("is 审核通过 or 退回修改 on a proposal version, with an optional comment (the workflow wants one to return)", () => {
    expect(leaderReviewInput.parse({ proposalId: "12", version: "4", decision: "return", comment: "请补充" })).toEqual({
      proposalId: 12,
      version: 4,
      decision: "return",
      comment: "请补充",
    });
    expect(leaderReviewInput.parse({ proposalId: "12", version: "4", decision: "approve" })).toMatchObject({ comment: null });
    expect(leaderReviewInput.safeParse({ proposalId: "12", version: "4", decision: "sign" }).success).toBe(false);
  });
});
