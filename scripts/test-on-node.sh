#!/usr/bin/env bash
# Runs the test suite (vitest) on another Node major version from the npm registry (scripts/node.sh): the e2e tests
# then spawn the built server on that Node too. Builds first when dist/ is missing. Usage: scripts/test-on-node.sh 22
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
node="$("$root/scripts/node.sh" "${1:?usage: scripts/test-on-node.sh 22|24}")"
cd "$root"
[ -f dist/cli.js ] || npm run build
echo "vitest on $("$node" --version)"
exec "$node" node_modules/vitest/vitest.mjs run
