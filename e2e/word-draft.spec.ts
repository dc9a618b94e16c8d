/**
 * 从 Word 导入 on 起草答复函: 蒋明杰 uploads the letter he wrote in Word (heading styles, automatic numbering, a
 * table). The editor shows its body against the current version with the table's warning, and saves
 * nothing until he chooses 保存为新版本; a .doc is refused at once, and 放弃 restores the text he had.
 * SCREENSHOTS=1 writes docs/screenshots/word-draft-diff*.png.
 */
import fs from "node:fs";
import path from "node:path";
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { noAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";
import { prepareProposal, writtenFor } from "./prepared-proposal";

const shot = (name: string) => (process.env.SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name));

/** The letter as a handler writes it in Word: title and salutation, heading styles, Word's own numbering, a table. */
async function letterFromWord(file: string): Promise<string> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const item = (text: string) => new Paragraph({ numbering: { reference: "points", level: 0 }, children: [new TextRun(text)] });
  const document = new Document({
    numbering: {
      config: [{ reference: "points", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ style: "Title", children: [new TextRun("重庆高新区科技创新局关于第号提案的答复函")] }),
          new Paragraph("刘新荣委员："),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("工作开展情况")] }),
          new Paragraph("已出台专项政策并全面落实。"),
          new Table({
            rows: [
              new TableRow({ children: [cell("指标"), cell("完成情况")] }),
              new TableRow({ children: [cell("服务企业"), cell("120 家")] }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("下一步打算")] }),
          item("完善人才政策"),
          item("深化产教融合"),
        ],
      },
    ],
  });
  const bytes = await Packer.toBuffer(document);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

const IMPORTED = [
  "一、工作开展情况",
  "已出台专项政策并全面落实。",
  "指标｜完成情况",
  "服务企业｜120 家",
  "二、下一步打算",
  "（一）完善人才政策",
  "（二）深化产教融合",
];

test("蒋明杰 imports his Word letter: the diff against 第 1 稿 and the table's warning, then 保存为新版本", async ({ page, loginAs }) => {
  const { id } = await prepareProposal("drafted", "从 Word 导入答复函的测试提案");
  const file = await letterFromWord(test.info().outputPath("答复函.docx"));
  await loginAs("jiangmj");
  await page.goto(`/proposals/${id}/reply`);
  const editor = page.getByRole("region", { name: /答复函草稿（当前第 1 稿）/ });

  // A .doc (an OLE file, whatever its name) is refused at upload, in Chinese.
  await editor.getByLabel("从 Word 导入").setInputFiles({
    name: "旧答复.docx",
    mimeType: "application/msword",
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  });
  await expect(editor).toContainText("上传失败：这是旧版 Word（.doc）文件");

  await editor.getByLabel("从 Word 导入").setInputFiles(file);
  await expect(editor.getByText("已上传")).toBeVisible();
  await editor.getByRole("button", { name: "读取并比较" }).press("Enter");

  const review = editor.getByRole("region", { name: "从 Word 导入：答复函.docx（尚未保存）" });
  await expect(review).toBeVisible();
  await expect(review.getByRole("heading")).toBeFocused();
  await expect(review.getByRole("list", { name: "导入提示" })).toContainText("文档中的 1 个表格已转为文字");
  await expect(review).toContainText("文档中的标题、称呼由系统生成，未导入正文。");
  const diff = review.getByRole("region", { name: "第 1 稿与Word 文档的比较" });
  await expect(diff).toContainText("第 1 稿 → Word 文档：正文修改1段，新增5段。");
  await expect(diff.locator("ins").filter({ hasText: "指标｜完成情况" })).toBeVisible();
  // The editor and the letter hold the imported body; nothing is saved yet.
  await expect(editor.getByLabel("答复正文")).toHaveValue(IMPORTED.join("\n\n"));
  await expect(
    page.getByRole("region", { name: "答复函预览", exact: true }).getByRole("heading", { name: "（二）深化产教融合" }),
  ).toBeVisible();
  expect((await writtenFor(id)).drafts.map((d) => d.version)).toEqual([1]);
  await noAxeViolations(page);

  // The upload above, the comparison below.
  const upload = editor.locator("form").filter({ has: page.getByLabel("从 Word 导入", { exact: true }) });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await upload.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: shot("word-draft-diff.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await review.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: shot("word-draft-diff-390.png") });
  await page.screenshot({ path: test.info().outputPath("whole-page-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await review.getByRole("button", { name: "保存为新版本" }).click();
  const saved = page.getByRole("region", { name: /答复函草稿（当前第 2 稿）/ });
  await expect(saved.getByText("“答复函.docx”的正文已保存为第 2 稿。")).toBeVisible();
  await expect(saved.getByRole("region", { name: /从 Word 导入/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /答复函稿与审签/ }).getByRole("row")).toHaveCount(3);
  const written = await writtenFor(id);
  expect(written.drafts.map((d) => [d.version, d.body])).toEqual([
    [1, "一、工作开展情况\n\n已出台专项政策。"],
    [2, IMPORTED.join("\n\n")],
  ]);
  expect(written.actions.at(-1)).toBe("save_draft");

  // 放弃 puts back the text the editor held.
  await saved.getByLabel("从 Word 导入").setInputFiles(await letterFromWord(test.info().outputPath("再次导入.docx")));
  await expect(saved.getByText("已上传")).toBeVisible();
  await saved.getByLabel("答复正文").fill("一、工作开展情况\n\n尚未保存的修改。");
  await saved.getByRole("button", { name: "读取并比较" }).click();
  await expect(saved.getByRole("region", { name: "从 Word 导入：再次导入.docx（尚未保存）" })).toContainText("两稿正文相同");
  await saved.getByRole("button", { name: "放弃" }).click();
  await expect(saved.getByRole("region", { name: /从 Word 导入/ })).toHaveCount(0);
  await expect(saved.getByLabel("答复正文")).toHaveValue("一、工作开展情况\n\n尚未保存的修改。");
  expect((await writtenFor(id)).drafts.map((d) => d.version)).toEqual([1, 2]);
});
