"use client";
import { useFormStatus } from "react-dom";

/** A submit button that disables itself while its form is being sent (no double submissions). */
export function SubmitButton({
  children,
  variant = "primary",
  name,
  value,
}: {
  children: React.ReactNode;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={`btn btn-${variant}`}>
      {children}
    </button>
  );
}
