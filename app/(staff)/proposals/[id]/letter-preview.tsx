/** The reply letter as the member will read it (the signed reply, or the latest draft before sign-off), with its files. */
import { ReplyFiles } from "@/components/reply-files";
import { ReplyLetter } from "@/components/reply-letter";
import type { Db } from "@/db/client";
import { currentLetterSource, letterForSource } from "@/db/queries/letter";
import { filesOfRound, replyFilesOf } from "@/db/queries/reply-files";
import { replySignatures } from "@/db/handling/signed-letters";
import { repliesOnce } from "./page-reads";

export async function LetterPreview({ db, proposalId, round }: { db: Db; proposalId: number; round: number }) {
  const source = await currentLetterSource(db, proposalId, round);
  const letter = source && (await letterForSource(db, source));
  if (!source || !letter) return null;
  const reply = source.kind === "reply" ? (await repliesOnce(db, proposalId)).find((r) => r.id === source.replyId) : undefined;
  const documents = source.kind === "reply" ? `/letters/${source.replyId}` : `/letters/drafts/${source.draftId}`;
  const files = filesOfRound(await replyFilesOf(db, proposalId), round);
  const signatures = reply ? await replySignatures(db, reply.id) : [];
  return (
    <section aria-labelledby="letter-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="letter-h" className="mb-3 font-semibold">
        {reply ? "答复函" : "答复函预览（最新草稿）"}
        {reply && <span className="ml-3 font-normal">发文字号：{reply.docNumber}</span>}
      </h2>
      <p className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a href={`${documents}/print`} target="_blank" rel="noopener" className="text-brand-700 hover:underline">
          打印版（公文格式）
        </a>
        <a href={`${documents}/letter.pdf`} className="text-brand-700 hover:underline">
          下载 PDF
        </a>
        <a href={`${documents}/letter.docx`} className="text-brand-700 hover:underline">
          下载 Word
        </a>
      </p>
      {reply && (
        <p className={`mb-3 text-sm ${signatures.length > 0 ? "text-emerald-800" : "text-amber-800"}`} data-testid="letter-signature">
          {signatures.length > 0
            ? `电子签章：PDF 已加盖${signatures[0]!.subject.replace(/^.*CN=([^,]+).*$/, "$1")}的电子签章，可在公开网站“答复函真伪核验”中核验。`
            : "电子签章：PDF 未加盖电子签章（签发时本单位没有签章证书，由系统管理员在单位设置中上传）。"}
        </p>
      )}
      <ReplyFiles sealed={files.sealed} attachments={files.attachments} className="mb-3" />
      <div className="rounded border border-slate-100 bg-[#fffdf8] px-4 py-4 sm:px-8 sm:py-6">
        <ReplyLetter letter={letter} headingLevel={3} />
      </div>
    </section>
  );
}
