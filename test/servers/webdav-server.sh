#!/usr/bin/env bash
# npm webdav-server 2.6.3 (a devDependency: `npm ci` installs it) serving $ROOT on 127.0.0.1:$PORT
# with a PhysicalFileSystem and its stock options (Depth: infinity refused; props and locks in memory).
# usage: [STATE=dir] [ROOT=dir] [PORT=n] webdav-server.sh start | STATE=dir webdav-server.sh stop
NAME=webdav-server
PIDNAME=node.pid
. "$(dirname "$0")/common.sh"

start() {
  [ -f "$HERE/../../node_modules/webdav-server/package.json" ] || die "npm package webdav-server is missing: run npm ci"
  setup_dirs
  WDS_ROOT="$ROOT" WDS_PORT="$PORT" \
    setsid node "$HERE/webdav-server/server.mjs" </dev/null >>"$RUN/server.log" 2>&1 &
  echo $! > "$RUN/$PIDNAME"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/server.log"
  started "$RUN/$PIDNAME"
}
main "$@"
