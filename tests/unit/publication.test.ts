import { describe, expect, it } from "vitest";
import {
  availablePublicationActions,
  decidePublication,
  mayDecidePublication,
  nextIndexSerial,
  publicationMetadata,
  publicationNotices,
  publicationSettings,
  replyRoundSuffix,
  type PublicationFacts,
} from "@/lib/publication";

const LEAD = 7;
const coordinator = { role: "coordinator" as const, unitId: 1 };
const handler = { role: "handler" as const, unitId: LEAD };
const director = { role: "director" as const, unitId: LEAD };
const otherHandler = { role: "handler" as const, unitId: 9 };
const member = { role: "member" as const, unitId: null };
const byCoordinator = { publisher: "coordinator" as const };
const byUnit = { publisher: "unit" as const };

function facts(
  overrides: Partial<NonNullable<PublicationFacts["reply"]>> = {},
  publication: PublicationFacts["publication"] = null,
): PublicationFacts {
  return {
    reply: { unitId: LEAD, disclosure: "full", disclosureSummary: null, disclosureReason: null, findings: [], ...overrides },
    publication,
  };
}

describe("who decides publication", () => {
  it("is the coordinator by default, and the lead unit too when the settings say units publish", () => {
    expect(mayDecidePublication(coordinator, LEAD, byCoordinator)).toBe(true);
    expect(mayDecidePublication(handler, LEAD, byCoordinator)).toBe(false);
    expect(mayDecidePublication(director, LEAD, byCoordinator)).toBe(false);
    expect(mayDecidePublication(handler, LEAD, byUnit)).toBe(true);
    expect(mayDecidePublication(director, LEAD, byUnit)).toBe(true);
    expect(mayDecidePublication(coordinator, LEAD, byUnit)).toBe(true);
    expect(mayDecidePublication(otherHandler, LEAD, byUnit)).toBe(false);
    expect(mayDecidePublication(member, LEAD, byUnit)).toBe(false);
  });

  it("reads the setting, falling back to the coordinator on anything invalid", () => {
    expect(publicationSettings({ publisher: "unit" })).toEqual(byUnit);
    expect(publicationSettings({ publisher: "anyone" })).toEqual(byCoordinator);
    expect(publicationSettings(null)).toEqual(byCoordinator);
    expect(publicationSettings(undefined)).toEqual(byCoordinator);
  });

  it("refuses anyone without the right, with a reason", () => {
    expect(decidePublication(facts(), handler, { type: "publish" }, byCoordinator)).toEqual({
      ok: false,
      reason: "您没有权限决定此答复函的公开",
    });
  });
});

describe("发布", () => {
  it("needs an approved reply", () => {
    expect(decidePublication({ reply: null, publication: null }, coordinator, { type: "publish" }, byCoordinator)).toEqual({
      ok: false,
      reason: "答复函尚未审签，不能发布",
    });
  });

  it("publishes in the disclosure mode approved with the draft", () => {
    expect(decidePublication(facts(), coordinator, { type: "publish" }, byCoordinator)).toEqual({
      ok: true,
      status: "published",
      mode: "full",
      event: "publish",
      reason: null,
    });
    expect(
      decidePublication(facts({ disclosure: "summary", disclosureSummary: "摘要" }), coordinator, { type: "publish" }, byCoordinator),
    ).toMatchObject({ ok: true, mode: "summary" });
  });

  it("refuses a reply approved as 不予公开, a summary without text, and a second publication", () => {
    expect(decidePublication(facts({ disclosure: "none" }), coordinator, { type: "publish" }, byCoordinator)).toMatchObject({
      ok: false,
      reason: "审签时已确定此答复函不予公开",
    });
    expect(
      decidePublication(facts({ disclosure: "summary", disclosureSummary: "  " }), coordinator, { type: "publish" }, byCoordinator),
    ).toMatchObject({ ok: false });
    expect(decidePublication(facts({}, { status: "published" }), coordinator, { type: "publish" }, byCoordinator)).toMatchObject({
      ok: false,
      reason: "此答复函已发布",
    });
    expect(decidePublication(facts({}, { status: "withheld" }), coordinator, { type: "publish" }, byCoordinator)).toMatchObject({
      ok: false,
    });
    expect(decidePublication(facts({}, { status: "withdrawn" }), coordinator, { type: "publish" }, byCoordinator)).toMatchObject({
      ok: false,
    });
  });
});

