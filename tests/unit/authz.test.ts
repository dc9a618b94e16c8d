import { describe, expect, it } from "vitest";
import {
  CAPABILITIES,
  can,
  canEditMeetingPhotos,
  canReadLetter,
  canViewMeeting,
  canViewProposal,
  homePath,
  safeCallbackPath,
  type Actor,
  type Capability,
} from "@/lib/authz";
import { ROLES, type Role } from "@/lib/domain";
import { mayUpload, type UploadPurpose } from "@/lib/uploads";
import { staffNavigation } from "@/lib/navigation";

const actor = (role: Role, unitId: number | null = null, id = 1): Actor => ({ id, role, unitId });

describe("capabilities", () => {
  const expected: Record<Capability, Role[]> = {
    administer: ["admin"],
    coordinate: ["coordinator"],
    handle: ["handler"],
    attachFiles: ["coordinator", "handler"],
    uploadSealedScan: ["handler", "director"],
    signOff: ["director"],
    divide: ["handler", "director"],
    leaderReview: ["leader"],
    staffHome: ["coordinator", "handler", "director", "leader", "district_leader"],
    listProposals: ["coordinator", "handler", "director", "leader"],
    viewProposal: ["coordinator", "handler", "director", "leader", "district_leader"],
    viewStatistics: ["coordinator"],
    bulkWork: ["coordinator", "handler"],
    recordMeetings: ["handler"],
    viewMeetings: ["coordinator", "handler", "director", "leader"],
    memberHome: ["member"],
    ownAccount: ["admin", "coordinator", "handler", "director", "leader", "district_leader", "member"],
  };
  for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
    it(`${capability} is granted to exactly ${expected[capability].join(", ")}`, () => {
      expect(ROLES.filter((r) => can(actor(r), capability))).toEqual(expected[capability]);
    });
  }
});

describe("who may see a proposal", () => {
  const parties = { unitIds: [10, 11], proposerIds: [100, 101], keyLeaderId: 300 };
  it("the coordinator sees everything", () => expect(canViewProposal(actor("coordinator", 1), parties)).toBe(true));
  it("unit roles see it only when their unit handles it", () => {
    expect(canViewProposal(actor("handler", 10), parties)).toBe(true);
    expect(canViewProposal(actor("director", 11), parties)).toBe(true);
    expect(canViewProposal(actor("leader", 11), parties)).toBe(true);
    expect(canViewProposal(actor("leader", 12), parties)).toBe(false);
    expect(canViewProposal(actor("handler", 12), parties)).toBe(false);
    expect(canViewProposal(actor("director", null), parties)).toBe(false);
  });
  it("members see only their own (lead or co-signed)", () => {
    expect(canViewProposal(actor("member", null, 100), parties)).toBe(true);
    expect(canViewProposal(actor("member", null, 102), parties)).toBe(false);
  });
  it("a 区领导 sees only the 重点提案 they lead", () => {
    expect(canViewProposal(actor("district_leader", null, 300), parties)).toBe(true);
    expect(canViewProposal(actor("district_leader", null, 301), parties)).toBe(false);
    expect(canViewProposal(actor("district_leader", null, 300), { ...parties, keyLeaderId: null })).toBe(false);
  });
  it("the system administrator does not read proposals", () => expect(canViewProposal(actor("admin"), parties)).toBe(false));
});

