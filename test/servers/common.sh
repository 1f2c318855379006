#!/usr/bin/env bash
# Helpers for the live-test server scripts. Source it; do not run it.
# Every server binds 127.0.0.1 only, keeps its config, pid and logs in $STATE/run and serves $ROOT.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/packages.sh"

log() { printf '[%s] %s\n' "${NAME:-server}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# missing_pkgs PKG... : print the packages that are not installed.
missing_pkgs() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}

# ensure_pkgs PKG... : install missing Debian packages (root only; otherwise say what to install and fail).
# A temporary policy-rc.d keeps apt from starting the stock services on port 80.
ensure_pkgs() {
  local missing
  missing="$(missing_pkgs "$@")"
  [ -z "$missing" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: $missing-- install them with: sudo apt-get install --no-install-recommends $missing(or run test/servers/install.sh as root)"
  log "installing: $missing"
  local prc=/usr/sbin/policy-rc.d made_prc=0
  if [ ! -e "$prc" ]; then printf '#!/bin/sh\nexit 101\n' > "$prc"; chmod +x "$prc"; made_prc=1; fi
  # shellcheck disable=SC2086
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null; } \
    || { [ "$made_prc" -eq 1 ] && rm -f "$prc"; die "apt-get install $missing failed"; }
  [ "$made_prc" -eq 1 ] && rm -f "$prc"
  return 0
}

# free_port : an unused TCP port on 127.0.0.1 (asks the kernel for one).
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# setup_dirs : STATE (temp dir unless given), RUN, ROOT (default $STATE/root), PORT (free unless given), URL.
setup_dirs() {
  STATE="${STATE:-$(mktemp -d "${TMPDIR:-/tmp}/multistatus-$NAME.XXXXXX")}"
  RUN="$STATE/run"
  ROOT="${ROOT:-$STATE/root}"
  mkdir -p "$RUN" "$ROOT"
  chmod 755 "$STATE"   # servers that drop to www-data must reach $ROOT
  PORT="${PORT:-$(free_port)}"
  URL="http://127.0.0.1:$PORT/"
}

# give_to_www_data DIR... : as root, servers run their workers as www-data, which must own what they write.
give_to_www_data() {
  [ "$(id -u)" -eq 0 ] || return 0
  chown -R www-data:www-data "$@"
}

# wait_ready PIDFILE [TRIES] : poll with OPTIONS every 50 ms until any HTTP status answers (bounded);
# gives up early when the pid has exited.
wait_ready() {
  local pf="$1" tries="${2:-200}" code i
  for ((i = 1; i <= tries; i++)); do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' -X OPTIONS "$URL" 2>/dev/null || true)
    if [ -n "$code" ] && [ "$code" != "000" ]; then return 0; fi
    if [ -f "$pf" ] && ! kill -0 "$(cat "$pf")" 2>/dev/null; then log "process exited"; return 1; fi
    sleep 0.05
  done
  log "no answer after $tries tries"
  return 1
}

# started PIDFILE : the last line on stdout, read by the test harness: URL PID STATE
started() { printf '%s %s %s\n' "$URL" "$(cat "$1")" "$STATE"; }

# stop_pidfile PIDFILE : TERM the pid, wait (bounded), KILL if still alive.
stop_pidfile() {
  local pf="$1" pid i
  [ -f "$pf" ] || { log "not running (no $pf)"; return 0; }
  pid=$(cat "$pf" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$pf"
}

# main NAME_OF_START_FN : dispatch start|stop.  stop needs STATE (the dir printed by start).
main() {
  case "${1:-start}" in
    start) start ;;
    stop) [ -n "${STATE:-}" ] || die "stop needs STATE=<the state dir printed by start>"; RUN="$STATE/run"; stop_pidfile "$RUN/$PIDNAME" ;;
    *) die "usage: [STATE=dir] [ROOT=dir] [PORT=n] $0 start|stop" ;;
  esac
}
