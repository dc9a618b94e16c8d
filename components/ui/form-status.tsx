import type { ActionResult } from "@/lib/action-result";

/** The outcome of a form's last submission, announced to screen readers. */
export function FormStatus({ state }: { state: ActionResult<unknown> | null }) {
  return (
    <div aria-live="polite" role="status" className="min-h-6 text-sm">
      {state && !state.ok && (
        <p className="whitespace-pre-line rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">{state.error}</p>
      )}
      {state?.ok && state.message && (
        <p className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-800">{state.message}</p>
      )}
    </div>
  );
}
