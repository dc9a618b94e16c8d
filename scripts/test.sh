#!/usr/bin/env bash
# Every test: unit and integration (vitest), then the production build and the end-to-end tests
# (Playwright in Chromium against `next start`). Prints each runner's summary and a total line.
#   scripts/test.sh [--e2e-only]
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results
start=$(date +%s)

if [ "${1:-}" != "--e2e-only" ]; then
  npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
fi

source scripts/ensure-chromium.sh
npx next build
npx playwright test

node scripts/test-summary.mjs "$(( $(date +%s) - start ))"
