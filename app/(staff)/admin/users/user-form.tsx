"use client";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AdminUser } from "@/db/queries/admin";
import { ROLES, ROLE_LABELS } from "@/lib/domain";
import { useFormAction, type FormActionFn } from "@/components/ui/use-form-action";
import { PASSWORD_HINT } from "./password-hint";

export type UnitOption = { id: number; label: string };

/** Creates an account (with username and initial password), or edits one's profile, role and unit. */
export function UserForm({ action, units, user }: { action: FormActionFn; units: UnitOption[]; user?: AdminUser }) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4 rounded border border-slate-200 bg-white p-5">
      {user && <input type="hidden" name="id" value={user.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {!user && (
          <Field
            label="用户名"
            name="username"
            error={errors?.username}
            hint="登录用，3–32 位小写字母、数字、下划线、点或连字符；创建后不能修改"
            required
          >
            {(p) => <input {...p} maxLength={32} autoComplete="off" autoCapitalize="none" spellCheck={false} className="input" />}
          </Field>
        )}
        <Field label="姓名" name="displayName" error={errors?.displayName} hint="显示给其他用户的名称" required>
          {(p) => <input {...p} defaultValue={user?.displayName} maxLength={40} className="input" />}
        </Field>
        <Field label="角色" name="role" error={errors?.role} required>
          {(p) => (
            <select {...p} defaultValue={user?.role ?? ""} className="input">
              <option value="" disabled>
                请选择
              </option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="所属单位"
          name="unitId"
          error={errors?.unitId}
          hint="承办人、单位负责人和分管领导必须选择；交办督办可选；系统管理员和委员/代表留空"
        >
          {(p) => (
            <select {...p} defaultValue={user?.unitId ?? ""} className="input">
              <option value="">（无）</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="职务" name="title" error={errors?.title} hint="如：局长；单位负责人的职务会写入答复函">
          {(p) => <input {...p} defaultValue={user?.title ?? ""} maxLength={40} className="input" />}
        </Field>
        <Field label="联系电话" name="phone" error={errors?.phone}>
          {(p) => <input {...p} type="tel" defaultValue={user?.phone ?? ""} maxLength={30} autoComplete="off" className="input" />}
        </Field>
        <Field label="电子邮箱" name="email" error={errors?.email}>
          {(p) => <input {...p} type="email" defaultValue={user?.email ?? ""} maxLength={100} autoComplete="off" className="input" />}
        </Field>
        {!user && (
          <>
            <Field label="初始密码" name="password" error={errors?.password} hint={`${PASSWORD_HINT}；用户首次登录后须修改`} required>
              {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={128} className="input" />}
            </Field>
            <Field label="确认密码" name="passwordConfirm" error={errors?.passwordConfirm} required>
              {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={128} className="input" />}
            </Field>
          </>
        )}
      </div>
      <FormStatus state={state} />
      <SubmitButton>{user ? "保存" : "创建用户"}</SubmitButton>
    </form>
  );
}
