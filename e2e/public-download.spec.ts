/** 原文下载 on the public site: the published version only, nothing for summaries or unpublished replies. */
import { expect, test } from "./fixtures";

type OpenItem = { url: string; title: string; disclosure: "full" | "summary" };

test("原文下载 serves the full publication as PDF, nothing for a summary, 404 for an unknown id", async ({ page, request }) => {
  const data = (await (await request.get("/open/data.json")).json()) as { items: OpenItem[] };
  const full = data.items.find((i) => i.disclosure === "full")!;
  const path = new URL(full.url).pathname;
  await page.goto(path);
  const link = page.getByRole("link", { name: full.title }).last();
  await expect(link).toHaveAttribute("href", `${path}/letter.pdf`);
  const pdf = await request.get(`${path}/letter.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The demo publishes one reply as a summary only.
  const summary = data.items.find((i) => i.disclosure === "summary")!;
  const summaryPath = new URL(summary.url).pathname;
  expect((await request.get(`${summaryPath}/letter.pdf`)).status()).toBe(404);
  await page.goto(summaryPath);
  await expect(page.getByText("本件摘要公开，不提供原文下载")).toBeVisible();
  expect((await request.get("/open/999999/letter.pdf")).status()).toBe(404);
});
