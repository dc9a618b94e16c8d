import { Field } from "@/components/ui/field";

/** A labelled multi-line text field. */
export function TextField({
  label,
  name,
  error,
  rows = 3,
  defaultValue,
  required,
  hint,
}: {
  label: string;
  name: string;
  error?: string;
  rows?: number;
  defaultValue?: string;
  required?: boolean;
  hint?: string;
}) {
  return (
    <Field label={label} name={name} error={error} required={required} hint={hint}>
      {(p) => <textarea {...p} rows={rows} defaultValue={defaultValue} className="input" />}
    </Field>
  );
}

export type UnitOption = { id: number; name: string };

/** A labelled unit select with an optional empty choice. */
export function UnitSelect({
  label,
  name,
  units,
  error,
  emptyLabel,
  required,
  defaultValue,
}: {
  label: string;
  name: string;
  units: UnitOption[];
  error?: string;
  emptyLabel?: string;
  required?: boolean;
  defaultValue?: number | null;
}) {
  return (
    <Field label={label} name={name} error={error} required={required}>
      {(p) => (
        <select {...p} defaultValue={defaultValue ?? ""} className="input">
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
