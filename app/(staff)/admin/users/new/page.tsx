import type { Metadata } from "next";
import { requireUser } from "@/app/_server/guard";
import { getDb } from "@/db/client";
import { listUnits } from "@/db/queries/org";
import { SectionHeader } from "../../_shared/section-header";
import { createUser } from "../actions";
import { unitOptions } from "../unit-options";
import { UserForm } from "../user-form";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage() {
  await requireUser("administer");
  return (
    <>
      <SectionHeader title="新建用户" />
      <div className="max-w-3xl">
        <UserForm action={createUser} units={unitOptions(await listUnits(getDb()))} />
      </div>
    </>
  );
}
