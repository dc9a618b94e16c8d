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

type VnuMessage = { type: string; message: string; lastLine?: number };

function htmlErrors(html: string): VnuMessage[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vnu-")), "page.html");
  fs.writeFileSync(file, html);
  let out = "";
  try {
    out = execFileSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    // vnu exits non-zero when it found errors; its report is on stderr.
    out = (error as { stderr?: string }).stderr ?? "";
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  return out.trim() ? (JSON.parse(out) as { messages: VnuMessage[] }).messages.filter((m) => m.type === "error") : [];
}

test("list, detail, search and 关怀版/繁體版 pages have no HTML errors", async ({ page, request, context }) => {
  test.setTimeout(90_000);
  const data = (await (await request.get("/open/data.json")).json()) as { items: { url: string; disclosure: string }[] };
  const detail = new URL(data.items.find((i) => i.disclosure === "full")!.url).pathname;
  const pages = ["/open", detail, "/open/search?q=博士", "/open/search?q=人才红利"];
  for (const mode of [[], [{ name: CARE_COOKIE, value: "1" }], [{ name: LANG_COOKIE, value: "hant" }]]) {
    await context.clearCookies();
    await context.addCookies(mode.map((c) => ({ ...c, url: `${E2E.baseURL}/open` })));
    for (const url of pages) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      expect(htmlErrors(await response.text()), `${url} ${JSON.stringify(mode)}`).toEqual([]);
    }
  }
});
