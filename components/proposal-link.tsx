import { Link } from "@/components/link";
import type { SessionKind } from "@/lib/domain";
import { proposalLabel } from "@/lib/format";

/** 第N号提案 《title》 linking to the staff proposal page. */
export function ProposalLink({
  id,
  number,
  title,
  kind,
  href,
}: {
  id: number;
  number: number;
  title: string;
  kind: SessionKind;
  href?: string;
}) {
  return (
    <Link href={href ?? `/proposals/${id}`} className="text-brand-700 hover:underline">
      <span className="mr-1 whitespace-nowrap text-slate-600">{proposalLabel(number, kind)}</span>
      {title}
    </Link>
  );
}
