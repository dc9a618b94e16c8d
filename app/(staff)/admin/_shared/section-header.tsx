import { Link } from "@/components/link";

/** A section's heading with its main command (e.g. 新建单位) on the right. */
export function SectionHeader({ title, action }: { title: string; action?: { href: string; label: string } }) {
  return (
    <div className="mb-4 flex items-center justify-between gap-4">
      <h1 className="text-xl font-bold text-slate-900">{title}</h1>
      {action && (
        <Link href={action.href} className="btn btn-primary">
          {action.label}
        </Link>
      )}
    </div>
  );
}
