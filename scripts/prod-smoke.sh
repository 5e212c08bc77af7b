#!/usr/bin/env bash
# A fresh clone, installed and run as a deployment would: npm ci && npm run build && npm prune --omit=dev, then
# node dist/main.js must answer a signed /authgear help (test/smoke/prod-start.ts drives it with the fakes).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git clone --quiet "$root" "$tmp/app"
cd "$tmp/app"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
npm prune --omit=dev --no-audit --no-fund --loglevel=error
if [ -e node_modules/tsx ] || [ -e node_modules/typescript ]; then
  echo "dev dependencies are still installed after npm prune --omit=dev" >&2
  exit 1
fi
cd "$root"
npx tsx test/smoke/prod-start.ts "$tmp/app"
