import { z } from "zod";
import { normalisePhone } from "@/lib/phone";

// Zod's own messages in Simplified Chinese for anything a schema does not word itself.
z.config(z.locales.zhCN());

/** The first message for each field, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/** Text from a form: trimmed, required, bounded, and free of control characters. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, `请填写${label}`)
        .max(max, `${label}不能超过 ${max} 个字`)
        .refine((s) => !CONTROL_CHARS.test(s), `${label}含有不可见的控制字符`),
    );
}

/** Optional text: empty becomes null. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .optional()
    .transform((s) => s?.trim() ?? "")
    .pipe(
      z
        .string()
        .max(max, `${label}不能超过 ${max} 个字`)
        .refine((s) => !CONTROL_CHARS.test(s), `${label}含有不可见的控制字符`),
    )
    .transform((s) => (s === "" ? null : s));
}

const PHONE_FORMS = "请填写如 023—63211234、(023)63211234、13800138000 或 023—63211234转8001 的号码";

/** A telephone number, stored in the form letters print it (lib/phone.ts). */
function phoneOf(text: string, label: string, ctx: z.RefinementCtx): string {
  const number = normalisePhone(text);
  if (number === null) ctx.addIssue({ code: "custom", message: `${label}格式不正确，${PHONE_FORMS}` });
  return number ?? text;
}

export function requiredPhone(label: string, max: number) {
  return requiredText(label, max).transform((s, ctx) => phoneOf(s, label, ctx));
}

/** Optional: empty becomes null. */
export function optionalPhone(label: string, max: number) {
  return optionalText(label, max).transform((s, ctx) => (s === null ? null : phoneOf(s, label, ctx)));
}

/** A calendar day written as 2026-06-15 that exists (no 2026-02-30). */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s));

/** A checkbox: present ("on") is true, absent is false. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** A positive whole number from a form field (ids, years). */
export function wholeNumber(label: string, min = 1, max = 2_147_483_647) {
  return z.coerce
    .number({ error: `${label}必须是整数` })
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);
}

/** An optional id from a select; "" or a missing field means none. */
export function optionalId(label: string) {
  return z.preprocess((v) => (v === "" ? undefined : v), wholeNumber(label).optional()).transform((v) => v ?? null);
}

// C0 controls except tab, LF and CR; DEL; bidi embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), which make text display in another order than it reads ("Trojan Source"); lone
// surrogates (invalid UTF-16).
const CONTROL_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
