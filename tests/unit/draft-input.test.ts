import { describe, expect, it } from "vitest";
import { draftInput } from "@/lib/validation/handling";

const form = {
  proposalId: "7",
  body: "一、工作开展情况",
  resultClass: "B",
  contactPerson: "蒋明杰",
  contactPhone: "023-68511253",
  disclosure: "full",
};

describe("the reply draft form", () => {
  it("names the draft it started from (0: none yet), or the proposal version for scripts", () => {
    expect(draftInput.parse({ ...form, basedOn: "0" })).toMatchObject({ proposalId: 7, basedOn: 0 });
    expect(draftInput.parse({ ...form, basedOn: "42" })).toMatchObject({ basedOn: 42 });
    const scripted = draftInput.parse({ ...form, version: "3" });
    expect(scripted.version).toBe(3);
    expect(scripted.basedOn).toBeUndefined();
  });

  it("is refused without either, so that no save can silently replace a newer draft", () => {
    const result = draftInput.safeParse(form);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["basedOn", "缺少草稿版本，请刷新页面后重试"]]);
    expect(draftInput.safeParse({ ...form, basedOn: "-1" }).success).toBe(false);
    expect(draftInput.safeParse({ ...form, basedOn: "abc" }).success).toBe(false);
  });
});
