/**
 * The closing lines of `npm test` (scripts/test-summary.mjs): CI shows only the end of a run's output, so the
 * failures named there must say what failed, not only where — the first lines of each error, without colours,
 * and the last lines a failed Playwright test printed (the multi-instance run's figures).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";

const script = path.resolve("scripts/test-summary.mjs");
let dir = "";
beforeEach(() => {
  // The script names vitest's files relative to its working directory, which may be reached through a symbolic link.
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "summary-")));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function summary(reports: Record<string, unknown>) {
  fs.mkdirSync(path.join(dir, "reports"));
  for (const [name, report] of Object.entries(reports)) fs.writeFileSync(path.join(dir, "reports", name), JSON.stringify(report));
  try {
    return { code: 0, out: execFileSync("node", [script, "12"], { cwd: dir, encoding: "utf8" }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, out: failed.stdout };
  }
}

it("names each failed test with the first lines of its error and what it printed, the total line last", () => {
  const { code, out } = summary({
    "vitest.json": {
      numPassedTests: 3,
      numFailedTests: 1,
      numFailedTestSuites: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        {
          name: `${dir}/tests/unit/a.test.ts`,
          status: "failed",
          assertionResults: [
            { status: "failed", fullName: "adds", failureMessages: ["AssertionError: expected 1 to be 2\n    at a.test.ts:3"] },
          ],
        },
      ],
    },
    "playwright-multi.json": {
      stats: { expected: 0, flaky: 0, unexpected: 1, skipped: 0 },
      suites: [
        {
          title: "multi.spec.ts",
          file: "multi.spec.ts",
          specs: [
            {
              title: "two instances",
              file: "multi.spec.ts",
              tests: [
                {
                  status: "unexpected",
                  results: [
                    {
                      errors: [
                        { message: "\u001b[2mexpect(\u001b[22mreceived\u001b[2m).toBe(\u001b[22mexpected)\n\nExpected: 0\nReceived: 2" },
                      ],
                      stdout: [{ text: "early line\n" }, { text: "===== 多实例测试结果 =====\n邮件：重复 2\n" }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  });
  expect(code).toBe(1);
  expect(out).toContain("vitest tests/unit/a.test.ts › adds\n      AssertionError: expected 1 to be 2");
  expect(out).toContain("multi.spec.ts › two instances\n      expect(received).toBe(expected)\n      Expected: 0\n      Received: 2");
  expect(out).not.toContain("\u001b[");
  expect(out).toContain("      邮件：重复 2");
  expect(out.trim().split("\n").at(-1)).toBe("3 passed, 2 failed");
});

it("ends with the total alone when nothing failed", () => {
  const { code, out } = summary({
    "playwright.json": { stats: { expected: 4, flaky: 0, unexpected: 0, skipped: 1 }, suites: [] },
  });
  expect(code).toBe(0);
  expect(out).not.toContain("Failed:");
  expect(out.trim().split("\n").at(-1)).toBe("4 passed, 0 failed, 1 skipped");
});
