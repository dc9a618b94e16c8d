"use client";
import { usePathname } from "next/navigation";
import { Link } from "@/components/link";

export type NavItem = { href: string; label: string };

/** The staff navigation bar; marks the current section for sighted and screen-reader users. */
export function StaffNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="主导航">
      <ul className="flex flex-col gap-1 lg:flex-row">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded px-3 py-2 text-sm lg:py-1.5 ${current ? "bg-white/20 font-semibold text-white" : "text-brand-100 hover:bg-white/10 hover:text-white"}`}
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
