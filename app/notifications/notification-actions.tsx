"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { open, readAll } from "./actions";

type Item = { id: number; message: string; unread: boolean; at: string };

/** The list of messages; opening one marks it read and goes to the proposal it is about. */
export function NotificationActions({ items }: { items: Item[] }) {
  const opener = useFormAction(open);
  const all = useFormAction(readAll);
  if (items.length === 0) return <p className="rounded border border-dashed bg-white p-4 text-slate-500">暂无消息。</p>;
  return (
    <>
      <form action={all.dispatch} onSubmit={all.onSubmit} className="mb-3">
        <button type="submit" className="btn btn-secondary">
          全部标为已读
        </button>
      </form>
      <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        {items.map((n) => (
          <li key={n.id} className="flex items-center gap-3 px-4 py-2 text-sm">
            {n.unread && <span className="shrink-0 whitespace-nowrap rounded bg-red-600 px-1.5 text-xs text-white">未读</span>}
            <span className={n.unread ? "font-semibold" : "text-slate-600"}>{n.message}</span>
            <time className="ml-auto shrink-0 whitespace-nowrap text-xs text-slate-500">{n.at}</time>
            <form action={opener.dispatch} onSubmit={opener.onSubmit}>
              <input type="hidden" name="id" value={n.id} />
              <button type="submit" className="whitespace-nowrap text-brand-700 hover:underline">
                查看
              </button>
            </form>
          </li>
        ))}
      </ul>
      <FormStatus state={opener.state ?? all.state} />
    </>
  );
}
