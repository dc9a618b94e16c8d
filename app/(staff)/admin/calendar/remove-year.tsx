"use client";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { removeHolidayYear } from "./actions";

/** 删除录入: the year falls back to the package's data, or to weekends alone. */
export function RemoveYear({ year }: { year: number }) {
  const { state, dispatch, onSubmit } = useFormAction(removeHolidayYear);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="year" value={year} />
      <SubmitButton variant="secondary">删除{year}年的录入</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