describe("不予公开, 撤回公开 and 重新发布", () => {
  it("不予公开 needs a reason and no earlier decision", () => {
    expect(decidePublication(facts(), coordinator, { type: "withhold", reason: "  " }, byCoordinator)).toEqual({
      ok: false,
      reason: "请填写不予公开的理由",
    });
    expect(decidePublication(facts(), coordinator, { type: "withhold", reason: " 涉及个人隐私 " }, byCoordinator)).toEqual({
      ok: true,
      status: "withheld",
      mode: "none",
      event: "withhold",
      reason: "涉及个人隐私",
    });
    expect(
      decidePublication(facts({}, { status: "published" }), coordinator, { type: "withhold", reason: "x" }, byCoordinator),
    ).toMatchObject({ ok: false });
  });

  it("撤回公开 needs a published reply and a reason", () => {
    expect(decidePublication(facts(), coordinator, { type: "withdraw", reason: "x" }, byCoordinator)).toMatchObject({
      ok: false,
      reason: "只有已发布的答复函才能撤回公开",
    });
    expect(decidePublication(facts({}, { status: "published" }), coordinator, { type: "withdraw", reason: "" }, byCoordinator)).toEqual({
      ok: false,
      reason: "请填写撤回公开的理由",
    });
    expect(
      decidePublication(facts({}, { status: "published" }), coordinator, { type: "withdraw", reason: "内容有误" }, byCoordinator),
    ).toMatchObject({
      ok: true,
      status: "withdrawn",
      event: "withdraw_publication",
      reason: "内容有误",
    });
  });

  it("重新发布 needs a withdrawn reply and a reason, and publishes it again", () => {
    expect(decidePublication(facts({}, { status: "published" }), coordinator, { type: "republish", reason: "x" }, byCoordinator)).toEqual({
      ok: false,
      reason: "只有已撤回公开的答复函才能重新发布",
    });
    expect(decidePublication(facts({}, { status: "withdrawn" }), coordinator, { type: "republish", reason: " " }, byCoordinator)).toEqual({
      ok: false,
      reason: "请填写重新发布的理由",
    });
    expect(
      decidePublication(facts({}, { status: "withdrawn" }), coordinator, { type: "republish", reason: "已更正" }, byCoordinator),
    ).toMatchObject({
      ok: true,
      status: "published",
      event: "republish",
      reason: "已更正",
    });
    expect(
      decidePublication(facts({}, { status: "withdrawn" }), handler, { type: "republish", reason: "已更正" }, byCoordinator),
    ).toMatchObject({ ok: false });
  });

  it("tells a later round's reply apart in its public title", () => {
    expect(replyRoundSuffix(1)).toBe("");
    expect(replyRoundSuffix(2)).toBe("（第二轮答复）");
  });

  it("offers exactly the actions that would succeed", () => {
    expect(availablePublicationActions(facts(), coordinator, byCoordinator)).toEqual(["publish", "withhold"]);
    expect(availablePublicationActions(facts({ disclosure: "none" }), coordinator, byCoordinator)).toEqual(["withhold"]);
    expect(availablePublicationActions(facts({}, { status: "published" }), coordinator, byCoordinator)).toEqual(["withdraw"]);
    expect(availablePublicationActions(facts({}, { status: "withdrawn" }), coordinator, byCoordinator)).toEqual(["republish"]);
    expect(availablePublicationActions(facts({}, { status: "withheld" }), coordinator, byCoordinator)).toEqual([]);
    expect(availablePublicationActions(facts(), handler, byCoordinator)).toEqual([]);
  });
});

describe("索引号 and metadata", () => {
  it("numbers from 1 and one past the highest serial ever given", () => {
    expect(nextIndexSerial(null)).toBe(1);
    expect(nextIndexSerial(undefined)).toBe(1);
    expect(nextIndexSerial(1368)).toBe(1369);
  });

  it("fills the sample's fields in the sample's formats", () => {
    expect(
      publicationMetadata({
        indexPrefix: "1150010700927688XM",
        lastSerial: 1368,
        categoryName: "科技、教育",
        kind: "proposal",
        publisherShortName: "高新区科技创新局",
        writtenOn: "2023-05-16",
        today: "2023-05-23",
      }),
    ).toEqual({
      indexYear: 2023,
      indexSerial: 1369,
      indexNumber: "1150010700927688XM/2023-01369",
      topic: "科技、教育",
      genre: "政协提案办理",
      publisherName: "高新区科技创新局",
      validity: "",
      writtenOn: "2023-05-16",
      publishedOn: "2023-05-23",
    });
  });

  it("writes 人大建议办理 for NPC suggestions and 其他 without a category", () => {
    const meta = publicationMetadata({
      indexPrefix: "P",
      lastSerial: 0,
      categoryName: null,
      kind: "suggestion",
      publisherShortName: "X",
      writtenOn: "2026-01-02",
      today: "2026-01-05",
    });
    expect(meta).toMatchObject({ genre: "人大建议办理", topic: "其他", indexNumber: "P/2026-00001" });
  });
});

describe("publicationNotices", () => {
  const context = { unitId: 7, memberIds: [31, 32], indexNumber: "X/2026-00001" };
  it("tells the proposer and co-signers, and the unit's handlers, of a publication with its 索引号", () => {
    expect(publicationNotices("published", context)).toEqual([
      { to: "users", userIds: [31, 32], message: "答复函已在政府信息公开网站发布（索引号 X/2026-00001）" },
      { to: "unit", unitId: 7, role: "handler", message: "答复函已在政府信息公开网站发布（索引号 X/2026-00001）" },
    ]);
  });
  it("tells only the unit of 不予公开, and the unit and the office of a withdrawal", () => {
    expect(publicationNotices("withheld", context).map((r) => r.to)).toEqual(["unit"]);
    expect(publicationNotices("withdrawn", context).map((r) => r.to)).toEqual(["unit", "coordinators"]);
  });
  it("skips members when a proposal has none on record", () => {
    expect(publicationNotices("published", { ...context, memberIds: [] }).map((r) => r.to)).toEqual(["unit"]);
  });
});
