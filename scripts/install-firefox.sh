#!/usr/bin/env bash
# Installs Debian's `firefox-esr` package when /usr/bin/firefox-esr is missing.
# The Firefox test (npm run test:firefox) drives that binary over WebDriver BiDi through
# puppeteer-core; no browser or driver is downloaded.
set -euo pipefail

FIREFOX=/usr/bin/firefox-esr

if [ -x "$FIREFOX" ]; then
  echo "install-firefox: $FIREFOX present: $("$FIREFOX" --version 2>/dev/null || echo 'version unknown')"
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-firefox: $FIREFOX is missing." >&2
  echo "Install Debian's firefox-esr package (as root): apt-get update && apt-get install -y --no-install-recommends firefox-esr" >&2
  exit 1
fi

start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# Wait for a dpkg lock held by another install rather than failing at once.
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends firefox-esr >/dev/null
end=$(date +%s)
echo "install-firefox: installed $("$FIREFOX" --version 2>/dev/null) in $((end - start)) s"
