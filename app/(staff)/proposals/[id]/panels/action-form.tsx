"use client";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormActionFn } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/action-result";

export type ActionFn = FormActionFn;

/**
 * A workflow form: hidden ids, the fields (rendered with the last result, for field errors), and one or
 * more submit buttons; the outcome is announced in an aria-live region.
 */
export function ActionForm({
  action,
  hidden,
  buttons,
  children,
}: {
  action: ActionFn;
  hidden: Record<string, string | number>;
  buttons: { label: string; name?: string; value?: string; variant?: "primary" | "secondary" | "danger" }[];
  children?: (errors: Record<string, string> | undefined, state: ActionResult | null) => React.ReactNode;
}) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(errors, state)}
      <div className="flex flex-wrap gap-2">
        {buttons.map((b) => (
          <SubmitButton key={b.label} name={b.name} value={b.value} variant={b.variant}>
            {b.label}
          </SubmitButton>
        ))}
      </div>
      <FormStatus state={state} />
    </form>
  );
}
