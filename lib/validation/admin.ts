/**
 * What the administration forms accept: units, users, sessions (届次会议) and categories (主题分类).
 * Pure zod schemas with the Chinese messages the forms show; uniqueness is checked by the database.
 */
import { z } from "zod";
import { ROLES, SESSION_KINDS, UNIT_KINDS, UNIT_ROLES, type Role } from "@/lib/domain";
import { checkbox, optionalId, optionalPhone, optionalText, requiredText, wholeNumber } from "./common";
import { checkNewPassword, password, passwordConfirm, passwordRepeatsUsername, withoutConfirmation } from "./password";

/** An id in a URL or a hidden field: a positive whole number written plainly. */
export const recordId = z
  .string({ error: "记录编号无效" })
  .regex(/^[1-9]\d{0,9}$/, "记录编号无效")
  .transform(Number)
  .pipe(z.number().max(2_147_483_647, "记录编号无效"));

function oneOf<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

// ---------------------------------------------------------------------------------------------
// Units (单位)

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** 发文字号 prefix such as 渝高新科函; the 〔year〕 and serial are added when a reply is numbered. */
const docPrefix = requiredText("发文字号前缀", 20)
  .refine((s) => !/[〔〕[\]［］()（）]/.test(s), "发文字号前缀不含〔年份〕和序号，只填写如“渝高新科函”的部分")
  .refine((s) => s.length >= 2, "发文字号前缀至少 2 个字")
  .refine((s) => HAN_ONLY.test(s), "发文字号前缀只能由汉字组成，如“渝高新科函”");

/** 索引号 prefix such as 1150010700927688XM; upper-cased before it is checked. */
const indexPrefix = requiredText("索引号前缀", 30)
  .transform((s) => s.toUpperCase())
  .refine((s) => /^[A-Z0-9]{10,30}$/.test(s), "索引号前缀应为 10–30 位大写字母或数字，如“1150010700927688XM”");

const unitFields = {
  name: requiredText("单位名称", 60),
  shortName: requiredText("单位简称", 30),
  docPrefix,
  indexPrefix,
  kind: oneOf(UNIT_KINDS, "请选择单位类型"),
};

/** A new unit; it starts active. */
export const createUnitInput = z.object(unitFields);
export const updateUnitInput = z.object({ id: recordId, ...unitFields, active: checkbox });
export type CreateUnitInput = z.output<typeof createUnitInput>;
export type UpdateUnitInput = z.output<typeof updateUnitInput>;

// ---------------------------------------------------------------------------------------------
// Users (用户)

const username = requiredText("用户名", 32).refine(
  (s) => /^[a-z0-9_.-]{3,32}$/.test(s),
  "用户名为 3–32 位小写字母、数字、下划线、点或连字符",
);

const phone = optionalPhone("联系电话", 30);

const email = optionalText("电子邮箱", 100).refine((s) => s === null || z.email().safeParse(s).success, "电子邮箱格式不正确");

const profileFields = {
  displayName: requiredText("姓名", 40),
  role: oneOf(ROLES, "请选择角色"),
  unitId: optionalId("所属单位"),
  title: optionalText("职务", 40),
  phone,
  email,
};

/** Roles that act for a unit need one; admins and members belong to none; coordinators may. */
function checkUnitForRole(value: { role: Role; unitId: number | null }, ctx: z.RefinementCtx) {
  if (UNIT_ROLES.includes(value.role) && value.unitId === null) {
    const message = value.role === "leader" ? "分管领导必须选择所属单位" : "承办人和单位负责人必须选择所属单位";
    ctx.addIssue({ code: "custom", path: ["unitId"], message });
  }
  if ((value.role === "admin" || value.role === "member") && value.unitId !== null) {
    ctx.addIssue({ code: "custom", path: ["unitId"], message: "系统管理员和委员/代表不属于单位，请将所属单位留空" });
  }
}

/** A new account with its initial password. */
export const createUserInput = z
  .object({ username, ...profileFields, password, passwordConfirm })
  .superRefine(checkUnitForRole)
  .superRefine(checkNewPassword)
  .superRefine((value, ctx) => {
    if (passwordRepeatsUsername(value.password, value.username)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "密码不能与用户名相同" });
    }
  })
  .transform(withoutConfirmation);
export type CreateUserInput = z.output<typeof createUserInput>;

export const updateUserInput = z.object({ id: recordId, ...profileFields }).superRefine(checkUnitForRole);
export type UpdateUserInput = z.output<typeof updateUserInput>;

/** A password reset by the administrator; the "not the username" rule is checked against the stored account. */
export const resetPasswordInput = z
  .object({ id: recordId, password, passwordConfirm })
  .superRefine(checkNewPassword)
  .transform(withoutConfirmation);
