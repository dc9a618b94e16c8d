"use client";
/**
 * 起草答复函: the draft's form and, beside it, the letter as it will read, composed in the browser from
 * the form's fields with the same pure code the server letters use (lib/letter.ts), so that looking at
 * the letter never costs a version. Every 保存草稿 is a new version; the form names the version it
 * started from, so a colleague's newer save is not overwritten (the refusal says whose).
 */
import { useDeferredValue, useMemo, useRef, useState } from "react";
import { ReplyLetter } from "@/components/reply-letter";
import { Field } from "@/components/ui/field";
import type { DraftInput } from "@/db/handling/drafting";
import { DISCLOSURE_LABELS, DISCLOSURE_MODES, RESULT_CLASSES, RESULT_CLASS_LABELS, type ResultClass } from "@/lib/domain";
import { composeLetter, type DraftPart, type LetterFrame } from "@/lib/letter";
import type { DraftFields } from "@/lib/text-diff";
import { saveReplyDraft } from "../actions";
import type { ImportedWordDraft } from "../word-draft-actions";
import { ActionForm } from "./action-form";
import { Panel } from "./panel";
import { ReturnComment } from "./return-comment";
import { TextField } from "./text-field";
import { WordImportForm, WordImportReview } from "./word-import";

export type DraftStart = {
  /** The round's latest draft, which a save must still be based on; null before the round's first. */
  basedOn: { id: number; version: number } | null;
  /** The earlier round's signed reply the text was taken from, when the round has no draft yet. */
  from: { round: number; docNumber: string | null } | null;
  fields: DraftInput;
};

const asResultClass = (value: FormDataEntryValue | null): ResultClass | null => RESULT_CLASSES.find((c) => c === value) ?? null;

/** The fields besides the body as the form holds them, for the comparison with a saved version. */
function otherFields(form: HTMLFormElement, fallback: DraftFields): DraftFields {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  const optional = (name: string) => text(name) || null;
  return {
    resultClass: asResultClass(data.get("resultClass")) ?? fallback.resultClass,
    contactPerson: text("contactPerson"),
    contactPhone: text("contactPhone"),
    disclosure: DISCLOSURE_MODES.find((m) => m === data.get("disclosure")) ?? fallback.disclosure,
    disclosureSummary: optional("disclosureSummary"),
    disclosureReason: optional("disclosureReason"),
  };
}

/** A Word document read into the editor, until it is saved or discarded. */
type Imported = {
  draft: ImportedWordDraft;
  /** The draft it was read on top of: once another is the latest (it was saved), the import is over. */
  basedOn: DraftStart["basedOn"];
  /** What the editor's body held before, for 放弃. */
  previousBody: string;
  fields: DraftFields;
};

/** The fields of the form that the letter shows. */
function letterFields(form: HTMLFormElement): DraftPart {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    body: text("body"),
    resultClass: asResultClass(data.get("resultClass")),
    contactPerson: text("contactPerson"),
    contactPhone: text("contactPhone"),
  };
}

