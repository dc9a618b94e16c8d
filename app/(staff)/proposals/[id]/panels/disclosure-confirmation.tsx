import { TextField } from "./text-field";

/** 公开审查: the reason for making a text public with its findings open (lib/disclosure-review.ts), logged with the step. */
export function DisclosureConfirmation({ when, error }: { when: string; error?: string }) {
  return (
    <TextField
      label={`确认公开的理由（${when}）`}
      name="confirmation"
      rows={2}
      error={error}
      hint="填写即确认上述内容可以公开，理由记入办理记录"
    />
  );
}
