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
// One Playwright report per engine: playwright.json (SQLite) and playwright-postgresql.json.
for (const file of fs.existsSync("reports") ? fs.readdirSync("reports") : []) {
  if (!/^playwright.*\.json$/.test(file)) continue;
  const { stats, errors = [] } = read(`reports/${file}`);
  passed += stats.expected + stats.flaky;
  // An error outside the tests (a web server that never started: no PostgreSQL) fails the run all the same.
  failed += stats.unexpected + errors.length;
  skipped += stats.skipped;
}
console.log(`\nAll tests finished in ${process.argv[2] ?? "?"} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
