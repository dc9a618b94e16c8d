import { describe, expect, it } from "vitest";
import { digestMail, nextAttemptAfter, noticeMail, smtpSettingsInput } from "@/lib/mail";

describe("mail", () => {
  const form = { host: "smtp.example.gov.cn", port: "465", from: "提案办理 <tian@example.gov.cn>", siteUrl: "https://tian.example.gov.cn" };
  it("validates the SMTP settings", () => {
    expect(smtpSettingsInput.parse({ ...form, enabled: "on", secure: "on" })).toEqual({
      enabled: true,
      host: "smtp.example.gov.cn",
      port: 465,
      secure: true,
      user: null,
      password: null,
      from: "提案办理 <tian@example.gov.cn>",
      siteUrl: "https://tian.example.gov.cn",
    });
    expect(smtpSettingsInput.safeParse({ ...form, enabled: "on", host: "" }).error?.issues[0]?.message).toBe(
      "启用邮件通知须填写 SMTP 服务器",
    );
    expect(smtpSettingsInput.safeParse({ ...form, from: "not-an-address" }).success).toBe(false);
    expect(smtpSettingsInput.safeParse({ ...form, siteUrl: "tian.example" }).success).toBe(false);
    expect(smtpSettingsInput.safeParse({ ...form, port: "70000" }).success).toBe(false);
  });
  it("retries later and later, then gives up", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(nextAttemptAfter(1, now)?.toISOString()).toBe("2026-01-01T00:01:00.000Z");
    expect(nextAttemptAfter(6, now)?.toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(nextAttemptAfter(7, now)).toBeNull();
  });
  it("words notices and digests with absolute links", () => {
    expect(noticeMail("有答复函待审签", "/proposals/3", "https://tian.example.gov.cn")).toEqual({
      subject: "【提案办理】有答复函待审签",
      body: "有答复函待审签\n\n请登录系统办理：https://tian.example.gov.cn/proposals/3\n\n此邮件由提案办理系统自动发送，请勿回复。",
    });
    expect(
      digestMail(
        [
          { message: "甲", link: null },
          { message: "乙", link: "/work" },
        ],
        "https://t.example",
      ).body,
    ).toContain("2. 乙  https://t.example/work");
  });
});
