/**
 * The demo's 电子签章 (docs/decisions/015): a self-signed certificate for every unit, as an administrator would
 * upload one, and every demo reply's letters signed with it, as sign-off and publication would have done. Printing
 * needs the server's Chromium; without it the demo's letters stay unsigned and this says so.
 */
import { asc } from "drizzle-orm";
import { closePdfBrowser } from "@/app/letters/_server/letter-pdf";
import { issueSignedLetters } from "@/app/letters/_server/signed-letters";
import type { Db } from "@/db/client";
import { addUnitCertificate } from "@/db/handling/unit-certificates";
import { DEMO_PASSWORD } from "@/db/demo";
import { replies, units } from "@/db/schema";
import { selfSignedP12 } from "@/lib/signing/p12";

export async function signDemoLetters(db: Db, origin: string): Promise<number> {
  for (const unit of await db.select({ id: units.id, name: units.name }).from(units).orderBy(asc(units.id)).all()) {
    const added = await addUnitCertificate(db, {
      unitId: unit.id,
      p12: selfSignedP12(unit.name, DEMO_PASSWORD),
      password: DEMO_PASSWORD,
      uploadedBy: null,
    });
    if (!added.ok) throw new Error(`演示证书（${unit.name}）：${added.reason}`);
  }
  let signed = 0;
  try {
    // Two replies at a time: the printer's two places (letter-pdf.ts) both busy.
    const queue = (await db.select({ id: replies.id }).from(replies).orderBy(asc(replies.id)).all()).map((r) => r.id);
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const issued = await issueSignedLetters(db, id, origin);
        signed += issued.signed;
      }
    };
    await Promise.all([worker(), worker()]);
  } catch (error) {
    console.warn(`演示答复函未能加盖电子签章（需要 Chromium，见 CHROMIUM_PATH）：${(error as Error).message}`);
  } finally {
    await closePdfBrowser();
  }
  return signed;
}
