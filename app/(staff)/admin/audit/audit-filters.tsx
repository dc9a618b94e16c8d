import { FilterActions } from "@/components/ui/filter-actions";
import { AUDIT_GROUPS, type AuditFilter } from "@/lib/audit";
import { FilterField } from "@/components/ui/filter-field";

/** The audit list's search form; a plain GET form, so a filtered list can be linked to. */
export function AuditFilters({ filter, total }: { filter: AuditFilter; total: number }) {
  return (
    <form
      method="get"
      role="search"
      aria-label="筛选安全事件"
      className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3"
    >
      <FilterField id="f-kind" label="事件类型">
        <select id="f-kind" name="kind" defaultValue={filter.kind ?? ""} className="input">
          <option value="">全部</option>
          {AUDIT_GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {Object.entries(group.kinds).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </FilterField>
      <FilterField id="f-user" label="用户（姓名或用户名）">
        <input id="f-user" name="user" type="search" defaultValue={filter.user ?? ""} maxLength={64} className="input" />
      </FilterField>
      <FilterField id="f-from" label="起始日期">
        <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} className="input" />
      </FilterField>
      <FilterField id="f-to" label="截止日期">
        <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} className="input" />
      </FilterField>
      <FilterActions clearHref="/admin/audit" count={`共 ${total} 条记录`} />
    </form>
  );
}
