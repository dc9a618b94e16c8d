import { describe, expect, it } from "vitest";
import { noticeMail } from "@/lib/mail";
import { noticeMessage, receiptReminder, superviseComment } from "@/lib/notices";

const P180 = { number: 180, title: "关于抢抓人才红利机遇,赋能科学城产业发展的建议", kind: "proposal" as const };

describe("notices name their proposal (lib/notices.ts)", () => {
  it("puts the proposal's number and title before what happened", () => {
    expect(noticeMessage(P180, "答复函已签发")).toBe("第180号提案《关于抢抓人才红利机遇,赋能科学城产业发展的建议》：答复函已签发");
    expect(noticeMessage({ number: 12, title: "关于加快充电桩建设的建议", kind: "suggestion" }, "提案人已提交回执")).toBe(
      "第12号建议《关于加快充电桩建设的建议》：提案人已提交回执",
    );
  });

  it("mails it with an absolute link from the configured address", () => {
    const mail = noticeMail(noticeMessage(P180, "答复函已签发"), "/proposals/3", "https://tian.example.gov.cn");
    expect(mail.subject).toBe("【提案办理】第180号提案《关于抢抓人才红利机遇,赋能科学城产业发展的建议》：答复函已签发");
    expect(mail.body).toContain("请登录系统办理：https://tian.example.gov.cn/proposals/3");
  });

  it("a 督办 of an overdue step says how many days overdue, never “before” a past day", () => {
    expect(superviseComment({ step: "答复", due: "2026-05-06" }, "2026-06-15")).toBe("答复已超期40天（期限2026-05-06），请尽快办理。");
    expect(superviseComment({ step: "签收", due: "2026-06-15" }, "2026-06-15")).toBe("签收今日到期（2026-06-15），请于今日完成。");
    expect(superviseComment({ step: "答复", due: "2026-06-19" }, "2026-06-15")).toBe("请于2026-06-19前完成答复。");
  });

  it("a reminder of a receipt past its deadline says how late it is", () => {
    expect(receiptReminder("2026-06-20", "2026-06-15")).toBe("请阅读答复函并提交回执（回执期限 2026-06-20）");
    expect(receiptReminder("2026-06-10", "2026-06-15")).toBe("回执已超期5天（期限2026-06-10），请阅读答复函并尽快提交回执");
  });
});
