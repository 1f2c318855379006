#!/usr/bin/env bash
# xandikos (CalDAV/CardDAV on git-backed collections, sync-collection) on 127.0.0.1:$PORT; no auth,
# collections stored under $ROOT (--autocreate: the principal /user/ and its homes are made at start;
# calendars and address books are made by the tests with MKCALENDAR / extended MKCOL).
# usage: [STATE=dir] [ROOT=dir] [PORT=n] xandikos.sh start | STATE=dir xandikos.sh stop
# Runs Debian's /usr/bin/python3: a python3 earlier on PATH (pyenv...) cannot see Debian's modules.
NAME=xandikos
PIDNAME=xandikos.pid
. "$(dirname "$0")/common.sh"

start() {
  ensure_pkgs $PKGS_xandikos
  setup_dirs
  # git (which xandikos commits through) needs an identity; keep it out of the user's ~/.gitconfig
  HOME="$RUN" GIT_CONFIG_NOSYSTEM=1 \
    setsid /usr/bin/python3 /usr/bin/xandikos -d "$ROOT" --autocreate -l 127.0.0.1 -p "$PORT" \
      --current-user-principal /user/ </dev/null >>"$RUN/xandikos.log" 2>&1 &
  echo $! > "$RUN/$PIDNAME"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/xandikos.log"
  started "$RUN/$PIDNAME"
}
main "$@"
