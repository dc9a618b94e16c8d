/** One control of a list's filter form, with its small label above it; a full line on a phone. */
export function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="max-sm:w-full">
      <label htmlFor={id} className="block text-xs text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}
