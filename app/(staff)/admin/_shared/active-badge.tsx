/** Whether a unit, session or category is in use (启用) or retired (停用). */
export function ActiveBadge({ active }: { active: boolean }) {
  return active ? (
    <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">启用</span>
  ) : (
    <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">停用</span>
  );
}
