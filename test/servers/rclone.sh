#!/usr/bin/env bash
# rclone serve webdav (Go golang.org/x/net/webdav) serving the local directory $ROOT on 127.0.0.1:$PORT.
# usage: [STATE=dir] [ROOT=dir] [PORT=n] rclone.sh start | STATE=dir rclone.sh stop
# Do not add --dir-cache-time 0s: listings become quadratic (Depth 1 on 3,000 files took 135 s).
NAME=rclone
PIDNAME=rclone.pid
. "$(dirname "$0")/common.sh"

start() {
  ensure_pkgs $PKGS_rclone
  setup_dirs
  : > "$RUN/rclone.conf"   # empty config: no remotes, the local path only
  RCLONE_CONFIG="$RUN/rclone.conf" XDG_CACHE_HOME="$RUN/cache" \
    setsid rclone serve webdav "$ROOT" --addr "127.0.0.1:$PORT" \
      --log-file "$RUN/rclone.log" --log-level NOTICE \
      </dev/null >>"$RUN/stdout.log" 2>&1 &
  echo $! > "$RUN/$PIDNAME"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/rclone.log"
  started "$RUN/$PIDNAME"
}
main "$@"
