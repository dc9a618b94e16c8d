/**
 * 原文下载 (/open/{id}/letter.pdf) is asked for by anyone, so its PDF is printed once and then served
 * from a file: `<publication id>-<hash of the print HTML>.pdf` in the database's published-PDF folder.
 * The hash covers everything the PDF shows (the letter, its number, the title, the template), so a
 * changed reply or template is printed anew and a stale file is never served; the route answers a
 * withdrawn publication 404 before it gets here. Concurrent first requests share one printing. Only a
 * file is written, never the database (a GET never writes to it).
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { publishedPdfDirFor } from "@/db/client";
import type { LetterSheet } from "@/lib/letter-print";
import { lettersPdf, sheetPrintHtml } from "./letter-pdf";

export type PublishedPdf = { publicationId: number; sheet: LetterSheet; title: string };
export type PdfStore = { dir: string; print: (sheets: readonly LetterSheet[], title: string) => Promise<Uint8Array> };

const printingNow = new Map<string, Promise<Uint8Array>>();

async function printAndStore(source: PublishedPdf, store: PdfStore, file: string): Promise<Uint8Array> {
  const pdf = await store.print([source.sheet], source.title);
  await fs.mkdir(store.dir, { recursive: true });
  // Written whole under a temporary name, then renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  await fs.writeFile(partial, pdf);
  await fs.rename(partial, file);
  // The publication's earlier prints (an earlier version of its reply) are of no more use.
  const prefix = `${source.publicationId}-`;
  for (const name of await fs.readdir(store.dir)) {
    if (name.startsWith(prefix) && name.endsWith(".pdf") && path.join(store.dir, name) !== file)
      await fs.rm(path.join(store.dir, name), { force: true });
  }
  return pdf;
}

/** The published letter's PDF: from its file, or printed once (by one caller, the others waiting for it) and stored. */
export async function publishedPdf(
  source: PublishedPdf,
  store: PdfStore = { dir: publishedPdfDirFor(), print: lettersPdf },
): Promise<Uint8Array> {
  const hash = createHash("sha256").update(sheetPrintHtml(source.sheet, source.title)).digest("hex").slice(0, 32);
  const file = path.join(store.dir, `${source.publicationId}-${hash}.pdf`);
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  let printing = printingNow.get(file);
  if (!printing) {
    printing = printAndStore(source, store, file).finally(() => printingNow.delete(file));
    printingNow.set(file, printing);
  }
  return printing;
}
