import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_server/guard";
import { getDb } from "@/db/client";
import { getUnit } from "@/db/queries/org";
import { routeId } from "../../_shared/route-id";
import { SectionHeader } from "../../_shared/section-header";
import { updateUnit } from "../actions";
import { UnitForm } from "../unit-form";

export const metadata: Metadata = { title: "编辑单位" };

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("administer");
  const unit = getUnit(getDb(), await routeId(params));
  if (!unit) notFound();
  return (
    <>
      <SectionHeader title={`编辑单位：${unit.name}`} />
      <UnitForm action={updateUnit} unit={unit} />
      <p className="mt-3 text-sm">
        <Link href={`/admin/users?unit=${unit.id}`} className="text-brand-700 underline">
          查看本单位用户
        </Link>
      </p>
    </>
  );
}
