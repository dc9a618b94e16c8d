/** A labelled group of radio buttons, one choice checked by default. */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  choices,
  defaultValue,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  choices: { value: T; label: string }[];
  defaultValue: T;
  onChange?: (value: T) => void;
  error?: string;
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {choices.map((c) => (
          <label key={c.value} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={c.value}
              defaultChecked={defaultValue === c.value}
              onChange={() => onChange?.(c.value)}
            />
            {c.label}
          </label>
        ))}
      </div>
      {error && <p className="text-xs text-red-700">{error}</p>}
    </fieldset>
  );
}
