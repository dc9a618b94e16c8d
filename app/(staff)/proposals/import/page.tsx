import type { Metadata } from "next";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { listSessions } from "@/db/queries/proposals";
import { sessionTitle } from "@/lib/format";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/lib/import/columns";
import { requireUser } from "../../../_server/guard";
import { importListAction } from "./actions";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "导入交办清单" };

export default async function ImportPage() {
  await requireUser("coordinate");
  const sessions = (await listSessions(getDb())).filter((s) => s.active).map((s) => ({ id: s.id, title: sessionTitle(s) }));
  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-4">
        <h1 className="text-xl font-bold text-slate-900">导入交办清单</h1>
        <Link href="/proposals/new" className="text-sm text-brand-700 underline hover:text-brand-800">
          逐件登记：登记提案
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            每行一件提案。导入时逐件登记，并按“主办单位”“协办单位”交办，各单位立即收到签收通知。任何一行有误时整份文件都不导入，页面会列出出错的行和列。每次最多{" "}
            {MAX_IMPORT_ROWS} 行，文件不超过 5 MB。
          </p>
          {sessions.length === 0 ? (
            <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              没有启用中的届次会议，请先由系统管理员在“管理 › 届次会议”中创建或启用。
            </p>
          ) : (
            <ImportForm action={importListAction} sessions={sessions} />
          )}
        </div>
        <aside aria-labelledby="columns-h" className="rounded border border-slate-200 bg-white p-4">
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 id="columns-h" className="font-semibold">
              清单的列
            </h2>
            <a href="/proposals/import/template" download className="btn btn-secondary">
              下载模板
            </a>
          </div>
          <dl className="space-y-2 text-sm">
            {IMPORT_COLUMNS.map((c) => (
              <div key={c.key}>
                <dt className="font-medium text-slate-800">
                  {c.header}
                  <span className={`ml-2 text-xs ${c.required ? "text-red-700" : "text-slate-500"}`}>{c.required ? "必填" : "选填"}</span>
                </dt>
                <dd className="text-slate-600">{c.hint}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
    </>
  );
}