describe("who may read a reply letter and its files (答复附件, 盖章件)", () => {
  // Unit 10 leads, unit 11 co-handles, unit 12 has no part; member 100 proposes, 101 co-signs.
  const parties = { unitIds: [10, 11], proposerIds: [100, 101], keyLeaderId: null };
  const LEAD = 10;
  const readers = (signed: boolean) =>
    (
      [
        ["coordinator", actor("coordinator", 1)],
        ["lead handler", actor("handler", 10)],
        ["lead director", actor("director", 10)],
        ["co-handling handler", actor("handler", 11)],
        ["co-handling director", actor("director", 11)],
        ["unrelated handler", actor("handler", 12)],
        ["unrelated director", actor("director", 12)],
        ["proposer", actor("member", null, 100)],
        ["co-signer", actor("member", null, 101)],
        ["another member", actor("member", null, 102)],
        ["administrator", actor("admin")],
      ] as const
    )
      .filter(([, reader]) => canReadLetter(reader, parties, LEAD, signed))
      .map(([name]) => name);
  it("once signed: everyone with a part in the proposal, the co-handling units and the co-signers included", () => {
    expect(readers(true)).toEqual([
      "coordinator",
      "lead handler",
      "lead director",
      "co-handling handler",
      "co-handling director",
      "proposer",
      "co-signer",
    ]);
  });
  it("before sign-off: only as drafts are read, by the lead unit and the coordinating office", () => {
    expect(readers(false)).toEqual(["coordinator", "lead handler", "lead director"]);
  });
  it("before 交办 there is no lead unit: only the coordinating office reads a draft", () => {
    expect(canReadLetter(actor("handler", 10), parties, null, false)).toBe(false);
    expect(canReadLetter(actor("coordinator", 1), parties, null, false)).toBe(true);
  });
});

describe("who may upload what", () => {
  const uploaders = (purpose?: UploadPurpose) => ROLES.filter((r) => mayUpload(actor(r), purpose));
  it("attachments: the coordinator (登记提案) and handlers (答复附件); workbooks: the coordinator; the sealed scan: handlers and directors; a Word draft: handlers", () => {
    expect(uploaders("attachment")).toEqual(["coordinator", "handler"]);
    expect(uploaders("workbook")).toEqual(["coordinator"]);
    expect(uploaders("sealed")).toEqual(["handler", "director"]);
    expect(uploaders("photo")).toEqual(["handler"]);
    expect(uploaders("wordDraft")).toEqual(["handler"]);
  });
  it("the front server admits an upload's body from any role that may upload for some purpose, never a member or the administrator", () => {
    expect(uploaders()).toEqual(["coordinator", "handler", "director"]);
  });
});

describe("a meeting's photos", () => {
  it("are seen by whoever reads the meeting, and changed only by the handlers of the unit that held it", () => {
    const readers = ROLES.filter((r) => canViewMeeting(actor(r, 10), 10));
    expect(readers).toEqual(["coordinator", "handler", "director", "leader"]);
    expect(ROLES.filter((r) => canEditMeetingPhotos(actor(r, 10), 10))).toEqual(["handler"]);
    expect(canEditMeetingPhotos(actor("handler", 11), 10)).toBe(false);
    expect(canEditMeetingPhotos(actor("handler", null), 10)).toBe(false);
  });
});

