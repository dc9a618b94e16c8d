import { Link } from "@/components/link";

/** The way back from a proposal's sub-page (起草答复函, 比较各稿) to the proposal. */
export function BackToProposal({ proposalId }: { proposalId: number }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={`/proposals/${proposalId}`} className="text-brand-700 hover:underline">
        ← 返回提案
      </Link>
    </p>
  );
}