export type ResetPasswordInput = z.output<typeof resetPasswordInput>;

/** Forms that only name the user they act on (disable, enable, unlock). */
export const userIdInput = z.object({ id: recordId });

/** Why an administrator may not make a change to their own account, or null when they may. */
export function selfChangeError(actorId: number, targetId: number, change: { role?: Role; disable?: boolean }): string | null {
  if (actorId !== targetId) return null;
  if (change.disable) return "不能停用自己的账户";
  if (change.role !== undefined && change.role !== "admin") return "不能取消自己的系统管理员角色";
  return null;
}

export const ACCOUNT_STATES = ["active", "disabled", "locked", "mustChange"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
export const ACCOUNT_STATE_LABELS: Record<AccountState, string> = {
  active: "启用",
  disabled: "已停用",
  locked: "已锁定",
  mustChange: "须修改密码",
};

/** The user list's filters from the query string; anything unusable is ignored rather than refused. */
export const userFilterInput = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  unit: recordId.optional().catch(undefined),
  status: z.enum(ACCOUNT_STATES).optional().catch(undefined),
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((s) => s?.trim().slice(0, 50) || undefined),
});
export type UserFilter = Partial<z.output<typeof userFilterInput>>;

// ---------------------------------------------------------------------------------------------
// 分办: a unit's 科室 and whether its divided drafts pass the 分管领导; a handler's 科室 and 可分办

const sectionName = requiredText("科室名称", 30);

/** A new 科室 of a unit; it starts in use. */
export const createSectionInput = z.object({ unitId: recordId, name: sectionName });
/** A 科室 renamed, or abolished (撤销) / restored. */
export const updateSectionInput = z.object({ id: recordId, name: sectionName, active: checkbox });
/** The unit's 分管领导 step: its 科室's drafts pass the 分管领导 before the director. */
export const leaderReviewInput = z.object({ id: recordId, leaderReview: checkbox });
/** A handler's 科室 (none: the unit's office) and 可分办. */
export const userDivisionInput = z.object({ id: recordId, sectionId: optionalId("科室"), canDivide: checkbox });
export type CreateSectionInput = z.output<typeof createSectionInput>;
export type UpdateSectionInput = z.output<typeof updateSectionInput>;
export type LeaderReviewInput = z.output<typeof leaderReviewInput>;
export type UserDivisionInput = z.output<typeof userDivisionInput>;

// ---------------------------------------------------------------------------------------------
// Sessions (届次会议)

const TERM = /^第[一二三四五六七八九十百零〇0-9]+届$/;
const MEETING = /^第[一二三四五六七八九十百零〇0-9]+次会议$/;

const sessionFields = {
  body: requiredText("召集机构", 60).refine((s) => HAN_ONLY.test(s), "召集机构只能由汉字组成，如“政协重庆市九龙坡区委员会”"),
  term: requiredText("届次", 10).refine((s) => TERM.test(s), "届次应写作“第十一届”的形式"),
  meeting: requiredText("会议", 12).refine((s) => MEETING.test(s), "会议应写作“第二次会议”的形式"),
  year: z
    .string({ error: "请填写年度" })
    .trim()
    .min(1, "请填写年度")
    .pipe(z.coerce.number<string>().int("年度必须是四位整数").min(2000, "年度应在 2000–2100 之间").max(2100, "年度应在 2000–2100 之间")),
  kind: oneOf(SESSION_KINDS, "请选择办理类型"),
};

/** A new session; it starts active. */
export const createSessionInput = z.object(sessionFields);
export const updateSessionInput = z.object({ id: recordId, ...sessionFields, active: checkbox });
export type CreateSessionInput = z.output<typeof createSessionInput>;
export type UpdateSessionInput = z.output<typeof updateSessionInput>;

// ---------------------------------------------------------------------------------------------
// Categories (主题分类)

const categoryFields = {
  name: requiredText("分类名称", 20),
  sortOrder: wholeNumber("排序号", 0, 9999),
};

/** A new category; it starts active. An empty sort order counts as 0. */
export const createCategoryInput = z.object(categoryFields);
export const updateCategoryInput = z.object({ id: recordId, ...categoryFields, active: checkbox });
export type CreateCategoryInput = z.output<typeof createCategoryInput>;
export type UpdateCategoryInput = z.output<typeof updateCategoryInput>;

/** 电子签章: a unit's PKCS#12 certificate file (read from the form apart) and its password, kept as typed (no trimming). */
export const unitCertificateInput = z.object({
  unitId: recordId,
  password: z.string({ error: "请填写证书密码" }).max(200, "证书密码不能超过 200 个字符"),
});
/** A PKCS#12 file with a chain of a few certificates is a few KB. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;
