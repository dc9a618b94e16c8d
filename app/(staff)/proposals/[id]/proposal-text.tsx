import { fileSize } from "@/lib/format";

/** 提案内容: the proposal's text and its attachments. */
export function ProposalText({
  proposalId,
  body,
  files,
}: {
  proposalId: number;
  body: string;
  files: { id: number; fileName: string; size: number }[];
}) {
  return (
    <section aria-labelledby="body-h" className="rounded border border-slate-200 bg-white p-4">
      <h2 id="body-h" className="mb-2 font-semibold">
        提案内容
      </h2>
      <div className="space-y-2 whitespace-pre-line font-serif leading-7 text-slate-800">{body}</div>
      {files.length > 0 && (
        <ul className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-sm" aria-label="附件">
          {files.map((f) => (
            <li key={f.id}>
              附件：
              <a href={`/proposals/${proposalId}/attachments/${f.id}`} className="text-brand-700 hover:underline">
                {f.fileName}
              </a>
              <span className="ml-2 text-slate-500">{fileSize(f.size)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