describe("landing pages", () => {
  it("each role has its home", () => {
    expect(ROLES.map(homePath)).toEqual(["/admin", "/work", "/work", "/work", "/work", "/work", "/member"]);
  });
  it("follows only same-site paths after sign-in", () => {
    expect(safeCallbackPath("/proposals/3", "coordinator")).toBe("/proposals/3");
    expect(safeCallbackPath("https://evil.example/", "coordinator")).toBe("/work");
    expect(safeCallbackPath("//evil.example/", "member")).toBe("/member");
    expect(safeCallbackPath("/\\evil.example", "member")).toBe("/member");
    expect(safeCallbackPath("/login", "admin")).toBe("/admin");
    expect(safeCallbackPath(undefined, "handler")).toBe("/work");
  });
  // The known bypasses of return-address checks (issue 17): none may leave the site.
  const BYPASSES = [
    "/\t/evil.example/",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "///evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "/a/..//evil.example",
    "/%2e%2e//evil.example",
    "https:evil.example",
    "https:/evil.example",
    "http://evil.example",
    "%2F%2Fevil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "\u0000/",
    " /evil",
    "/\t/\t/evil.example",
  ];
  for (const value of BYPASSES) {
    it(`stays on the site for ${JSON.stringify(value)}`, () => {
      const path = safeCallbackPath(value, "coordinator");
      const landed = new URL(path, "https://app.example:8443/login");
      expect(landed.origin).toBe("https://app.example:8443");
      // What the browser is sent must be the path it is read as: no character it would drop or turn into a slash.
      expect(path).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
    });
  }
  it("keeps same-site paths that only look odd, encoded as a header can carry them", () => {
    expect(safeCallbackPath("/%2F%2Fevil.example", "coordinator")).toBe("/%2F%2Fevil.example");
    expect(safeCallbackPath("/%5C%5Cevil.example", "coordinator")).toBe("/%5C%5Cevil.example");
    expect(safeCallbackPath("/\u3000/evil.example", "coordinator")).toBe("/%E3%80%80/evil.example");
    expect(safeCallbackPath("/%E3%80%80/evil.example", "coordinator")).toBe("/%E3%80%80/evil.example");
  });
  it("returns to a search with Chinese characters, encoded, and drops CR/LF as a browser would", () => {
    expect(safeCallbackPath("/proposals?q=养老", "coordinator")).toBe("/proposals?q=%E5%85%BB%E8%80%81");
    expect(safeCallbackPath("/proposals?q=养老\r\n", "coordinator")).toBe("/proposals?q=%E5%85%BB%E8%80%81");
    expect(safeCallbackPath("/open/search?q=科技 创新#结果", "coordinator")).toBe(
      "/open/search?q=%E7%A7%91%E6%8A%80%20%E5%88%9B%E6%96%B0#%E7%BB%93%E6%9E%9C",
    );
    expect(safeCallbackPath('/proposals/12?tab=a"b<c>', "handler")).toBe("/proposals/12?tab=a%22b%3Cc%3E");
  });
  it("never returns to sign-in, nor to the root", () => {
    expect(safeCallbackPath("/login?callbackUrl=/work", "handler")).toBe("/work");
    expect(safeCallbackPath("/./login", "handler")).toBe("/work");
    expect(safeCallbackPath("/", "member")).toBe("/member");
    expect(safeCallbackPath("/loginhelp", "member")).toBe("/loginhelp");
  });
  it("navigation shows each role only its sections", () => {
    expect(staffNavigation(actor("coordinator")).map((n) => n.label)).toEqual(["待办", "全部提案", "督办", "面商座谈", "批量办理", "统计"]);
    expect(staffNavigation(actor("handler")).map((n) => n.label)).toEqual(["待办", "全部提案", "面商座谈", "批量办理"]);
    expect(staffNavigation(actor("district_leader")).map((n) => n.label)).toEqual(["待办"]);
    expect(staffNavigation(actor("leader")).map((n) => n.label)).toEqual(["待办", "全部提案", "面商座谈"]);
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
    expect(canSeeDrafts(actor("leader", 1), 1)).toBe(true);
    expect(canSeeDrafts(actor("leader", 2), 1)).toBe(false);
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

describe("分办 (科室, 承办人, internal deadline)", () => {
  it("is seen by the coordinator and the unit's own staff, not by other units or members", async () => {
    const { canSeeDivision } = await import("@/lib/authz");
    expect(canSeeDivision(actor("coordinator", 9), 1)).toBe(true);
    for (const role of ["handler", "director", "leader"] as const) expect(canSeeDivision(actor(role, 1), 1), role).toBe(true);
    expect(canSeeDivision(actor("handler", 2), 1)).toBe(false);
    expect(canSeeDivision(actor("member", null, 100), 1)).toBe(false);
    expect(canSeeDivision(actor("admin"), 1)).toBe(false);
  });
  it("its timeline entries keep their detail and reason for the unit only", async () => {
    const { timelineFor } = await import("@/lib/authz");
    const events = [
      { id: 1, action: "assign_internal", comment: null, unitId: 1, detail: "科技综合科 · 承办人蒋明杰 · 内部期限2026-07-01" },
      { id: 2, action: "reassign_internal", comment: "工作调整", unitId: 1, detail: "成果转化科 · 承办人王磊 · 内部期限2026-07-01" },
      { id: 3, action: "leader_return", comment: "请补充数据", unitId: null, detail: null },
    ];
    expect(timelineFor(actor("leader", 1), events, 1)).toEqual(events);
    expect(timelineFor(actor("handler", 2), events, 1).map((e) => [e.action, e.comment, e.detail])).toEqual([
      ["assign_internal", null, null],
      ["reassign_internal", null, null],
      ["leader_return", null, null],
    ]);
    expect(timelineFor(actor("member", null, 100), events, 1)).toEqual([]);
  });
});

describe("what the timeline (办理记录) shows each reader: the rules of the pages it summarises", () => {
  const LEAD = 1;
  const CO = 2;
  const OTHER_CO = 3;
  const entry = (action: string, comment: string, unitId: number | null = null) => ({ id: 0, action, comment, unitId });
  const EVENTS = [
    entry("assign", "请按时办理"),
    entry("return", "退回：请充实具体措施"),
    entry("approve", "同意签发"),
    entry("reply_file_attached", "答复附件的备注"),
    entry("sealed_scan_replaced", "替换盖章件：原扫描件缺页"),
    entry("receipt", "回执意见：不满意"),
    entry("co_opinion_returned", "协办意见退回：数据有误", CO),
    entry("co_opinion_returned", "另一协办单位的退回意见", OTHER_CO),
    entry("request_extension", "主办单位申请延期的理由", LEAD),
    entry("request_adjustment", "协办单位申请调整的理由", OTHER_CO),
    entry("supervise", "督办主办单位", LEAD),
    entry("close", "提案人均已反馈，办结"),
    entry("some_future_action", "未知动作的备注"),
  ];
  const seen = async (reader: Actor) => {
    const { timelineFor } = await import("@/lib/authz");
    return timelineFor(reader, EVENTS, LEAD)
      .filter((e) => e.comment)
      .map((e) => e.comment);
  };
  it("the coordinating office reads every comment", async () => {
    expect(await seen(actor("coordinator", 9))).toEqual(EVENTS.map((e) => e.comment));
  });
  it("the lead unit reads the drafting, the receipts, its co units' opinions, and what concerns itself", async () => {
    for (const role of ["handler", "director"] as const) {
      expect(await seen(actor(role, LEAD))).toEqual([
        "请按时办理",
        "退回：请充实具体措施",
        "同意签发",
        "答复附件的备注",
        "替换盖章件：原扫描件缺页",
        "回执意见：不满意",
        "协办意见退回：数据有误",
        "另一协办单位的退回意见",
        "主办单位申请延期的理由",
        "督办主办单位",
        "提案人均已反馈，办结",
      ]);
    }
  });
  it("a co-handling unit reads neither the lead's 退回修改 nor the receipts, nor another unit's opinions and requests", async () => {
    for (const role of ["handler", "director"] as const) {
      expect(await seen(actor(role, CO))).toEqual([
        "请按时办理",
        "替换盖章件：原扫描件缺页",
        "协办意见退回：数据有误",
        "提案人均已反馈，办结",
      ]);
    }
  });
  it("keeps every staff entry (what happened, by whom) and blanks only the comments", async () => {
    const { timelineFor } = await import("@/lib/authz");
    expect(timelineFor(actor("handler", CO), EVENTS, LEAD).map((e) => e.action)).toEqual(EVENTS.map((e) => e.action));
  });
  it("a member sees what happened to the proposal, not the units' internal steps, and no one's receipt opinion", async () => {
    const { timelineFor } = await import("@/lib/authz");
    const member = timelineFor(actor("member", null, 100), EVENTS, LEAD);
    expect(member.map((e) => [e.action, e.comment])).toEqual([
      ["assign", null],
      ["approve", null],
      ["sealed_scan_replaced", null],
      ["receipt", null],
      ["close", "提案人均已反馈，办结"],
    ]);
  });
  it("with no lead unit assigned, unit roles read no internal comment", async () => {
    const { timelineFor } = await import("@/lib/authz");
    expect(
      timelineFor(actor("handler", LEAD), EVENTS, null)
        .filter((e) => e.comment)
        .map((e) => e.action),
    ).toEqual(["assign", "sealed_scan_replaced", "request_extension", "supervise", "close"]);
  });
});
