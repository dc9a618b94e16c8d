"use client";
import { usePathname } from "next/navigation";
import { Link } from "@/components/link";

const ITEMS = [
  { href: "/admin", label: "概览" },
  { href: "/admin/units", label: "单位" },
  { href: "/admin/users", label: "用户" },
  { href: "/admin/sessions", label: "届次会议" },
  { href: "/admin/categories", label: "主题分类" },
  { href: "/admin/settings", label: "系统设置" },
  { href: "/admin/calendar", label: "节假日" },
  { href: "/admin/audit", label: "安全审计" },
];

/** Tabs between the administration sections; the current one is marked for screen readers too. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="系统管理" className="border-b border-slate-300">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {ITEMS.map((item) => {
          const current = item.href === "/admin" ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm sm:px-4 ${current ? "border-brand-600 font-semibold text-brand-800" : "border-transparent text-slate-600 hover:border-slate-400 hover:text-slate-900"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