export function DraftEditor({
  proposalId,
  start,
  returnComment,
  frame,
  documents,
}: {
  proposalId: number;
  start: DraftStart;
  returnComment: { comment: string; signer: string } | null;
  /** What the letter is composed from besides the form (null: no lead unit, no preview). */
  frame: LetterFrame | null;
  /** Print, PDF and Word of the latest saved version, when there is one. */
  documents: { label: string; href: string } | null;
}) {
  const { basedOn, from, fields } = start;
  const [shown, setShown] = useState<DraftPart>(fields);
  // Typing stays fluent in a long letter: the preview follows at the next idle moment.
  const deferred = useDeferredValue(shown);
  const letter = useMemo(() => (frame ? composeLetter({ ...frame, ...deferred }) : null), [frame, deferred]);
  const onChange = (event: React.FormEvent<HTMLDivElement>) => {
    const form = (event.target as HTMLElement).closest("form");
    if (form) setShown(letterFields(form));
  };
  const fieldsRef = useRef<HTMLDivElement>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const importing = imported && imported.basedOn?.id === basedOn?.id ? imported : null;
  // The version saved from the import: the next one after the draft it was read on top of.
  const savedAs = imported && !importing && basedOn?.version === (imported.basedOn?.version ?? 0) + 1 ? basedOn.version : null;
  /** Puts `body` into the editor's body field and the preview. */
  const putBody = (body: string) => {
    const form = fieldsRef.current?.closest("form");
    const field = form?.elements.namedItem("body");
    if (!form || !(field instanceof HTMLTextAreaElement)) return null;
    const previous = field.value;
    field.value = body;
    setShown(letterFields(form));
    return { form, previous };
  };
  const onImported = (draft: ImportedWordDraft) => {
    const put = putBody(draft.body);
    if (put)
      setImported({
        draft,
        basedOn,
        previousBody: importing ? importing.previousBody : put.previous,
        fields: otherFields(put.form, fields),
      });
  };
  const discard = () => {
    if (importing) putBody(importing.previousBody);
    setImported(null);
  };
  const beforeLabel = basedOn ? `第 ${basedOn.version} 稿` : from ? `第${from.round}轮答复函` : "空白稿";
  return (
    <>
      <Panel title={basedOn ? `答复函草稿（当前第 ${basedOn.version} 稿）` : "起草答复函"} tone="action">
        {returnComment && <ReturnComment {...returnComment} />}
        {from && (
          <p className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            以下内容取自第{from.round}轮答复函{from.docNumber && `（${from.docNumber}）`}，请针对提案人在回执中的意见修改后保存。
          </p>
        )}
        <WordImportForm proposalId={proposalId} onImported={onImported} />
        {imported && savedAs && (
          <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
            “{imported.draft.fileName}”的正文已保存为第 {savedAs} 稿。
          </p>
        )}
        <ActionForm action={saveReplyDraft} hidden={{ proposalId, basedOn: basedOn?.id ?? 0 }} buttons={[{ label: "保存草稿" }]}>
          {(errors) => (
            <div ref={fieldsRef} className="space-y-3" onChange={onChange}>
              {importing && (
                <WordImportReview
                  key={importing.draft.body}
                  imported={importing.draft}
                  before={{ ...fields, label: beforeLabel }}
                  after={{ ...importing.fields, body: importing.draft.body, label: "Word 文档" }}
                  onDiscard={discard}
                />
              )}
              <TextField
                label="答复正文"
                name="body"
                rows={18}
                defaultValue={fields.body}
                error={errors?.body}
                hint="每段一行，段间空一行；一级标题写作“一、…”，二级标题写作“（一）…”。称呼、开头、结尾、落款和日期由系统生成。"
                required
              />
              <div className="grid gap-3 sm:grid-cols-3">
                <Field label="办理结果类别" name="resultClass" error={errors?.resultClass} required>
                  {(p) => (
                    <select {...p} defaultValue={fields.resultClass} className="input">
                      {RESULT_CLASSES.map((c) => (
                        <option key={c} value={c}>
                          {RESULT_CLASS_LABELS[c]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="联系人" name="contactPerson" error={errors?.contactPerson} required>
                  {(p) => <input {...p} defaultValue={fields.contactPerson} className="input" />}
                </Field>
                <Field label="联系电话" name="contactPhone" error={errors?.contactPhone} required>
                  {(p) => <input {...p} defaultValue={fields.contactPhone} className="input" />}
                </Field>
              </div>
              <fieldset>
                <legend className="mb-1 text-sm font-medium text-slate-700">公开方式（与答复函同步审签）</legend>
                <div className="flex flex-wrap gap-4 text-sm">
                  {DISCLOSURE_MODES.map((m) => (
                    <label key={m} className="flex items-center gap-1">
                      <input type="radio" name="disclosure" value={m} defaultChecked={fields.disclosure === m} />
                      {DISCLOSURE_LABELS[m]}
                    </label>
                  ))}
                </div>
                {errors?.disclosure && <p className="text-xs text-red-700">{errors.disclosure}</p>}
              </fieldset>
              <TextField
                label="公开摘要（摘要公开时填写）"
                name="disclosureSummary"
                rows={3}
                defaultValue={fields.disclosureSummary ?? ""}
                error={errors?.disclosureSummary}
              />
              <TextField
                label="不予公开理由（不予公开时填写）"
                name="disclosureReason"
                rows={2}
                defaultValue={fields.disclosureReason ?? ""}
                error={errors?.disclosureReason}
              />
            </div>
          )}
        </ActionForm>
      </Panel>
      {letter && (
        <section aria-labelledby="letter-h" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="letter-h" className="font-semibold">
            答复函预览
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            随编辑即时更新，不保存；保存草稿后才成为新的一稿。
            {documents && (
              <>
                {" "}
                {documents.label}：
                <a href={`${documents.href}/print`} target="_blank" rel="noopener" className="text-brand-700 underline">
                  打印版
                </a>
                {" · "}
                <a href={`${documents.href}/letter.pdf`} className="text-brand-700 underline">
                  PDF
                </a>
                {" · "}
                <a href={`${documents.href}/letter.docx`} className="text-brand-700 underline">
                  Word
                </a>
              </>
            )}
          </p>
          <div className="rounded border border-slate-100 bg-[#fffdf8] px-4 py-4 sm:px-8 sm:py-6">
            <ReplyLetter letter={letter} headingLevel={3} />
          </div>
        </section>
      )}
    </>
  );
}
