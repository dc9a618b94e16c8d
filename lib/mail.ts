/** E-mail settings and how notices read as mail. Pure. */
import { z } from "zod";
import { checkbox, optionalText, requiredText, wholeNumber } from "./validation/common";

export type SmtpSettings = {
  enabled: boolean;
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
  /** How users reach the system, for the links in the mails, e.g. https://tian.example.gov.cn */
  siteUrl: string;
};

export const SMTP_DISABLED: SmtpSettings = {
  enabled: false,
  host: "",
  port: 25,
  secure: false,
  user: null,
  password: null,
  from: "",
  // None until the administrator saves one: the settings form suggests the address they reached the site by.
  siteUrl: "",
};

export const smtpSettingsInput = z
  .object({
    enabled: checkbox,
    host: optionalText("SMTP 服务器", 200),
    port: wholeNumber("端口", 1, 65535),
    secure: checkbox,
    user: optionalText("用户名", 200),
    password: optionalText("密码", 200),
    from: requiredText("发件人地址", 200).refine((s) => z.email().safeParse(s.replace(/^.*<(.+)>$/, "$1")).success, "发件人地址格式不正确"),
    siteUrl: requiredText("系统访问地址", 200).refine((s) => /^https?:\/\/[^\s/]+/.test(s), "系统访问地址应以 http:// 或 https:// 开头"),
  })
  .superRefine((v, ctx) => {
    if (v.enabled && !v.host) ctx.addIssue({ code: "custom", path: ["host"], message: "启用邮件通知须填写 SMTP 服务器" });
  })
  .transform((v): SmtpSettings => ({ ...v, host: v.host ?? "" }));

/** Retry delays after each failed attempt; after the last one the mail is given up as failed. */
export const RETRY_MINUTES = [1, 5, 30, 120, 360, 720] as const;

export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const minutes = RETRY_MINUTES[attempts - 1];
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000);
}

/** One notice as a mail. `baseUrl` makes the link absolute. */
export function noticeMail(message: string, link: string | null, baseUrl: string) {
  return {
    subject: `【提案办理】${message}`,
    body: `${message}\n\n${link ? `请登录系统办理：${new URL(link, baseUrl).href}\n\n` : ""}此邮件由提案办理系统自动发送，请勿回复。`,
  };
}

/** The daily digest of a user's unread notices. */
export function digestMail(messages: { message: string; link: string | null }[], baseUrl: string) {
  return {
    subject: `【提案办理】您有 ${messages.length} 条待办消息`,
    body: `${messages.map((m, i) => `${i + 1}. ${m.message}${m.link ? `  ${new URL(m.link, baseUrl).href}` : ""}`).join("\n")}\n\n此邮件由提案办理系统自动发送，请勿回复。`,
  };
}
