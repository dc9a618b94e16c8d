import { Link } from "@/components/link";
import type { SessionKind } from "@/lib/domain";

/** The column of the open-information catalogue each kind is published in. */
export const KIND_COLUMNS: Record<SessionKind, string> = { proposal: "政协委员提案办理", suggestion: "人大代表建议办理" };

/** 您当前的位置:首页>>政务公开>>政府信息公开目录>>建议提案办理>>政协委员提案办理 */
export function Breadcrumb({ t, kind }: { t: (text: string) => string; kind?: SessionKind }) {
  const trail: { label: string; href: string }[] = [
    { label: "首页", href: "/open" },
    { label: "政务公开", href: "/open" },
    { label: "政府信息公开目录", href: "/open" },
    { label: "建议提案办理", href: "/open" },
    ...(kind ? [{ label: KIND_COLUMNS[kind], href: `/open?kind=${kind}` }] : []),
  ];
  return (
    <nav aria-label={t("当前位置")} className="portal-breadcrumb">
      {t("您当前的位置:")}
      {trail.map((step, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden="true">{">>"}</span>}
          {i === trail.length - 1 ? <span aria-current="page">{t(step.label)}</span> : <Link href={step.href}>{t(step.label)}</Link>}
        </span>
      ))}
    </nav>
  );
}
