#!/usr/bin/env bash
# chezdav (GNOME phodav 3.0, libsoup 3) serving $ROOT on 127.0.0.1:$PORT (`--local`: loopback only,
# which for chezdav is 127.0.0.1 and [::1]); no mDNS, no auth.
# usage: [STATE=dir] [ROOT=dir] [PORT=n] chezdav.sh start | STATE=dir chezdav.sh stop
NAME=chezdav
PIDNAME=chezdav.pid
. "$(dirname "$0")/common.sh"

start() {
  ensure_pkgs $PKGS_chezdav
  setup_dirs
  setsid chezdav --local --no-mdns -p "$PORT" -P "$ROOT" </dev/null >>"$RUN/chezdav.log" 2>&1 &
  echo $! > "$RUN/$PIDNAME"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/chezdav.log"
  started "$RUN/$PIDNAME"
}
main "$@"
