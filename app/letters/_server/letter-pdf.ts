/**
 * PDF from the print HTML (lib/letter-print.ts; also the year's report, lib/year-report-print.ts),
 * printed by the production Chromium. One browser per process, started on first use; each PDF gets a
 * fresh context. The page is served by request interception: the document and its fonts (./fonts.ts)
 * are the only things it can load, so the browser never fetches an authenticated URL nor anything from
 * the network. Printing is bounded: a few at a time, the rest wait briefly, then are told to retry.
 */
import fs from "node:fs/promises";
import { PDFDocument } from "pdf-lib";
import { chromium, type Browser } from "playwright-core";
import { letterPrintHtml, type LetterSheet } from "@/lib/letter-print";
import { Slots } from "@/lib/slots";
import { letterFontFaces, letterFontFile } from "./fonts";

/** The origin the print page pretends to come from; nothing is ever fetched from it. */
const PRINT_ORIGIN = "https://letter.invalid";
const PRINT_FONTS_PATH = "/fonts/";

const globalForPdf = globalThis as unknown as { __letterBrowser?: Promise<Browser> };

function launch(): Promise<Browser> {
  const started = chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    // The process's own signal handling stands (a stop stops it; scripts/serve.ts and server/main.ts stop gracefully):
    // Playwright's handlers closed Chromium on SIGTERM and went on, so a stop during the demo's start was lost
    // (e2e/demo-start.spec.ts). Chromium ends with the pipe to this process.
    handleSIGTERM: false,
    handleSIGINT: false,
    handleSIGHUP: false,
  });
  started.then(
    (browser) => browser.on("disconnected", () => (globalForPdf.__letterBrowser = undefined)),
    () => (globalForPdf.__letterBrowser = undefined),
  );
  return started;
}

function browser(): Promise<Browser> {
  globalForPdf.__letterBrowser ??= launch();
  return globalForPdf.__letterBrowser;
}

/** Prints the HTML to an A4 PDF with its CSS page rules (margins, page numbers); text stays selectable. */
async function htmlToPdf(html: string): Promise<Buffer> {
  const context = await (await browser()).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === `${PRINT_ORIGIN}/`) return route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
      const font = url.startsWith(`${PRINT_ORIGIN}${PRINT_FONTS_PATH}`)
        ? letterFontFile(url.slice(PRINT_ORIGIN.length + PRINT_FONTS_PATH.length))
        : null;
      if (font) return route.fulfill({ contentType: "font/woff2", body: await fs.readFile(font) });
      return route.abort();
    });
    await page.goto(`${PRINT_ORIGIN}/`, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await context.close();
  }
}

/** The @font-face rules a printed page may use: the letter's web fonts, served to the print page alone. */
export function printFontFaces(): string {
  return letterFontFaces(PRINT_FONTS_PATH);
}

/** The HTML one letter is printed from: what its PDF depends on (the published PDF is stored under its hash). */
export function sheetPrintHtml(sheet: LetterSheet, title: string): string {
  return letterPrintHtml([sheet], { documentTitle: title, fontFaces: printFontFaces(), toolbar: null });
}

/** Thrown when no printing place came free in time; the routes answer 503. */
export class PdfBusy extends Error {}

/** Printing takes a Chromium page and ~1 s of a core: two at a time, the next wait up to 20 s. */
const printing = new Slots(2, 20_000);

/** The documents printed one by one (each starts at page — 1 —) and joined into one titled PDF, in a printing place. */
async function printJoined(htmls: readonly string[], title: string): Promise<Uint8Array> {
  const done = await printing.admit();
  if (!done) throw new PdfBusy();
  try {
    const parts: Uint8Array[] = [];
    for (const html of htmls) parts.push(await htmlToPdf(html));
    return await joinPdfs(parts, title);
  } finally {
    done();
  }
}

/** The letters as one PDF: each printed on its own, so that each starts at page — 1 —, then joined. */
export async function lettersPdf(sheets: readonly LetterSheet[], title: string): Promise<Uint8Array> {
  return printJoined(
    sheets.map((sheet) => sheetPrintHtml(sheet, title)),
    title,
  );
}

/** Another document on the 公文 page (its HTML declaring printFontFaces) as a PDF, printed as letters are. */
export async function documentPdf(html: string, title: string): Promise<Uint8Array> {
  return printJoined([html], title);
}

/** PDFs joined into one, titled. */
export async function joinPdfs(parts: readonly Uint8Array[], title: string): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  merged.setTitle(title);
  merged.setLanguage("zh-CN");
  for (const part of parts) {
    const pdf = await PDFDocument.load(part);
    for (const page of await merged.copyPages(pdf, pdf.getPageIndices())) merged.addPage(page);
  }
  return merged.save();
}

/** The answer when printing is busy. */
export function pdfBusyResponse(): Response {
  return new Response("正在生成的文件较多，请稍后重试。", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" },
  });
}

/** Closes the shared browser (tests; a server keeps it for its lifetime). */
export async function closePdfBrowser(): Promise<void> {
  const browser = globalForPdf.__letterBrowser;
  globalForPdf.__letterBrowser = undefined;
  if (browser) await (await browser).close();
}
