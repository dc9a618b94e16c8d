"use client";
import { useEffect, useId, useRef, useState } from "react";
import { fileSize } from "@/lib/format";
import { useFormAction, type FormActionFn } from "./ui/use-form-action";
import type { UploadPurpose } from "@/lib/uploads";

/**
 * A file field whose files go to the upload route (app/api/uploads/route.ts) the moment they are chosen,
 * streamed to the server's disk, each with its own status; the form then carries only their references,
 * as hidden inputs named `name`. Without JavaScript nothing is uploaded: the note says so.
 */
type Props = {
  label: string;
  /** The name of the hidden inputs that carry the references. */
  name: string;
  purpose: UploadPurpose;
  accept: string;
  hint: string;
  maxBytes: number;
  /** How many files the field holds (1: choosing another replaces it). */
  maxFiles: number;
  required?: boolean;
  error?: string;
  /** Told whenever uploads start or all have ended, so the form can wait for them. */
  onBusyChange: (busy: boolean) => void;
};

type Item = { key: number; name: string; size: number } & (
  | { status: "uploading"; percent: number; request: XMLHttpRequest }
  | { status: "done"; id: string }
  | { status: "failed"; message: string }
);

/** The refusal the server wrote, or a sentence for a failure that has none (a proxy's page, a dropped connection). */
function failure(request: XMLHttpRequest): string {
  const text = request.responseText.trim();
  if (text && text.length < 200 && /[\u4e00-\u9fff]/.test(text) && !text.startsWith("<")) return text;
  if (request.status === 0) return "网络连接中断，请重试";
  if (request.status === 413) return "文件过大";
  return `上传未成功（${request.status}），请重试`;
}

export function UploadField({ label, name, purpose, accept, hint, maxBytes, maxFiles, required, error, onBusyChange }: Props) {
  const id = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const nextKey = useRef(0);
  const uploading = useRef(0);

  const update = (key: number, change: (item: Item) => Item) => setItems((list) => list.map((i) => (i.key === key ? change(i) : i)));
  const settle = () => {
    uploading.current -= 1;
    if (uploading.current === 0) onBusyChange(false);
  };

  function upload(file: File) {
    const key = nextKey.current++;
    const base = { key, name: file.name, size: file.size };
    if (file.size > maxBytes)
      return { ...base, status: "failed", message: `文件超过 ${Math.floor(maxBytes / (1024 * 1024))} MB` } satisfies Item;
    const request = new XMLHttpRequest();
    request.open("POST", `/api/uploads?purpose=${purpose}`);
    request.upload.onprogress = (e) => {
      if (e.lengthComputable)
        update(key, (i) => (i.status === "uploading" ? { ...i, percent: Math.floor((e.loaded / e.total) * 100) } : i));
    };
    request.onload = () => {
      if (request.status === 200) {
        const answer = JSON.parse(request.responseText) as { id: string; name: string };
        update(key, (i) => ({ key, name: answer.name, size: i.size, status: "done", id: answer.id }));
      } else {
        update(key, (i) => ({ key, name: i.name, size: i.size, status: "failed", message: failure(request) }));
      }
      settle();
    };
    request.onerror = () => {
      update(key, (i) => ({ key, name: i.name, size: i.size, status: "failed", message: failure(request) }));
      settle();
    };
    request.onabort = settle;
    const body = new FormData();
    body.append("file", file);
    request.send(body);
    if (uploading.current++ === 0) onBusyChange(true);
    return { ...base, status: "uploading", percent: 0, request } satisfies Item;
  }

  function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    // Cleared so that the same file can be chosen again after it was removed.
    event.target.value = "";
    const kept = maxFiles === 1 ? [] : items;
    if (maxFiles === 1) for (const item of items) if (item.status === "uploading") item.request.abort();
    const room = maxFiles - kept.length;
    setNotice(chosen.length > room ? `最多 ${maxFiles} 个文件，${room === 0 ? "未添加" : `只添加了前 ${room} 个`}` : null);
    setItems([...kept, ...chosen.slice(0, Math.max(0, room)).map(upload)]);
  }

  function remove(item: Item) {
    if (item.status === "uploading") item.request.abort();
    setItems((list) => list.filter((i) => i.key !== item.key));
    setNotice(null);
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const message = error ?? notice;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        )}
      </label>
      <input
        id={id}
        type="file"
        multiple={maxFiles > 1}
        accept={accept}
        onChange={choose}
        aria-invalid={Boolean(error)}
        aria-describedby={[hintId, message ? errorId : null].filter(Boolean).join(" ")}
        className="block text-sm"
      />
      <p id={hintId} className="text-xs text-slate-600">
        {hint}
      </p>
      <noscript>
        <p className="text-xs text-red-700">上传文件需要启用浏览器的 JavaScript。</p>
      </noscript>
      {message && (
        <p id={errorId} className="text-xs text-red-700">
          {message}
        </p>
      )}
      <ul aria-label="已选择的文件" aria-live="polite" className="space-y-1">
        {items.map((item) => (
          <li
            key={item.key}
            data-upload-failed={item.status === "failed" || undefined}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-200 bg-slate-50 px-2 py-1 text-sm"
          >
            <span className="min-w-0 break-all text-slate-800">{item.name}</span>
            <span className="text-xs text-slate-600">{fileSize(item.size)}</span>
            {item.status === "uploading" && (
              <span className="text-xs text-slate-700">
                正在上传 {item.percent}%
                <progress className="sr-only" max={100} value={item.percent} aria-label={`${item.name} 上传进度`} />
              </span>
            )}
            {item.status === "done" && (
              <span className="text-xs font-medium text-green-800">
                已上传
                <input type="hidden" name={name} value={item.id} />
              </span>
            )}
            {item.status === "failed" && <span className="text-xs font-medium text-red-700">上传失败：{item.message}</span>}
            <button
              type="button"
              onClick={() => remove(item)}
              className="ml-auto text-xs text-brand-700 underline hover:text-brand-800"
              aria-label={`${item.status === "uploading" ? "取消" : "移除"} ${item.name}`}
            >
              {item.status === "uploading" ? "取消" : "移除"}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * For a form with upload fields: sent while files are still going up, it waits and is sent when they
 * have all arrived; it is not sent while a file failed (the coordinator removes it or chooses it again).
 * `notice` is what to show by the field meanwhile.
 */
export function useUploadGate(onSubmit: (event: React.FormEvent<HTMLFormElement>) => void) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const waiting = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (busy || !waiting.current) return;
    const form = waiting.current;
    waiting.current = null;
    form.requestSubmit();
  }, [busy]);
  function gate(event: React.FormEvent<HTMLFormElement>) {
    if (busy) {
      event.preventDefault();
      waiting.current = event.currentTarget;
      setNotice("文件还在上传，上传完成后将自动提交");
      return;
    }
    if (event.currentTarget.querySelector("[data-upload-failed]")) {
      event.preventDefault();
      setNotice("有文件上传失败，请移除或重新选择后再提交");
      return;
    }
    setNotice(null);
    onSubmit(event);
  }
  return { onSubmit: gate, onBusyChange: setBusy, notice };
}

/**
 * A form whose files go up first: sent once they have all arrived, and emptied after it succeeded, so
 * that the references it used are not offered again (give the field `key={generation}`).
 */
export function useUploadForm(action: FormActionFn) {
  const { state, dispatch, onSubmit } = useFormAction(action);
  const uploads = useUploadGate(onSubmit);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (state?.ok) setGeneration((g) => g + 1);
  }, [state]);
  return { state, dispatch, uploads, generation, errors: state && !state.ok ? state.fieldErrors : undefined };
}
