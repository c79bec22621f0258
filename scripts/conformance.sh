#!/usr/bin/env bash
# Runs the MCP conformance suites (pinned) against the built server over Streamable HTTP:
#  - 0.1.16, the 2025-era scenarios that apply to a server with its own tools (every check must pass);
#  - 0.2.0-alpha.12, every server scenario spec 2026-07-28 requires (--requirements 2026-07-28), with the baseline
#    test/conformance/expected-failures-2026-07-28.yml excusing the checks that need the suite's own fixture tools,
#    prompts and resources; any other failure, and any baseline entry that starts passing, fails the run.
# The suites need Node 22 (scripts/node22.sh); the server runs on this project's Node, from dist/ (npm run build
# first), on a free loopback port, with no credentials and no .env: these scenarios never reach a provider.
# Exits non-zero when any check fails. Usage: scripts/conformance.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=0.1.16
scenarios=(server-initialize tools-list ping dns-rebinding-protection)
modern_version=0.2.0-alpha.12
baseline="$root/test/conformance/expected-failures-2026-07-28.yml"

install_suite() {
  local dir="$root/.tools/conformance-$1"
  if [ ! -f "$dir/node_modules/@modelcontextprotocol/conformance/dist/index.js" ]; then
    mkdir -p "$dir"
    npm install --no-audit --no-fund --no-save --loglevel=error --prefix "$dir" "@modelcontextprotocol/conformance@$1" >&2
  fi
  echo "$dir/node_modules/@modelcontextprotocol/conformance/dist/index.js"
}
suite="$(install_suite "$version")"
modern_suite="$(install_suite "$modern_version")"
node22="$("$root/scripts/node22.sh")"
[ -f "$root/dist/cli.js" ] || { echo "conformance: dist/cli.js is missing; run npm run build" >&2; exit 1; }

work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# An empty working directory (no .env) and an environment with nothing but PATH (no credentials, no ML_STOP_*).
(cd "$work" && exec env -i PATH="$PATH" node "$root/dist/cli.js" --transport http --host 127.0.0.1 --port 0 2>"$work/server.log") &
pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o '"url":"http://127\.0\.0\.1:[0-9]*"' "$work/server.log" 2>/dev/null | head -n1 | cut -d'"' -f4 || true)"
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "conformance: the server exited at start-up:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "conformance: the server did not report its address within 30 s" >&2; cat "$work/server.log" >&2; exit 1; }
echo "conformance $version against $url/mcp (server on $(node --version), suite on $("$node22" --version))"

failed=0
for scenario in "${scenarios[@]}"; do
  out="$work/results/$scenario"
  if ! (cd "$work" && "$node22" "$suite" server --url "$url/mcp" --scenario "$scenario" -o "$out"); then failed=1; fi
  # Read the recorded checks too: a scenario with no checks, or a tool list that is empty, is not a pass.
  node -e '
    const fs = require("fs"), path = require("path");
    const [out, scenario] = process.argv.slice(1);
    const files = fs.existsSync(out) ? fs.readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith("checks.json")) : [];
    const checks = files.flatMap((f) => JSON.parse(fs.readFileSync(path.join(out, String(f)), "utf8")));
    const bad = checks.filter((c) => c.status === "FAILURE" || (c.id === "tools-list" && !(c.details?.toolCount > 0)));
    console.log(`${scenario}: ${checks.length} checks, ${checks.length - bad.length} passed`);
    if (checks.length === 0 || bad.length > 0) { for (const c of bad) console.error(JSON.stringify(c)); process.exit(1); }
  ' "$out" "$scenario" || failed=1
done

echo "conformance $modern_version --requirements 2026-07-28 against $url/mcp (baseline $(basename "$baseline"))"
if (cd "$work" && "$node22" "$modern_suite" server --url "$url/mcp" --requirements 2026-07-28 \
  --expected-failures "$baseline" -o "$work/modern" >"$work/modern.txt" 2>&1); then
  modern=passed
else
  modern=FAILED
  failed=1
fi
# One line per scenario with its checks, for the record; then the suite's own baseline verdict.
node -e '
  const fs = require("fs"), path = require("path");
  const out = process.argv[1];
  const dirs = fs.existsSync(out) ? fs.readdirSync(out) : [];
  for (const d of dirs.sort()) {
    const file = path.join(out, d, "checks.json");
    if (!fs.existsSync(file)) continue;
    const checks = JSON.parse(fs.readFileSync(file, "utf8"));
    const count = (s) => checks.filter((c) => c.status === s).length;
    const name = d.replace(/^server-/, "").replace(/-\d{4}-\d\d-\d\dT.*$/, "");
    console.log(`  2026-07-28 ${name}: ${count("SUCCESS")} passed, ${count("FAILURE")} failed, ${count("WARNING")} warnings`);
  }
' "$work/modern"
grep -E "Baseline|Unexpected|Stale|^\s+[✗✓] " "$work/modern.txt" | grep -v "^\s*~" || true
echo "conformance 2026-07-28: $modern"

if [ "$failed" -ne 0 ]; then
  echo "conformance: FAILED (suite output and server log follow)" >&2
  tail -n 80 "$work/modern.txt" >&2
  cat "$work/server.log" >&2
  exit 1
fi
echo "conformance: all ${#scenarios[@]} 2025 scenarios passed; 2026-07-28 requirements passed with the baseline"
