#!/usr/bin/env bash
# Finds a Chromium for the e2e tests: $CHROMIUM_PATH, else /usr/bin/chromium, else one on PATH.
# With none found, installs Debian's chromium when running as root with apt; otherwise explains.
set -euo pipefail

found() { echo "e2e browser: $1"; exit 0; }

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] && found "$CHROMIUM_PATH"
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi
[ -x /usr/bin/chromium ] && found /usr/bin/chromium
for name in chromium chromium-browser; do
  if path=$(command -v "$name" 2>/dev/null); then found "$path"; fi
done

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium found: installing Debian's chromium with apt-get (needed for the e2e tests)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] && found /usr/bin/chromium
fi

echo "No Chromium for the e2e tests: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
