/** The public pages are valid HTML: the Nu Html Checker (vnu-jar, run with the machine's Java) finds no error. */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CARE_COOKIE, LANG_COOKIE } from "../lib/public-prefs";
import { E2E } from "./env";
import { expect, test } from "./fixtures";

// vnu-jar's CommonJS entry exports the path of the jar.
const vnuJar: string = createRequire(import.meta.url)("vnu-jar");

type VnuMessage = { type: string; message: string; url?: string; lastLine?: number };

/** The errors vnu finds in each page, by the name given; one Java start for all of them. */
function htmlErrors(pages: Map<string, string>): Record<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vnu-"));
  const files = [...pages].map(([name, html], i) => {
    const file = path.join(dir, `page-${i}.html`);
    fs.writeFileSync(file, html);
    return { name, file };
  });
  let out = "";
  try {
    out = execFileSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", ...files.map((f) => f.file)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    // vnu exits non-zero when it found errors; its report is on stderr.
    out = (error as { stderr?: string }).stderr ?? "";
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const messages = out.trim() ? (JSON.parse(out) as { messages: VnuMessage[] }).messages.filter((m) => m.type === "error") : [];
  return Object.fromEntries(
    files.map(({ name, file }) => [
      name,
      messages.filter((m) => m.url?.endsWith(`/${path.basename(file)}`)).map((m) => `${m.lastLine}: ${m.message}`),
    ]),
  );
}

test("list, detail, search, 404 and 关怀版/繁體版 pages have no HTML errors", async ({ page, request, context }) => {
  test.setTimeout(90_000);
  const data = (await (await request.get("/open/data.json")).json()) as { items: { url: string; disclosure: string }[] };
  const detail = new URL(data.items.find((i) => i.disclosure === "full")!.url).pathname;
  const urls = ["/open", detail, "/open/search?q=博士", "/open/search?q=人才红利", "/open/verify", "/open/999999"];
  const pages = new Map<string, string>();
  for (const mode of [[], [{ name: CARE_COOKIE, value: "1" }], [{ name: LANG_COOKIE, value: "hant" }]]) {
    await context.clearCookies();
    await context.addCookies(mode.map((c) => ({ ...c, url: `${E2E.baseURL}/open` })));
    for (const url of urls) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(url === "/open/999999" ? 404 : 200);
      pages.set(`${url} ${JSON.stringify(mode)}`, await response.text());
    }
  }
  const errors = htmlErrors(pages);
  expect(Object.keys(errors)).toHaveLength(18);
  for (const [name, found] of Object.entries(errors)) expect(found, name).toEqual([]);
});
