import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { SectionHeader } from "../../_shared/section-header";
import { createUnit } from "../actions";
import { UnitForm } from "../unit-form";

export const metadata: Metadata = { title: "新建单位" };

export default async function NewUnitPage() {
  await requireUser("administer");
  return (
    <>
      <SectionHeader title="新建单位" />
      <UnitForm action={createUnit} />
    </>
  );
}
