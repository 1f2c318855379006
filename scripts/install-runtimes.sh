#!/usr/bin/env bash
# Installs Bun and Deno for the runtime tests from their npm packages, at the exact versions pinned
# in scripts/runtimes/package.json (and its lockfile), into scripts/runtimes/node_modules: not
# part of the package or of the main install. Does nothing when both are there at those versions.
# Prints the path of each binary.
set -euo pipefail
cd "$(dirname "$0")/runtimes"

want() { node -p "require('./package.json').devDependencies['$1']"; }
BUN_VERSION=$(want bun)
DENO_VERSION=$(want deno)
BIN=node_modules/.bin

have() {
  [ -x "$BIN/bun" ] && [ -x "$BIN/deno" ] &&
    [ "$("$BIN/bun" --version 2>/dev/null)" = "$BUN_VERSION" ] &&
    "$BIN/deno" --version 2>/dev/null | grep -q "^deno $DENO_VERSION "
}

if ! have; then
  start=$(date +%s)
  # The packages' postinstall scripts put the platform binary (from @oven/bun-<platform> and
  # @deno/<platform>, optional dependencies) in place of the bin stubs.
  npm ci --no-audit --no-fund --foreground-scripts >/dev/null
  if ! have; then
    echo "install-runtimes: bun $BUN_VERSION / deno $DENO_VERSION did not install or do not run on this platform" >&2
    exit 1
  fi
  echo "install-runtimes: installed in $(( $(date +%s) - start )) s"
fi
echo "install-runtimes: bun $("$BIN/bun" --version) at scripts/runtimes/$BIN/bun"
echo "install-runtimes: deno $("$BIN/deno" --version | head -1 | cut -d' ' -f2) at scripts/runtimes/$BIN/deno"
