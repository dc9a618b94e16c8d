// Adds up the JSON reports of vitest and Playwright into one closing line: "N passed, N failed".
import fs from "node:fs";

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = read("reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  // A test file that fails to load runs no test but is a failure all the same.
  failed += vitest.numFailedTests + vitest.numFailedTestSuites;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const playwright = read("reports/playwright.json");
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
}
console.log(`\nAll tests finished in ${process.argv[2] ?? "?"} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
