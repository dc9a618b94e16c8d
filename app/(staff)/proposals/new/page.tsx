import type { Metadata } from "next";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { memberNames } from "@/db/handling/import";
import { listCategories } from "@/db/queries/org";
import { listSessions } from "@/db/queries/proposals";
import { isoDateInChina, sessionTitle } from "@/lib/format";
import { requireUser } from "../../../_server/guard";
import { registerProposalAction } from "./actions";
import { RegistrationForm } from "./registration-form";

export const metadata: Metadata = { title: "登记提案" };

export default async function NewProposalPage() {
  await requireUser("coordinate");
  const db = getDb();
  const sessions = (await listSessions(db)).filter((s) => s.active).map((s) => ({ id: s.id, title: sessionTitle(s) }));
  const categories = (await listCategories(db, { activeOnly: true })).map((c) => ({ id: c.id, name: c.name }));
  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-4">
        <h1 className="text-xl font-bold text-slate-900">登记提案</h1>
        <Link href="/proposals/import" className="text-sm text-brand-700 underline hover:text-brand-800">
          批量登记并交办：导入交办清单
        </Link>
      </div>
      {sessions.length === 0 ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          没有启用中的届次会议，请先由系统管理员在“管理 › 届次会议”中创建或启用。
        </p>
      ) : (
        <RegistrationForm
          action={registerProposalAction}
          sessions={sessions}
          categories={categories}
          memberNames={await memberNames(db)}
          today={isoDateInChina(new Date())}
        />
      )}
    </>
  );
}
