/** The 启用 checkbox of an edit form; unchecked retires the record without deleting it. */
export function ActiveCheckbox({ defaultChecked, hint }: { defaultChecked: boolean; hint: string }) {
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" name="active" defaultChecked={defaultChecked} aria-describedby="active-hint" className="size-4" />
        启用
      </label>
      <p id="active-hint" className="text-xs text-slate-500">
        {hint}
      </p>
    </div>
  );
}
