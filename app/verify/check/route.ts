import { createHash } from "node:crypto";
import { getDb } from "@/db/client";
import { receiptTokenSecret } from "@/db/handling/receipt-tokens";
import { verifyLetterFile } from "@/db/queries/letter-verification";
import { originFromHeaders } from "@/lib/site-origin";
import { signVerifyResult, VERIFY_MAX_BYTES, type VerifyResult } from "@/lib/signing/verify-result";

/**
 * /open/verify's upload (outside /open, where the front server takes every GET for a public page): checks the PDF (db/queries/letter-verification.ts) and answers with a redirect to the page,
 * the answer signed in its address (lib/signing/verify-result.ts). Nothing is stored; the file is read in memory
 * (the front server bounds its size) and dropped.
 */
async function check(request: Request): Promise<VerifyResult> {
  let file: FormDataEntryValue | null = null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return { kind: "error", message: "未能读取上传的文件，请重新选择后再试。" };
  }
  if (!(file instanceof File) || file.size === 0) return { kind: "error", message: "请选择要核验的 PDF 文件。" };
  if (file.size > VERIFY_MAX_BYTES) return { kind: "error", message: `文件过大（最多 ${VERIFY_MAX_BYTES / 1024 / 1024} MB）。` };
  const pdf = new Uint8Array(await file.arrayBuffer());
  if (Buffer.from(pdf.subarray(0, 1024)).indexOf("%PDF-") < 0) return { kind: "error", message: "上传的文件不是 PDF 文件。" };
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  return { ...(await verifyLetterFile(getDb(), pdf)), sha256 };
}

export async function POST(request: Request) {
  const token = signVerifyResult(await check(request), receiptTokenSecret());
  return Response.redirect(new URL(`/open/verify?r=${token}`, originFromHeaders(request.headers)), 303);
}
