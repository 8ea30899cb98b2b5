#!/usr/bin/env bash
# Builds the web UI into target/classes/public (run by Maven in process-classes, after the OpenAPI document
# exists): installs the locked npm packages when the lock file changed, generates the typed API client from
# the OpenAPI document (a changed route then fails the type check, not the user), type-checks, bundles.
# With "test" it runs the UI's unit tests instead.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "the web UI needs Node.js 20+ and npm (scripts/test.sh installs them)" >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ "${1:-build}" = test ]; then
  exec npx --no-install vitest run
fi
npx --no-install openapi-typescript ../../../target/classes/META-INF/swagger/bangui-v1.yml -o src/api/schema.d.ts --silent
node tools/world-map.mjs
npx --no-install tsc --noEmit
npx --no-install vite build --logLevel warn
