#!/usr/bin/env bash
# Every test: unit and integration (vitest), then the production build and the end-to-end tests
# (Playwright in Chromium against the production server). Prints each runner's summary, then the total line
# "N passed, N failed"; exits non-zero when any test failed.
#   scripts/test.sh [--e2e-only]
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -rf reports && mkdir -p reports
start=$(date +%s)
status=0

if [ "${1:-}" != "--e2e-only" ]; then
  npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || status=1
fi

source scripts/ensure-chromium.sh || exit 1
npm run build || exit 1
npx playwright test || status=1

node scripts/test-summary.mjs "$(( $(date +%s) - start ))" || status=1
exit $status
