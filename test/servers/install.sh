#!/usr/bin/env bash
# Install the Debian packages of every live-test server at once (one apt-get update, one install).
# Needs root. Servers are not started: a temporary policy-rc.d keeps apt from starting them on port 80.
# (webdav-server is an npm devDependency: `npm ci` installs it.)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NAME=install
. "$HERE/common.sh"
missing="$(missing_pkgs $PKGS_ALL)"
if [ -z "$missing" ]; then log "all server packages are installed"; exit 0; fi
ensure_pkgs $PKGS_ALL
log "installed: $missing"
