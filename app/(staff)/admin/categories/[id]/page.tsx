import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_server/guard";
import { getDb } from "@/db/client";
import { getCategory } from "@/db/queries/admin";
import { routeId } from "../../_shared/route-id";
import { SectionHeader } from "../../_shared/section-header";
import { updateCategory } from "../actions";
import { CategoryForm } from "../category-form";

export const metadata: Metadata = { title: "编辑主题分类" };

export default async function EditCategoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("administer");
  const category = await getCategory(getDb(), await routeId(params));
  if (!category) notFound();
  return (
    <>
      <SectionHeader title={`编辑主题分类：${category.name}`} />
      <div className="max-w-xl">
        <CategoryForm action={updateCategory} category={category} />
      </div>
    </>
  );
}
