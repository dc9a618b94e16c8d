import { FilterActions } from "@/components/ui/filter-actions";
import type { Unit } from "@/db/schema";
import { ROLES, ROLE_LABELS } from "@/lib/domain";
import { ACCOUNT_STATES, ACCOUNT_STATE_LABELS, type UserFilter } from "@/lib/validation/admin";
import { FilterField } from "@/components/ui/filter-field";

/** The user list's search form; a plain GET form, so filtered lists can be linked to and bookmarked. */
export function UserFilters({ filter, units, total }: { filter: UserFilter; units: Unit[]; total: number }) {
  return (
    <form
      method="get"
      role="search"
      aria-label="筛选用户"
      className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3"
    >
      <FilterField id="f-q" label="姓名或用户名">
        <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={50} className="input" />
      </FilterField>
      <FilterField id="f-role" label="角色">
        <select id="f-role" name="role" defaultValue={filter.role ?? ""} className="input">
          <option value="">全部</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="f-unit" label="所属单位">
        <select id="f-unit" name="unit" defaultValue={filter.unit ?? ""} className="input">
          <option value="">全部</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.shortName}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="f-status" label="账户状态">
        <select id="f-status" name="status" defaultValue={filter.status ?? ""} className="input">
          <option value="">全部</option>
          {ACCOUNT_STATES.map((s) => (
            <option key={s} value={s}>
              {ACCOUNT_STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterActions clearHref="/admin/users" count={`共 ${total} 个用户`} />
    </form>
  );
}
