"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/app/_server/action";
import { addUnitCertificate } from "@/db/handling/unit-certificates";
import type { ActionResult } from "@/lib/action-result";
import { getDb } from "@/db/client";
import * as queries from "@/db/queries/admin";
import * as division from "@/db/queries/admin-division";
import {
  createSectionInput,
  createUnitInput,
  leaderReviewInput,
  MAX_CERTIFICATE_BYTES,
  unitCertificateInput,
  updateSectionInput,
  updateUnitInput,
} from "@/lib/validation/admin";
import { afterCreate, afterUpdate } from "../_shared/outcome";

export const createUnit = formAction("administer", createUnitInput, async (input, user) =>
  afterCreate(await queries.createUnit(getDb(), input, user.id), "/admin/units"),
);

export const updateUnit = formAction("administer", updateUnitInput, async (input, user) =>
  afterUpdate(await queries.updateUnit(getDb(), input, user.id), undefined, { everyReply: true }),
);

export const createSection = formAction("administer", createSectionInput, async (input, user) =>
  afterUpdate(await division.createSection(getDb(), input, user.id), `已添加科室“${input.name}”。`),
);

export const updateSection = formAction("administer", updateSectionInput, async (input, user) =>
  afterUpdate(await division.updateSection(getDb(), input, user.id)),
);

export const saveLeaderReview = formAction("administer", leaderReviewInput, async (input, user) =>
  afterUpdate(
    await division.setLeaderReview(getDb(), input, user.id),
    input.leaderReview ? "已开启分管领导审核。" : "已关闭分管领导审核。",
  ),
);

/** 电子签章: the administrator uploads the unit's PKCS#12 certificate; its letters are signed with it from now on. */
export async function uploadUnitCertificate(previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return formAction("administer", unitCertificateInput, async (input, user) => {
    const file = formData.get("p12");
    if (!(file instanceof File) || file.size === 0) return { ok: false, error: "请选择证书文件", fieldErrors: { p12: "请选择证书文件" } };
    if (file.size > MAX_CERTIFICATE_BYTES) return { ok: false, error: "证书文件过大", fieldErrors: { p12: "证书文件过大（最多 64 KB）" } };
    const result = await addUnitCertificate(getDb(), {
      unitId: input.unitId,
      p12: new Uint8Array(await file.arrayBuffer()),
      password: input.password,
      uploadedBy: user.id,
    });
    if (!result.ok) return { ok: false, error: result.reason };
    revalidatePath(`/admin/units/${input.unitId}`);
    return { ok: true, message: `已上传签章证书：${result.facts.subject}。此后签发的答复函将加盖电子签章。` };
  })(previous, formData);
}
