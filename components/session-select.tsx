import { Field } from "@/components/ui/field";

/** 届次会议 as a required select; preselected when there is only one to choose. */
export function SessionSelect({ sessions, error }: { sessions: { id: number; title: string }[]; error?: string }) {
  return (
    <Field label="届次会议" name="sessionId" error={error} required>
      {(p) => (
        <select {...p} defaultValue={sessions.length === 1 ? sessions[0]!.id : ""} className="input">
          <option value="" disabled>
            请选择
          </option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
