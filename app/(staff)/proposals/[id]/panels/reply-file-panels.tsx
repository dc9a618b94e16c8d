"use client";
import { ReplyFiles, type ReplyFileLink } from "@/components/reply-files";
import { UploadField, useUploadForm } from "@/components/upload-field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, SEALED_SCAN_ACCEPT, SEALED_SCAN_HINT } from "@/lib/import/attachments";
import { attachReplyFilesAction, removeReplyFileAction, uploadSealedScanAction } from "../reply-file-actions";
import { Panel } from "./panel";
import { TextField } from "./text-field";

function RemoveReplyFile({ proposalId, file }: { proposalId: number; file: ReplyFileLink }) {
  const { state, dispatch, onSubmit } = useFormAction(removeReplyFileAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="fileId" value={file.id} />
      <button type="submit" className="text-xs text-red-700 underline hover:text-red-800" aria-label={`删除 ${file.fileName}`}>
        删除
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}

/** 答复附件 while drafting: the files so far, each removable, and more to add (办理方案, data, photos) up to `room`. */
export function ReplyAttachmentsPanel({ proposalId, files, room }: { proposalId: number; files: ReplyFileLink[]; room: number }) {
  const { state, dispatch, uploads, generation, errors } = useUploadForm(attachReplyFilesAction);
  return (
    <Panel title="答复附件">
      <p className="mb-3 text-sm text-slate-700">办理方案、数据、现场照片等，随答复函送达提案人；签发后不能再修改。</p>
      {files.length > 0 ? (
        <ReplyFiles attachments={files} extra={(f) => <RemoveReplyFile proposalId={proposalId} file={f} />} className="mb-3" />
      ) : (
        <p className="mb-3 text-sm text-slate-600">尚未添加答复附件。</p>
      )}
      <form action={dispatch} onSubmit={uploads.onSubmit} noValidate className="space-y-3">
        <input type="hidden" name="proposalId" value={proposalId} />
        {room > 0 ? (
          <>
            <UploadField
              key={generation}
              label="选择要添加的文件"
              name="uploads"
              purpose="attachment"
              accept={ATTACHMENT_ACCEPT}
              hint={`可上传 PDF、Word（doc/docx）、JPG、PNG 文件，每个不超过 10 MB，还可添加 ${room} 个`}
              maxBytes={MAX_ATTACHMENT_BYTES}
              maxFiles={room}
              error={uploads.notice ?? errors?.uploads}
              onBusyChange={uploads.onBusyChange}
            />
            <SubmitButton variant="secondary">添加附件</SubmitButton>
          </>
        ) : (
          <p className="text-sm text-slate-600">答复附件已达上限；如需更换，请先删除。</p>
        )}
        <FormStatus state={state} />
      </form>
    </Panel>
  );
}

/**
 * 上传盖章件 after sign-off, for the lead unit: the scan of the sealed letter as a PDF. One already
 * there is shown, and replacing it asks why (the replacement is logged).
 */
export function SealedScanPanel({
  proposalId,
  round,
  docNumber,
  current,
}: {
  proposalId: number;
  round: number;
  docNumber: string;
  current: ReplyFileLink | null;
}) {
  const { state, dispatch, uploads, generation, errors } = useUploadForm(uploadSealedScanAction);
  return (
    <Panel title="盖章件（扫描件）" tone={current ? "plain" : "action"}>
      {current ? (
        <ReplyFiles sealed={current} attachments={[]} className="mb-3" />
      ) : (
        <p className="mb-3 text-sm">
          答复函（{docNumber}）已签发。请将盖章后的答复函扫描为 PDF
          上传：提案人在答复函处可查看下载；答复全文公开时，公开页面的“原文下载”提供此扫描件。
        </p>
      )}
      {/* The same form before and after the first upload, so that its outcome stays on screen. */}
      <form action={dispatch} onSubmit={uploads.onSubmit} noValidate className="space-y-3">
        <input type="hidden" name="proposalId" value={proposalId} />
        <input type="hidden" name="round" value={round} />
        <UploadField
          key={generation}
          label={current ? "新的盖章件扫描件（替换现有扫描件）" : "盖章件扫描件"}
          name="upload"
          purpose="sealed"
          accept={SEALED_SCAN_ACCEPT}
          hint={SEALED_SCAN_HINT}
          maxBytes={MAX_ATTACHMENT_BYTES}
          maxFiles={1}
          required={!current}
          error={uploads.notice ?? errors?.upload}
          onBusyChange={uploads.onBusyChange}
        />
        {current && <TextField label="替换原因" name="reason" error={errors?.reason} hint="替换时必填，将记入办理记录" />}
        <SubmitButton variant={current ? "secondary" : "primary"}>{current ? "替换盖章件" : "上传盖章件"}</SubmitButton>
        <FormStatus state={state} />
      </form>
    </Panel>
  );
}
