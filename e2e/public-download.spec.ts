/** 原文下载 on the public site: the published version only, nothing for summaries or unpublished replies. */
import fs from "node:fs";
import { publishedPdfDirFor } from "../db/client";
import { readDatabase } from "../scripts/lib/read-database";
import { E2E } from "./env";
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

test("原文下载 is the letter signed at publication: twenty concurrent anonymous downloads are served fast, the same file", async () => {
  test.setTimeout(60_000);
  // A demo reply published in full (other specs publish replies through the data layer, outside the server: unsigned).
  const id = await readDatabase(E2E.database, async (db) => {
    const rows = await db.rows<{ id: number }>(
      `select p.id from publications p join signed_letters s on s.reply_id = p.reply_id and s.variant = 'public'
       where p.status = 'published' and p.mode = 'full' order by p.id`,
    );
    return rows[1]!.id;
  });
  const path = `/open/${id}`;
  const download = async () => {
    const response = await fetch(`${E2E.baseURL}${path}/letter.pdf`);
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };
  const timed = async () => {
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 20 }, download));
    return { answers, seconds: (performance.now() - started) / 1000 };
  };
  const cold = await timed();
  const warm = await timed();
  for (const { answers } of [cold, warm]) {
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.toString("base64"))).size).toBe(1);
  }
  expect(cold.answers[0]!.body.equals(warm.answers[0]!.body)).toBe(true);
  test.info().annotations.push({
    type: "原文下载",
    description: `20 concurrent downloads: ${cold.seconds.toFixed(1)} s when first asked for, ${warm.seconds.toFixed(1)} s after`,
  });
  expect(cold.seconds).toBeLessThan(10);
  expect(warm.seconds).toBeLessThan(5);
  // The demo's units sign their letters (电子签章, docs/decisions/015): the letter signed at publication is served, and
  // nothing is printed at the request (a unit without a certificate gets one printing, stored once: published-pdf.ts).
  expect(cold.answers[0]!.body.includes("/ETSI.CAdES.detached")).toBe(true);
  const printed = publishedPdfDirFor(E2E.databasePath);
  expect(fs.existsSync(printed) ? fs.readdirSync(printed).filter((f) => f.startsWith(`${id}-`)) : []).toHaveLength(0);
});
