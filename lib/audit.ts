/**
 * The security audit: which event-log actions it shows, how they read, and its filters. The events
 * themselves are the append-only event log (db/schema/audit.ts); this is a view of part of it.
 */
import { z } from "zod";
import { ROLE_LABELS, type Role } from "./domain";
import { calendarDay } from "./validation/common";

export const AUDIT_GROUPS = [
  {
    label: "登录",
    kinds: {
      sign_in: "登录成功",
      sign_in_failed: "登录失败",
      sign_in_refused: "拒绝登录",
      account_locked: "账户锁定",
      sign_in_locked: "锁定期间尝试登录",
      sign_in_ip_blocked: "网络地址暂停登录",
      sign_out: "退出登录",
      password_change: "本人修改密码",
      password_change_failed: "修改密码时当前密码错误",
      password_change_locked: "锁定期间尝试修改密码",
    },
  },
  {
    label: "用户管理",
    kinds: {
      user_create: "新建用户",
      user_update: "修改用户信息",
      user_role_change: "变更角色",
      user_disable: "停用账户",
      user_enable: "启用账户",
      password_reset: "重置密码",
      user_unlock: "解除锁定",
    },
  },
  {
    label: "政府信息公开",
    kinds: {
      publish: "发布",
      withhold: "不予公开",
      withdraw_publication: "撤回公开",
      republish: "重新发布",
      disclosure_confirmed: "公开审查发现个人信息后确认公开",
    },
  },
  {
    label: "系统设置",
    kinds: {
      settings_update: "修改系统设置",
      holiday_calendar_update: "修改节假日安排",
      unit_create: "新建单位",
      unit_update: "修改单位",
      section_create: "新建科室",
      section_update: "修改科室",
      session_create: "新建届次会议",
      session_update: "修改届次会议",
      category_create: "新建主题分类",
      category_update: "修改主题分类",
    },
  },
] as const;

type Kinds = (typeof AUDIT_GROUPS)[number]["kinds"];
/** Every kind of every group (keyof distributed over the groups, not only their common keys). */
type KeysOf<T> = T extends unknown ? keyof T : never;
export type AuditKind = KeysOf<Kinds> & string;

export const AUDIT_LABELS: Record<AuditKind, string> = Object.assign({}, ...AUDIT_GROUPS.map((g) => g.kinds));
export const AUDIT_KINDS = Object.keys(AUDIT_LABELS) as [AuditKind, ...AuditKind[]];

/** Kinds shown with a warning colour: something may be under attack or someone lost access. */
export const ALARMING_KINDS: ReadonlySet<string> = new Set([
  "sign_in_failed",
  "sign_in_refused",
  "account_locked",
  "sign_in_locked",
  "sign_in_ip_blocked",
  "password_change_failed",
  "password_change_locked",
  "user_disable",
]);

/** The audit page's filters from the query string; anything malformed is dropped rather than refused. */
export const auditFilterInput = z.object({
  kind: z.enum(AUDIT_KINDS).optional().catch(undefined),
  user: z
    .string()
    .optional()
    .catch(undefined)
    .transform((s) => s?.trim().slice(0, 64) || undefined),
  from: calendarDay.optional().catch(undefined),
  to: calendarDay.optional().catch(undefined),
});
export type AuditFilter = Partial<z.output<typeof auditFilterInput>>;

/** A calendar day in China as the half-open range of instants [start, end). */
export function chinaDayRange(isoDate: string): { start: Date; end: Date } {
  const start = new Date(`${isoDate}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 24 * 60 * 60_000) };
}

/** What an event's data says, in a few words for the table (never a password: none is ever logged). */
export function auditDetail(action: string, data: Record<string, unknown> | null, names: { target: string | null }): string {
  const d = data ?? {};
  const parts: string[] = [];
  if (names.target) parts.push(`用户：${names.target}`);
  if ((action === "sign_in_failed" || action === "password_change_failed") && typeof d.failures === "number")
    parts.push(`连续第 ${d.failures} 次`);
  if ((action === "sign_in" || action === "sign_in_refused") && d.via === "sso") parts.push("统一身份认证");
  if (action === "sign_in_refused" && typeof d.reason === "string") parts.push(REFUSAL_DETAILS[d.reason] ?? d.reason);
  if (action === "account_locked" && typeof d.minutes === "number") parts.push(`锁定 ${d.minutes} 分钟`);
  if (action === "sign_in_ip_blocked" && typeof d.failures === "number") parts.push(`${d.windowMinutes ?? 15} 分钟内失败 ${d.failures} 次`);
  if (action === "user_role_change" && typeof d.from === "string" && typeof d.to === "string")
    parts.push(`${roleLabel(d.from)} → ${roleLabel(d.to)}`);
  if (action === "user_update" && Array.isArray(d.fields) && d.fields.length) parts.push(`字段：${d.fields.join("、")}`);
  if (action === "holiday_calendar_update" && typeof d.year === "number") {
    parts.push(
      d.removed
        ? `删除${d.year}年的录入，恢复内置数据`
        : `${d.year}年：放假 ${Array.isArray(d.holidays) ? d.holidays.length : 0} 天，调休上班 ${Array.isArray(d.makeUpDays) ? d.makeUpDays.length : 0} 天`,
    );
  }
  if (["publish", "withdraw_publication", "republish"].includes(action) && typeof d.indexNumber === "string")
    parts.push(`索引号 ${d.indexNumber}`);
  if (["publish", "withhold", "withdraw_publication", "republish"].includes(action) && typeof d.round === "number" && d.round > 1)
    parts.push(`第${d.round}轮答复`);
  return parts.join("；");
}

/** Why a sign-in was refused (db/queries/credentials.ts), for the audit table. */
const REFUSAL_DETAILS: Record<string, string> = {
  unknown: "账号未在本系统登记",
  disabled: "账户已停用",
  missing_claim: "未提供关联账号的信息",
  password_disabled: "该角色不能使用密码登录",
};

const roleLabel = (role: string) => (role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role);
