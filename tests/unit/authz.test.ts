import { describe, expect, it } from "vitest";
import { CAPABILITIES, can, canViewProposal, homePath, safeCallbackPath, type Actor, type Capability } from "@/lib/authz";
import { ROLES, type Role } from "@/lib/domain";
import { staffNavigation } from "@/lib/navigation";

const actor = (role: Role, unitId: number | null = null, id = 1): Actor => ({ id, role, unitId });

describe("capabilities", () => {
  const expected: Record<Capability, Role[]> = {
    administer: ["admin"],
    coordinate: ["coordinator"],
    handle: ["handler"],
    signOff: ["director"],
    staffHome: ["coordinator", "handler", "director"],
    listProposals: ["coordinator", "handler", "director"],
    viewStatistics: ["coordinator"],
    memberHome: ["member"],
    ownAccount: ["admin", "coordinator", "handler", "director", "member"],
  };
  for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
    it(`${capability} is granted to exactly ${expected[capability].join(", ")}`, () => {
      expect(ROLES.filter((r) => can(actor(r), capability))).toEqual(expected[capability]);
    });
  }
});

describe("who may see a proposal", () => {
  const parties = { unitIds: [10, 11], proposerIds: [100, 101] };
  it("the coordinator sees everything", () => expect(canViewProposal(actor("coordinator", 1), parties)).toBe(true));
  it("unit roles see it only when their unit handles it", () => {
    expect(canViewProposal(actor("handler", 10), parties)).toBe(true);
    expect(canViewProposal(actor("director", 11), parties)).toBe(true);
    expect(canViewProposal(actor("handler", 12), parties)).toBe(false);
    expect(canViewProposal(actor("director", null), parties)).toBe(false);
  });
  it("members see only their own (lead or co-signed)", () => {
    expect(canViewProposal(actor("member", null, 100), parties)).toBe(true);
    expect(canViewProposal(actor("member", null, 102), parties)).toBe(false);
  });
  it("the system administrator does not read proposals", () => expect(canViewProposal(actor("admin"), parties)).toBe(false));
});

describe("landing pages", () => {
  it("each role has its home", () => {
    expect(ROLES.map(homePath)).toEqual(["/admin", "/work", "/work", "/work", "/member"]);
  });
  it("follows only same-site paths after sign-in", () => {
    expect(safeCallbackPath("/proposals/3", "coordinator")).toBe("/proposals/3");
    expect(safeCallbackPath("https://evil.example/", "coordinator")).toBe("/work");
    expect(safeCallbackPath("//evil.example/", "member")).toBe("/member");
    expect(safeCallbackPath("/\\evil.example", "member")).toBe("/member");
    expect(safeCallbackPath("/login", "admin")).toBe("/admin");
    expect(safeCallbackPath(undefined, "handler")).toBe("/work");
  });
  it("navigation shows each role only its sections", () => {
    expect(staffNavigation(actor("coordinator")).map((n) => n.label)).toEqual(["待办", "全部提案", "督办", "统计"]);
    expect(staffNavigation(actor("handler")).map((n) => n.label)).toEqual(["待办", "全部提案"]);
    expect(staffNavigation(actor("admin")).map((n) => n.label)).toEqual(["管理"]);
    expect(staffNavigation(actor("member"))).toEqual([]);
  });
});

describe("internal handling records", () => {
  it("drafts are for the lead unit and the coordinator only", async () => {
    const { canSeeDrafts } = await import("@/lib/authz");
    expect(canSeeDrafts(actor("coordinator", 9), 1)).toBe(true);
    expect(canSeeDrafts(actor("handler", 1), 1)).toBe(true);
    expect(canSeeDrafts(actor("director", 1), 1)).toBe(true);
    expect(canSeeDrafts(actor("handler", 2), 1)).toBe(false);
    expect(canSeeDrafts(actor("member", null, 100), 1)).toBe(false);
    expect(canSeeDrafts(actor("admin"), 1)).toBe(false);
  });
  it("a co-handling opinion is also seen by the unit that wrote it, not by other co units", async () => {
    const { canSeeCoOpinion } = await import("@/lib/authz");
    expect(canSeeCoOpinion(actor("handler", 2), 1, 2)).toBe(true);
    expect(canSeeCoOpinion(actor("handler", 3), 1, 2)).toBe(false);
    expect(canSeeCoOpinion(actor("director", 1), 1, 2)).toBe(true);
    expect(canSeeCoOpinion(actor("member", null, 100), 1, 2)).toBe(false);
  });
});
