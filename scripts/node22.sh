#!/usr/bin/env bash
# Prints the path of a Node 22 binary (the MCP Inspector and the conformance suite need it); see scripts/node.sh.
exec "$(dirname "$0")/node.sh" 22
