/** The files that go with a reply letter: the scan of the sealed letter (盖章件) and the reply's attachments, as downloads. */
import { dateTimeInChina, fileSize } from "@/lib/format";

export type ReplyFileLink = { id: number; fileName: string; size: number; createdAt: Date };

export const replyFileHref = (id: number) => `/letters/files/${id}`;

/**
 * `sealed` is shown only once the letter is signed (there is none before); `extra` adds a control after
 * an attachment (删除, on the drafting page).
 */
export function ReplyFiles({
  sealed,
  attachments,
  extra,
  className = "",
}: {
  sealed?: ReplyFileLink | null;
  attachments: readonly ReplyFileLink[];
  extra?: (file: ReplyFileLink) => React.ReactNode;
  className?: string;
}) {
  if (!sealed && attachments.length === 0) return null;
  return (
    <div className={`space-y-2 text-sm ${className}`}>
      {sealed && (
        <p className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-medium text-slate-700">盖章件（扫描件）：</span>
          <a href={replyFileHref(sealed.id)} className="break-all text-brand-700 hover:underline">
            {sealed.fileName}
          </a>
          <span className="text-xs text-slate-600">
            {fileSize(sealed.size)} · 上传于 {dateTimeInChina(sealed.createdAt)}
          </span>
        </p>
      )}
      {attachments.length > 0 && (
        <div>
          <p className="font-medium text-slate-700">答复附件：</p>
          <ul className="mt-1 space-y-1" aria-label="答复附件">
            {attachments.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <a href={replyFileHref(f.id)} className="break-all text-brand-700 hover:underline">
                  {f.fileName}
                </a>
                <span className="text-xs text-slate-600">{fileSize(f.size)}</span>
                {extra?.(f)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
