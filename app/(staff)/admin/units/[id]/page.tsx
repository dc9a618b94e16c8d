import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_server/guard";
import { Link } from "@/components/link";
import { getDb } from "@/db/client";
import { currentCertificate } from "@/db/handling/unit-certificates";
import { getUnit } from "@/db/queries/org";
import { unitDivision } from "@/db/queries/sections";
import { chineseDate, isoDateInChina } from "@/lib/format";
import { routeId } from "../../_shared/route-id";
import { SectionHeader } from "../../_shared/section-header";
import { updateUnit } from "../actions";
import { CertificateForm } from "../certificate-form";
import { DivisionSettings } from "../division-settings";
import { UnitForm } from "../unit-form";

export const metadata: Metadata = { title: "编辑单位" };

export default async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("administer");
  const db = getDb();
  const unit = await getUnit(db, await routeId(params));
  if (!unit) notFound();
  const division = await unitDivision(db, unit.id);
  const certificate = await currentCertificate(db, unit.id);
  return (
    <>
      <SectionHeader title={`编辑单位：${unit.name}`} />
      <UnitForm action={updateUnit} unit={unit} />
      <p className="mt-3 text-sm">
        <Link href={`/admin/users?unit=${unit.id}`} className="text-brand-700 underline">
          查看本单位用户
        </Link>
      </p>
      <section aria-labelledby="certificate-heading" className="mt-6 max-w-2xl rounded border border-slate-200 bg-white p-5">
        <h2 id="certificate-heading" className="mb-2 text-base font-semibold text-slate-800">
          电子签章证书
        </h2>
        <CertificateForm
          unitId={unit.id}
          current={
            certificate && {
              subject: certificate.subject,
              notAfter: chineseDate(isoDateInChina(certificate.notAfter)),
              uploadedOn: chineseDate(isoDateInChina(certificate.createdAt)),
            }
          }
        />
      </section>
      <section aria-labelledby="division-heading" className="mt-6 max-w-2xl rounded border border-slate-200 bg-white p-5">
        <h2 id="division-heading" className="mb-2 text-base font-semibold text-slate-800">
          科室与分办
        </h2>
        <DivisionSettings unitId={unit.id} sections={division.sections} leaders={division.leaders} leaderReview={unit.leaderReview} />
      </section>
    </>
  );
}
