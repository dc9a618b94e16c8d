/**
 * The receipt form reached from the QR code or short link on a printed reply letter: no sign-in. A
 * valid link shows what the receipt is about and the form (fill in, review, submit once), for its own
 * reply round whatever round the proposal is in now; a link that was altered, has expired or was used
 * gets a page saying so, and nothing changes.
 */
import type { Metadata } from "next";
import { Link } from "@/components/link";
import { ProvisionalMark } from "@/components/provisional-mark";
import { ReceiptForm } from "@/components/receipt-form";
import { getDb } from "@/db/client";
import { checkReceiptLink } from "@/db/handling/receipt-tokens";
import { holidayCalendarOf } from "@/db/queries/holiday-calendar";
import { replyRoundName } from "@/lib/publication";
import { RECEIPT_TOKEN_REFUSALS } from "@/lib/receipt-token";
import { submitReceiptByToken } from "./actions";

export const metadata: Metadata = {
  title: "答复函回执",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ReceiptLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const db = getDb();
  const link = await checkReceiptLink(db, token);
  return (
    <main className="mx-auto max-w-2xl space-y-5 px-4 py-8">
      <p className="text-sm text-slate-600">提案办理 · 答复函回执</p>
      {link.ok ? (
        <>
          <header className="rounded border border-slate-200 bg-white p-4">
            <h1 className="text-xl font-bold">{link.context.proposalTitle}</h1>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-500">提案</dt>
              <dd>{link.context.proposalLabel}</dd>
              <dt className="text-slate-500">答复函发文字号</dt>
              <dd>
                {link.context.docNumber}（{replyRoundName(link.context.round)}）
              </dd>
              <dt className="text-slate-500">填表人</dt>
              <dd>{link.context.member.addressedAs}</dd>
              <dt className="text-slate-500">回执期限</dt>
              <dd>
                {link.context.receiptDue}
                <ProvisionalMark calendar={await holidayCalendarOf(db)} date={link.context.receiptDue} />
              </dd>
            </dl>
          </header>
          <section className="rounded border border-slate-200 bg-white p-4">
            <ReceiptForm action={submitReceiptByToken} hidden={{ token }} respondent={link.context.member.addressedAs} />
          </section>
        </>
      ) : (
        <section role="alert" className="rounded border border-amber-300 bg-amber-50 p-5">
          <h1 className="text-xl font-bold text-amber-950">{RECEIPT_TOKEN_REFUSALS[link.refusal].title}</h1>
          <p className="mt-2 text-amber-950">{RECEIPT_TOKEN_REFUSALS[link.refusal].detail}</p>
          <p className="mt-4">
            <Link href="/login" className="text-brand-700 underline">
              登录系统
            </Link>
          </p>
        </section>
      )}
    </main>
  );
}
