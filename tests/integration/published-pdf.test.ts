/**
 * 原文下载's PDF is printed once per version of the letter and served from its file after that
 * (app/letters/_server/published-pdf.ts): twenty concurrent first requests share one printing, a changed
 * letter is printed anew and its old file removed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { publishedPdf, type PdfStore } from "@/app/letters/_server/published-pdf";
import type { Letter } from "@/lib/letter";
import type { LetterSheet } from "@/lib/letter-print";

const letter: Letter = {
  resultClass: null,
  title: "关于测试的答复函",
  salutation: "张志强委员:",
  opening: "您提出的建议收悉。",
  body: [{ kind: "p", text: "已办理。" }],
  closing: "感谢您的关心。",
  unitName: "重庆高新区科技创新局",
  writtenOn: "2026-06-15",
  date: "2026年6月15日",
  contact: "(联系人:蒋明杰,联系电话:023—68511253)",
};
const sheet = (docNumber: string): LetterSheet => ({ letter, docNumber, draft: false, receipt: null });

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A store in a fresh folder whose printer counts its calls and takes 200 ms, as Chromium takes a while. */
function countingStore(): PdfStore & { prints: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "published-pdf-"));
  dirs.push(dir);
  const prints: string[] = [];
  return {
    dir,
    prints,
    print: async (sheets) => {
      prints.push(sheets[0]!.docNumber!);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return new TextEncoder().encode(`%PDF-1.7 ${sheets[0]!.docNumber} ${prints.length}`);
    },
  };
}

describe("publishedPdf", () => {
  it("prints once for twenty concurrent first requests, then serves the stored file", async () => {
    const store = countingStore();
    const source = { publicationId: 7, sheet: sheet("科创〔2026〕1号"), title: "关于测试的答复函" };
    const answers = await Promise.all(Array.from({ length: 20 }, async () => publishedPdf(source, store)));
    expect(store.prints).toEqual(["科创〔2026〕1号"]);
    expect(new Set(answers.map((a) => Buffer.from(a).toString()))).toEqual(new Set(["%PDF-1.7 科创〔2026〕1号 1"]));
    expect(fs.readdirSync(store.dir)).toEqual([expect.stringMatching(/^7-[0-9a-f]{32}\.pdf$/)]);

    const again = await publishedPdf(source, store);
    expect(Buffer.from(again).toString()).toBe("%PDF-1.7 科创〔2026〕1号 1");
    expect(store.prints).toHaveLength(1);
  });

  it("prints a changed letter anew and removes the publication's earlier file, leaving other publications' alone", async () => {
    const store = countingStore();
    await publishedPdf({ publicationId: 7, sheet: sheet("科创〔2026〕1号"), title: "关于测试的答复函" }, store);
    await publishedPdf({ publicationId: 8, sheet: sheet("科创〔2026〕9号"), title: "关于测试的答复函" }, store);
    const changed = await publishedPdf({ publicationId: 7, sheet: sheet("科创〔2026〕2号"), title: "关于测试的答复函" }, store);
    expect(Buffer.from(changed).toString()).toBe("%PDF-1.7 科创〔2026〕2号 3");
    expect(store.prints).toEqual(["科创〔2026〕1号", "科创〔2026〕9号", "科创〔2026〕2号"]);
    expect(
      fs
        .readdirSync(store.dir)
        .map((f) => f.split("-")[0])
        .sort(),
    ).toEqual(["7", "8"]);
  });

  it("prints again when the printing failed, and stores nothing for it", async () => {
    const store = countingStore();
    const failing: PdfStore = { dir: store.dir, print: async () => Promise.reject(new Error("chromium died")) };
    const source = { publicationId: 3, sheet: sheet("科创〔2026〕3号"), title: "关于测试的答复函" };
    await expect(publishedPdf(source, failing)).rejects.toThrow("chromium died");
    expect(fs.existsSync(store.dir) ? fs.readdirSync(store.dir) : []).toEqual([]);
    expect(Buffer.from(await publishedPdf(source, store)).toString()).toBe("%PDF-1.7 科创〔2026〕3号 1");
  });
});
