"use client";
import { startTransition, useActionState } from "react";
import { Link } from "@/components/link";
import { SessionSelect } from "@/components/session-select";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { UploadField, useUploadGate } from "@/components/upload-field";
import type { ActionResult } from "@/lib/action-result";
import { MAX_IMPORT_BYTES } from "@/lib/import/columns";
import type { ImportView } from "./import-view";

type Props = {
  action: (previous: ActionResult<ImportView> | null, formData: FormData) => Promise<ActionResult<ImportView>>;
  sessions: { id: number; title: string }[];
};

/** The upload form and, below it, what became of the last upload. */
export function ImportForm({ action, sessions }: Props) {
  const [state, dispatch, pending] = useActionState(action, null);
  // Submitted from onSubmit so that the chosen session and file survive a refusal (React resets a form after its action),
  // and only once the file has gone up.
  const upload = useUploadGate(onSubmit);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const view = state?.ok ? state.data : undefined;
  return (
    <>
      <form action={dispatch} onSubmit={upload.onSubmit} noValidate className="space-y-4 rounded border border-slate-200 bg-white p-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <SessionSelect sessions={sessions} error={errors?.sessionId} />
          <UploadField
            label="交办清单文件"
            name="file"
            purpose="workbook"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hint=".xlsx 格式，不超过 5 MB"
            maxBytes={MAX_IMPORT_BYTES}
            maxFiles={1}
            required
            error={upload.notice ?? errors?.file}
            onBusyChange={upload.onBusyChange}
          />
        </div>
        <FormStatus state={state && !state.ok ? state : null} />
        <div className="flex items-center gap-3">
          <SubmitButton>导入并交办</SubmitButton>
          {pending && <p className="text-sm text-slate-600">正在读取并检查文件，请稍候…</p>}
        </div>
      </form>
      {view?.status === "imported" && <Imported view={view} />}
      {view?.status === "rejected" && <Rejected view={view} />}
    </>
  );
}

function Imported({ view }: { view: Extract<ImportView, { status: "imported" }> }) {
  return (
    <section aria-labelledby="imported-h" className="space-y-3">
      <div role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
        <h2 id="imported-h" className="font-semibold">
          已导入 {view.proposals.length} 件并完成交办
        </h2>
        <p>
          {view.session}，文件“{view.fileName}”。
          {view.newMembers.length > 0 && `新建委员/代表账户 ${view.newMembers.length} 个（无登录密码）：${view.newMembers.join("、")}。`}
        </p>
      </div>
      <table className="data-table">
        <caption className="sr-only">导入的提案</caption>
        <thead>
          <tr>
            <th scope="col" className="w-24">
              编号
            </th>
            <th scope="col">标题</th>
          </tr>
        </thead>
        <tbody>
          {view.proposals.map((p) => (
            <tr key={p.id}>
              <td>第{p.number}号</td>
              <td data-label="标题">
                <Link href={`/proposals/${p.id}`} className="text-brand-700 hover:underline">
                  {p.title}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Rejected({ view }: { view: Extract<ImportView, { status: "rejected" }> }) {
  return (
    <section aria-labelledby="rejected-h" className="space-y-3">
      <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
        <h2 id="rejected-h" className="font-semibold">
          文件“{view.fileName}”中有 {view.total} 处错误，未导入任何提案
        </h2>
        <p>请在 Excel 中按下表修改后重新上传。{view.total > view.errors.length && `下表列出前 ${view.errors.length} 处。`}</p>
      </div>
      <table className="data-table">
        <caption className="sr-only">出错的行</caption>
        <thead>
          <tr>
            <th scope="col" className="w-20">
              行
            </th>
            <th scope="col" className="w-28">
              列
            </th>
            <th scope="col">问题</th>
          </tr>
        </thead>
        <tbody>
          {view.errors.map((e, i) => (
            <tr key={i}>
              <td>{e.row === null ? "—" : `第 ${e.row} 行`}</td>
              <td data-label="列">{e.column ?? "—"}</td>
              <td data-label="问题">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
