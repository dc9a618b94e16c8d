/** The password policy in words, as lib/validation/admin.ts enforces it. */
export const PASSWORD_HINT = "至少 8 位，须同时包含字母和数字，不能与用户名相同";
