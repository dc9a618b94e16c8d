import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { listCategories } from "@/db/queries/org";
import { ActiveBadge } from "../_shared/active-badge";
import { CreatedNotice } from "../_shared/created-notice";
import { createdParam } from "../_shared/created-param";
import { SectionHeader } from "../_shared/section-header";
import { createCategory } from "./actions";
import { CategoryForm } from "./category-form";

export const metadata: Metadata = { title: "主题分类" };

export default async function CategoriesPage({ searchParams }: { searchParams: Promise<{ created?: string | string[] }> }) {
  await requireUser("administer");
  const categories = await listCategories(getDb());
  const createdId = await createdParam(searchParams);
  const created = categories.find((c) => c.id === createdId);
  return (
    <>
      <SectionHeader title="主题分类" />
      {created && <CreatedNotice>已新增主题分类“{created.name}”。</CreatedNotice>}
      {/* Keyed by the last created id, so the form starts empty again after each addition. */}
      <CategoryForm key={createdId ?? "new"} action={createCategory} />
      <table className="data-table mt-4 max-w-2xl">
        <caption className="sr-only">主题分类列表，共 {categories.length} 个</caption>
        <thead>
          <tr>
            <th scope="col">排序号</th>
            <th scope="col">分类名称</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.id}>
              <td data-label="排序号" className="tabular-nums">
                {c.sortOrder}
              </td>
              <td>
                <Link href={`/admin/categories/${c.id}`} className="text-brand-700 underline">
                  {c.name}
                </Link>
              </td>
              <td data-label="状态">
                <ActiveBadge active={c.active} />
              </td>
            </tr>
          ))}
          {categories.length === 0 && (
            <tr>
              <td colSpan={3} className="py-6 text-center text-slate-500">
                还没有主题分类。
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}
