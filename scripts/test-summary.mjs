// Adds up the JSON reports of vitest and Playwright into one closing line: "N passed, N failed", after the names of
// the tests that failed (CI shows the end of a run's output: a failure named far above it was lost).
import fs from "node:fs";

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
/** The first lines of an error, without the terminal's colours: what failed, not only where. */
const excerpt = (message, lines = 8) =>
  (message ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => line.trim())
    .slice(0, lines)
    .map((line) => `      ${line}`)
    .join("\n");
const vitest = read("reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  // A test file that fails to load runs no test but is a failure all the same.
  failed += vitest.numFailedTests + vitest.numFailedTestSuites;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  for (const file of vitest.testResults ?? []) {
    const name = file.name.replace(`${process.cwd()}/`, "");
    const tests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of tests) failures.push(`vitest ${name} › ${t.fullName ?? t.title}\n${excerpt(t.failureMessages?.join("\n"))}`);
    if (file.status === "failed" && tests.length === 0) failures.push(`vitest ${name}\n${excerpt(file.message)}`);
  }
}
/** Every test of a Playwright report's suites, with its file and titles. */
function* specs(suites, titles = []) {
  for (const suite of suites ?? []) {
    const path = suite.title && !suite.file?.endsWith(suite.title) ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) yield { file: spec.file, title: [...path, spec.title].join(" › "), test };
    yield* specs(suite.suites, path);
  }
}
// One Playwright report per run: playwright.json (SQLite), playwright-postgresql.json, playwright-multi.json.
for (const file of fs.existsSync("reports") ? fs.readdirSync("reports") : []) {
  if (!/^playwright.*\.json$/.test(file)) continue;
  const report = read(`reports/${file}`);
  const { stats, errors = [] } = report;
  passed += stats.expected + stats.flaky;
  // An error outside the tests (a web server that never started: no PostgreSQL) fails the run all the same.
  failed += stats.unexpected + errors.length;
  skipped += stats.skipped;
  for (const { file: spec, title, test } of specs(report.suites))
    if (test.status === "unexpected" || test.status === "flaky") {
      const results = test.results ?? [];
      const why = results
        .flatMap((r) => r.errors ?? [r.error])
        .filter(Boolean)
        .slice(0, 6)
        .map((e) => excerpt(e.message))
        .join("\n");
      // What the test printed on its last try (the multi-instance run's figures), its last lines.
      const printed = (results.at(-1)?.stdout ?? []).map((o) => o.text ?? "").join("");
      const tail = printed ? `\n      (printed)\n${excerpt(printed.split("\n").slice(-30).join("\n"), 30)}` : "";
      failures.push(`${file} ${spec} › ${title}${test.status === "flaky" ? " (flaky: passed on retry)" : ""}\n${why}${tail}`);
    }
  for (const error of errors) failures.push(`${file}\n${excerpt(error.message)}`);
}
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ✘ ${f}`).join("\n")}`);
console.log(`\nAll tests finished in ${process.argv[2] ?? "?"} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
