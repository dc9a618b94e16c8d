import { FilterActions } from "@/components/ui/filter-actions";
import type { Unit } from "@/db/schema";
import { ROLES, ROLE_LABELS } from "@/lib/domain";
import { ACCOUNT_STATES, ACCOUNT_STATE_LABELS, type UserFilter } from "@/lib/validation/admin";

/** The user list's search form; a plain GET form, so filtered lists can be linked to and bookmarked. */
export function UserFilters({ filter, units, total }: { filter: UserFilter; units: Unit[]; total: number }) {
  return (
    <form method="get" role="search" aria-label="筛选用户" className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
      <div>
        <label htmlFor="f-q" className="block text-xs text-slate-600">
          姓名或用户名
        </label>
        <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={50} className="input" />
      </div>
      <div>
        <label htmlFor="f-role" className="block text-xs text-slate-600">
          角色
        </label>
        <select id="f-role" name="role" defaultValue={filter.role ?? ""} className="input">
          <option value="">全部</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-unit" className="block text-xs text-slate-600">
          所属单位
        </label>
        <select id="f-unit" name="unit" defaultValue={filter.unit ?? ""} className="input">
          <option value="">全部</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.shortName}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-status" className="block text-xs text-slate-600">
          账户状态
        </label>
        <select id="f-status" name="status" defaultValue={filter.status ?? ""} className="input">
          <option value="">全部</option>
          {ACCOUNT_STATES.map((s) => (
            <option key={s} value={s}>
              {ACCOUNT_STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <FilterActions clearHref="/admin/users" count={`共 ${total} 个用户`} />
    </form>
  );
}
