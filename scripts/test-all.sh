#!/usr/bin/env bash
# The whole suite: typecheck, lint, knip, formatting, unit and integration tests, production build, end-to-end tests.
# With DATABASE_URL pointing at a PostgreSQL server, integration and e2e run against throwaway databases
# created on that server (and dropped afterwards); the e2e smoke then also runs on embedded PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."
# Node.js ≥ 22.12 (24 LTS): the machine's, or the pinned official binary installed into .node-runtime/.
source scripts/node-runtime.sh

step() { printf '\n== %s ==\n' "$*"; }

step "typecheck"
npx tsc --noEmit
step "lint"
npx eslint --max-warnings=0 .
step "unused files, exports and dependencies (knip)"
npx knip
step "formatting (prettier)"
npx prettier --check . >/dev/null || { npx prettier --check . | tail -20; echo "Run: npx prettier --write ."; exit 1; }
if [ -n "${DATABASE_URL:-}" ]; then db_label="PostgreSQL"; else db_label="PGlite"; fi
step "unit and integration tests ($db_label)"
npx vitest run
step "production build"
npx next build

if [ -n "${DATABASE_URL:-}" ]; then
  name="konzeptwerk_e2e_$$_$RANDOM"
  admin_url="$DATABASE_URL"
  e2e_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$admin_url" "$name")"
  drop() { node -e 'const p = require("postgres"); const s = p(process.argv[1], { onnotice() {} }); s.unsafe(`drop database if exists ${process.argv[2]} with (force)`).finally(() => s.end())' "$admin_url" "$name" || true; }
  trap drop EXIT
  node -e 'const p = require("postgres"); const s = p(process.argv[1], { onnotice() {} }); s.unsafe(`create database ${process.argv[2]}`).finally(() => s.end())' "$admin_url" "$name"
  step "e2e on PostgreSQL ($name)"
  DATABASE_URL="$e2e_url" npm run --silent db:seed:demo
  # The main e2e server runs one process (no REDIS_URL): a freeze then always sees every open live text.
  # e2e/foundation/multi-process.spec.ts starts its own two-process cluster with Redis.
  env -u REDIS_URL DATABASE_URL="$e2e_url" npx playwright test
  step "e2e smoke on embedded PGlite"
  env -u DATABASE_URL -u REDIS_URL E2E_PORT=3220 npx playwright test --grep @smoke
else
  step "e2e on embedded PGlite"
  env -u REDIS_URL npx playwright test
fi
echo
echo "All tests passed."
