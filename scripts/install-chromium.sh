#!/usr/bin/env bash
# Installs Debian's chromium for the browser test of the running-tasks page (test/e2e/app-browser.test.ts), which
# drives it with playwright-core: no browser download from anywhere but the Debian package mirrors. Prints the
# browser's path. Exits 0 when it is there (already, or now), 1 with the reason when it cannot be installed.
set -euo pipefail

find_browser() {
  for b in "${ML_STOP_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$b" ] && [ -x "$b" ]; then
      echo "$b"
      return 0
    fi
  done
  return 1
}

if find_browser; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "install-chromium: no apt-get here (not Debian or Ubuntu); install chromium and set ML_STOP_CHROMIUM to its path" >&2
  exit 1
fi
SUDO=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "install-chromium: apt-get needs root (or password-less sudo); run: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
echo "install-chromium: apt-get install chromium (from the Debian package mirrors)" >&2
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
apt() {
  if ! DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get "$@" >"$LOG" 2>&1; then
    tail -n 20 "$LOG" >&2
    echo "install-chromium: apt-get $1 failed" >&2
    exit 1
  fi
}
apt update
apt install -y --no-install-recommends chromium fonts-dejavu-core
find_browser || { echo "install-chromium: chromium installed, but no binary found" >&2; exit 1; }
