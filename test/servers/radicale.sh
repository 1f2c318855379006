#!/usr/bin/env bash
# Radicale 3 (CalDAV/CardDAV, sync-collection) on 127.0.0.1:$PORT; auth none (any user:password),
# rights owner_only, collections stored under $ROOT.
# usage: [STATE=dir] [ROOT=dir] [PORT=n] radicale.sh start | STATE=dir radicale.sh stop
# Runs Debian's /usr/bin/python3: a python3 earlier on PATH (pyenv...) cannot see Debian's modules.
NAME=radicale
PIDNAME=radicale.pid
. "$(dirname "$0")/common.sh"

start() {
  ensure_pkgs $PKGS_radicale
  setup_dirs
  cat > "$RUN/config" <<CONF
[server]
hosts = 127.0.0.1:$PORT
[auth]
type = none
[rights]
type = owner_only
[storage]
filesystem_folder = $ROOT
[web]
type = none
[logging]
level = ${RADICALE_LOG:-warning}
CONF
  setsid /usr/bin/python3 -m radicale --config "$RUN/config" </dev/null >>"$RUN/radicale.log" 2>&1 &
  echo $! > "$RUN/$PIDNAME"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/radicale.log"
  started "$RUN/$PIDNAME"
}
main "$@"
