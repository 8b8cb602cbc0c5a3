#!/usr/bin/env bash
# Every check, in the order that fails fastest: format, lint, types, unit + CLI, build, e2e.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

step "browser";   bash scripts/ensure-chromium.sh
step "format";    npx prettier --check . --log-level warn
step "lint";      npx eslint . --max-warnings 0
step "types";     npx tsc --noEmit
step "unit + CLI"; npm run --silent test:unit
step "build";     npm run --silent build
step "e2e";       npx playwright test
