import { describe, expect, it } from "vitest";
import { chineseDate, dateTimeInChina, isoDateInChina, proposalLabel, sentence, sessionTitle } from "@/lib/format";
import { memberState } from "@/lib/member-view";

describe("formats", () => {
  it("ends a reason with one full stop, whatever punctuation it already has", () => {
    expect(sentence("目前仍在推进中,申请延期答复。")).toBe("目前仍在推进中,申请延期答复。");
    expect(sentence("请尽快办理！")).toBe("请尽快办理！");
    expect(sentence("能否延期？")).toBe("能否延期？");
    expect(sentence("资金尚未到位")).toBe("资金尚未到位。");
    expect(sentence("  资金尚未到位 \n")).toBe("资金尚未到位。");
    expect(sentence("详见附件…")).toBe("详见附件…");
    expect(sentence("Done.")).toBe("Done.");
  });
  it("writes dates the Chinese way", () => {
    expect(chineseDate("2023-05-16")).toBe("2023年5月16日");
    expect(chineseDate("2023-12-01")).toBe("2023年12月1日");
  });
  it("uses China time for calendar dates", () => {
    expect(isoDateInChina(new Date("2023-05-15T16:30:00Z"))).toBe("2023-05-16");
    expect(isoDateInChina(new Date("2023-05-15T15:59:00Z"))).toBe("2023-05-15");
    expect(dateTimeInChina(new Date("2023-05-15T16:30:00Z"))).toBe("2023-05-16 00:30");
  });
  it("names a session as the letter does", () => {
    expect(sessionTitle({ body: "政协重庆市九龙坡区委员会", term: "第十一届", meeting: "第二次会议" })).toBe(
      "政协重庆市九龙坡区第十一届委员会第二次会议",
    );
    expect(sessionTitle({ body: "重庆市九龙坡区人民代表大会", term: "第十九届", meeting: "第三次会议" })).toBe(
      "重庆市九龙坡区第十九届人民代表大会第三次会议",
    );
    expect(sessionTitle({ body: "某地议事会", term: "第一届", meeting: "第一次会议" })).toBe("某地议事会第一届第一次会议");
  });
  it("labels proposals and suggestions", () => {
    expect(proposalLabel(180, "proposal")).toBe("第180号提案");
    expect(proposalLabel(7, "suggestion")).toBe("第7号建议");
  });
});

describe("member's view of the state", () => {
  it("hides internal steps and flags a receipt owed", () => {
    expect(memberState("in_review", false)).toBe("handling");
    expect(memberState("replied", true)).toBe("awaiting_receipt");
    expect(memberState("replied", false)).toBe("replied");
    expect(memberState("rehandling", false)).toBe("rehandling");
    expect(memberState("closed", false)).toBe("closed");
  });
});
