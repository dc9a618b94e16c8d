"use client";
import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";

export type FormActionFn<T = undefined> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * `useActionState` for forms whose input must survive a refusal: React resets a form after its action
 * runs, which would wipe what the administrator typed. Submitting inside a transition from `onSubmit`
 * keeps the values, while `useFormStatus` still sees the submission as pending. Put both on the form,
 * `<form action={dispatch} onSubmit={onSubmit}>`: before hydration the form still posts to the action.
 */
export function useFormAction<T = undefined>(action: FormActionFn<T>) {
  const [state, dispatch] = useActionState(action, null);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }
  return { state, dispatch, onSubmit };
}
