#!/usr/bin/env bash
# Installs Debian's `chromium` package when /usr/bin/chromium is missing.
# The browser test (npm run test:browser) drives that binary through playwright-core;
# playwright's own browser download is not used (it needs hosts other than the npm registry).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "install-chromium: $CHROMIUM present: $("$CHROMIUM" --version 2>/dev/null || echo 'version unknown')"
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $CHROMIUM is missing." >&2
  echo "Install Debian's chromium package (as root): apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation" >&2
  exit 1
fi

start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
end=$(date +%s)
echo "install-chromium: installed $("$CHROMIUM" --version 2>/dev/null) in $((end - start)) s"
