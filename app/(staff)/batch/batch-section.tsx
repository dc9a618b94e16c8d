import { useId } from "react";

/** One bulk action's block: a heading, what it does, and its form or the line that there is nothing to do. */
export function BatchSection({
  title,
  note,
  empty,
  children,
}: {
  title: string;
  note: string;
  empty: string | null;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded border border-slate-200 bg-white p-4">
      <h2 id={id} className="font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{note}</p>
      {empty ? <p className="rounded border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">{empty}</p> : children}
    </section>
  );
}

/** The checkbox that selects a row, named by what it selects. */
export function RowCheck({ name, value, label }: { name: string; value: string | number; label: string }) {
  return <input type="checkbox" name={name} value={value} aria-label={`选择${label}`} className="h-4 w-4" />;
}
