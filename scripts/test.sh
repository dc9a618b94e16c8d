#!/usr/bin/env bash
# Every test: lint and type check, unit and integration (vitest), then the production build and the end-to-end tests
# (Playwright in Chromium against the production server). Prints each runner's summary, then the total line
# "N passed, N failed"; exits non-zero when any test failed.
#   scripts/test.sh [--e2e-only | --node-check]
# --node-check is CI's second run on another Node.js release (.ci/run): what differs by release — the native
# modules (SQLite integration tests), the build and the server (the whole flow in Chromium) — not the rest again.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -rf reports && mkdir -p reports
start=$(date +%s)
status=0

mode="${1:-}"
if [ "$mode" = "--node-check" ]; then
  # The SQLite project's copy, backup and parity tests open PostgreSQL too.
  source scripts/ensure-postgres.sh
  source scripts/ensure-pdfsig.sh || exit 1
  npx vitest run --project unit --project sqlite --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=1
  source scripts/ensure-chromium.sh || exit 1
  npm run build || exit 1
  npx playwright test e2e/full-flow.spec.ts || status=1
  node scripts/test-summary.mjs "$(( $(date +%s) - start ))" || status=1
  exit $status
fi

if [ "$mode" != "--e2e-only" ]; then
  # Lint (layer boundaries included, biome.jsonc), the format check and the type check come first: they fail in
  # seconds. A failure stops here, still ending with the total line. `npx biome format --write .` fixes the format.
  for step in "biome lint ." "biome format ." "tsc --noEmit"; do
    echo "== $step"
    if ! npx $step; then echo "\`$step\` failed"; echo "0 passed, 1 failed"; exit 1; fi
  done
fi
# PostgreSQL for vitest's PostgreSQL half and for the end-to-end selection on PostgreSQL.
source scripts/ensure-postgres.sh

if [ "$mode" != "--e2e-only" ]; then
  source scripts/ensure-pdfsig.sh || exit 1
  npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=1
fi

source scripts/ensure-chromium.sh || exit 1
npm run build || exit 1
npx playwright test || status=1
# The specs of the PostgreSQL selection (playwright.config.ts) again, on a PostgreSQL database of their own.
E2E_ENGINE=postgresql npx playwright test || status=1
# nginx in front of two instances on PostgreSQL, one killed and restarted under load (e2e/multi-instance).
source scripts/ensure-nginx.sh; npx playwright test -c playwright.multi.config.ts || status=1

node scripts/test-summary.mjs "$(( $(date +%s) - start ))" || status=1
exit $status
