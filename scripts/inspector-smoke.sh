#!/usr/bin/env bash
# CI smoke with the real MCP Inspector CLI: tools/list and one tools/call against `node dist/cli.js --simulate`, then
# the same against the server unpacked from ml-stop-mcp.mcpb, launched as its manifest says (run `npm run bundle`
# first). The Inspector needs Node 22 (scripts/node22.sh); it is installed into .tools/, not as a devDependency.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
INSPECTOR_VERSION=2.12.0
dir="$root/.tools/inspector"
pkg="$dir/node_modules/@modelcontextprotocol/inspector"
node22="$("$root/scripts/node22.sh")"
node20="$(command -v node)"

installed="$("$node20" -p "try { require('$pkg/package.json').version } catch { '' }")"
if [ "$installed" != "$INSPECTOR_VERSION" ]; then
  mkdir -p "$dir"
  npm install --no-audit --no-fund --no-save --loglevel=error --prefix "$dir" "@modelcontextprotocol/inspector@$INSPECTOR_VERSION" >&2
fi
inspector="$pkg/$("$node20" -p "require('$pkg/package.json').bin['mcp-inspector']")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The Inspector keeps a catalog and client state under $HOME; keep the runner's own home untouched.
export HOME="$work/home"
mkdir -p "$HOME"

inspect() { "$node22" "$inspector" --cli --format json --quiet "$@"; }

# smoke LABEL COMMAND...: the server command line to test.
smoke() {
  local label="$1"
  shift
  inspect --method tools/list "$@" >"$work/list.json"
  inspect --method tools/call --tool-name modelarts_stop_intelligent_task \
    --tool-args-json '{"dataset_id":"demo-dataset","task_id":"demo-label-1"}' "$@" >"$work/call.json"
  "$node20" - "$label" "$work/list.json" "$work/call.json" <<'JS'
const [label, listFile, callFile] = process.argv.slice(2);
const read = (f) => JSON.parse(require('node:fs').readFileSync(f, 'utf8')).result;
const fail = (m) => { console.error(`inspector smoke (${label}): ${m}`); process.exit(1); };
const { tools } = read(listFile);
if (!Array.isArray(tools) || tools.length === 0) fail('tools/list returned no tools');
if (!tools.some((t) => t.name === 'modelarts_stop_intelligent_task')) fail('modelarts_stop_intelligent_task is not listed');
const call = read(callFile);
const r = call.structuredContent;
if (call.isError !== false || r?.ok !== true || r?.simulated !== true) fail(`tools/call did not succeed: ${JSON.stringify(call)}`);
console.log(`inspector smoke (${label}): tools/list ${tools.length} tools; tools/call modelarts_stop_intelligent_task -> ok, outcome ${r.outcome}, HTTP ${r.http_status}, simulated`);
JS
}

[ -f dist/cli.js ] || { echo "dist/cli.js is missing: run npm run build" >&2; exit 1; }
smoke "dist/cli.js --simulate" "$node20" dist/cli.js --simulate

[ -f ml-stop-mcp.mcpb ] || { echo "ml-stop-mcp.mcpb is missing: run npm run bundle" >&2; exit 1; }
"$node20" node_modules/@anthropic-ai/mcpb/dist/cli/cli.js unpack ml-stop-mcp.mcpb "$work/bundle" >/dev/null
# The launch line from the unpacked manifest, ${__dirname} resolved, one argument per line.
mapfile -t launch < <("$node20" -e '
const dir = process.argv[1];
const m = require(dir + "/manifest.json").server.mcp_config;
for (const a of m.args) console.log(a.replaceAll("${__dirname}", dir));
' "$work/bundle")
smoke "unpacked ml-stop-mcp.mcpb" "$node20" "${launch[@]}" --simulate
