#!/usr/bin/env bash
# PyWebDAV3 0.9.14 (Debian python3-webdav, `davserver3`) serving $ROOT on 127.0.0.1:$PORT, no auth,
# no mime sniffing. Its 207s carry both Content-Length and Transfer-Encoding: chunked, which fetch
# refuses; allprop crashes it on Python 3.11 (named properties work).
# usage: [STATE=dir] [ROOT=dir] [PORT=n] pywebdav.sh start | STATE=dir pywebdav.sh stop
# Runs Debian's /usr/bin/python3: a python3 earlier on PATH (pyenv...) cannot see Debian's modules.
NAME=pywebdav
PIDNAME=davserver.pid
. "$(dirname "$0")/common.sh"

start() {
  ensure_pkgs $PKGS_pywebdav
  setup_dirs
  (cd "$RUN" && exec setsid /usr/bin/python3 /usr/bin/davserver3 -H 127.0.0.1 -P "$PORT" -D "$ROOT" -n -M \
    </dev/null >>"$RUN/davserver.log" 2>&1) &
  echo $! > "$RUN/$PIDNAME"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/davserver.log"
  started "$RUN/$PIDNAME"
}
main "$@"
