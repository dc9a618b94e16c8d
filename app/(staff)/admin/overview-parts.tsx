/** The pieces of the administration home: a count card and a short list of accounts. */
import { Link } from "@/components/link";

export function CountCard({
  href,
  label,
  total,
  detail,
  children,
}: {
  href: string;
  label: string;
  total: number;
  detail: string;
  children?: React.ReactNode;
}) {
  return (
    <li className="rounded border border-slate-200 bg-white p-4">
      <Link href={href} className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        {label}管理
      </Link>
      <p className="mt-1 text-2xl font-bold tabular-nums text-slate-900">{total}</p>
      <p className="text-xs text-slate-500">{detail}</p>
      {children}
    </li>
  );
}

/** How many accounts a list shows before it points to the filtered user list. */
const SHOWN = 8;

export function AccountList({
  title,
  empty,
  href,
  accounts,
}: {
  title: string;
  empty: string;
  href: string;
  accounts: { id: number; username: string; displayName: string; note: string }[];
}) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">
        {title}
        <span className="ml-2 rounded-full bg-slate-200 px-2 text-xs text-slate-700">{accounts.length}</span>
      </h3>
      {accounts.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-sm">
          {accounts.slice(0, SHOWN).map((a) => (
            <li key={a.id}>
              <Link href={`/admin/users/${a.id}`} className="text-brand-700 underline">
                {a.displayName}（{a.username}）
              </Link>
              {a.note && <span className="ml-2 text-xs text-slate-500">{a.note}</span>}
            </li>
          ))}
          {accounts.length > SHOWN && (
            <li>
              <Link href={href} className="text-xs text-brand-700 underline">
                查看全部 {accounts.length} 个
              </Link>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
