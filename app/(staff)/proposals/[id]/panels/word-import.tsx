"use client";
/**
 * 从 Word 导入 on 起草答复函: the handler uploads a .docx, the server reads its text into a body
 * (lib/word-draft.ts) and saves nothing; the editor takes the body in place of its own and shows it
 * against the current version (WordImportReview) until the handler saves it as a new version (保存草稿
 * with the document's name, for the log) or discards it.
 */
import { useEffect, useRef, useState, useTransition } from "react";
import { DraftDiff } from "@/components/draft-diff";
import { UploadField, useUploadGate } from "@/components/upload-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { MAX_ATTACHMENT_BYTES } from "@/lib/import/attachments";
import { WORD_DRAFT_ACCEPT, WORD_DRAFT_HINT } from "@/lib/import/word-file";
import type { DraftFields } from "@/lib/text-diff";
import { importWordDraftAction, type ImportedWordDraft } from "../word-draft-actions";

/** The upload and 读取并比较; `onImported` gets the body read from the document. */
export function WordImportForm({ proposalId, onImported }: { proposalId: number; onImported: (draft: ImportedWordDraft) => void }) {
  const [state, setState] = useState<ActionResult<ImportedWordDraft> | null>(null);
  const [pending, startTransition] = useTransition();
  // A new field after each document read: its upload is used up.
  const [generation, setGeneration] = useState(0);
  const upload = useUploadGate((event) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await importWordDraftAction(null, formData);
      setState(result);
      if (result.ok && result.data) {
        setGeneration((g) => g + 1);
        onImported(result.data);
      }
    });
  });
  return (
    <form onSubmit={upload.onSubmit} noValidate className="mb-4 space-y-2 rounded border border-slate-200 bg-white p-3">
      <input type="hidden" name="proposalId" value={proposalId} />
      <UploadField
        key={generation}
        label="从 Word 导入"
        name="file"
        purpose="wordDraft"
        accept={WORD_DRAFT_ACCEPT}
        hint={`${WORD_DRAFT_HINT}。读取后先与当前稿比较，确认后才保存为新一稿。`}
        maxBytes={MAX_ATTACHMENT_BYTES}
        maxFiles={1}
        error={upload.notice ?? undefined}
        onBusyChange={upload.onBusyChange}
      />
      <button type="submit" className="btn btn-secondary" disabled={pending} aria-disabled={pending}>
        {pending ? "正在读取…" : "读取并比较"}
      </button>
      {/* An alert, not a status region: the editor's own form status stays the panel's only one. */}
      {state && !state.ok && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
    </form>
  );
}

type Version = DraftFields & { label: string; body: string };

/**
 * The imported body against the current version, what the user must check, and the choice: 保存为新版本
 * (a submit button of the editor's form, which holds the imported body now) or 放弃. Rendered inside
 * that form.
 */
export function WordImportReview({
  imported,
  before,
  after,
  onDiscard,
}: {
  imported: ImportedWordDraft;
  before: Version;
  after: Version;
  onDiscard: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Whoever chose the file lands on what came of it.
  useEffect(() => heading.current?.focus(), []);
  const { fileName, warnings, omitted } = imported;
  return (
    <section aria-labelledby="word-import-h" className="space-y-3 rounded border border-amber-400 bg-white p-3">
      <h3 id="word-import-h" ref={heading} tabIndex={-1} className="font-semibold text-slate-900">
        从 Word 导入：{fileName}（尚未保存）
      </h3>
      <p className="text-sm text-slate-700">
        编辑框和预览中已换成文档的正文。请核对下面与{before.label}的比较，确认后点“保存为新版本”；点“放弃”恢复原来的正文。
      </p>
      {omitted.length > 0 && <p className="text-sm text-slate-700">文档中的{omitted.join("、")}由系统生成，未导入正文。</p>}
      {warnings.length > 0 && (
        <ul aria-label="导入提示" className="space-y-1 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {warnings.map((w) => (
            <li key={w}>
              <span aria-hidden="true">⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      )}
      <div className="rounded border border-slate-200 p-3">
        <DraftDiff before={before} after={after} />
      </div>
      <div className="flex flex-wrap gap-2">
        {/* Whichever button saves it, the version's log says where its body came from. */}
        <input type="hidden" name="importedFrom" value={fileName} />
        <SubmitButton>保存为新版本</SubmitButton>
        <button type="button" className="btn btn-secondary" onClick={onDiscard}>
          放弃
        </button>
      </div>
    </section>
  );
}
