import { useId } from "react";

/** A titled block of the proposal page in which one party acts. */
export function Panel({ title, children, tone = "plain" }: { title: string; children: React.ReactNode; tone?: "plain" | "action" }) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={`rounded border p-4 ${tone === "action" ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}
    >
      <h2 id={id} className="mb-3 font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
