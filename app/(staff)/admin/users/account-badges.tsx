import type { AdminUser } from "@/db/queries/admin";

/** An account's state at a glance: 已停用, 已锁定, 须修改密码, or 正常. */
export function AccountBadges({ user, now }: { user: Pick<AdminUser, "disabled" | "lockedUntil" | "mustChangePassword">; now: Date }) {
  const badges: { label: string; tone: string }[] = [];
  if (user.disabled) badges.push({ label: "已停用", tone: "bg-slate-200 text-slate-800" });
  if (user.lockedUntil && user.lockedUntil > now) badges.push({ label: "已锁定", tone: "bg-red-50 text-red-800" });
  if (user.mustChangePassword) badges.push({ label: "须修改密码", tone: "bg-amber-50 text-amber-900" });
  if (badges.length === 0) badges.push({ label: "正常", tone: "bg-emerald-50 text-emerald-800" });
  return (
    <span className="flex flex-wrap gap-1 max-md:inline-flex">
      {badges.map((b) => (
        <span key={b.label} className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${b.tone}`}>
          {b.label}
        </span>
      ))}
    </span>
  );
}
