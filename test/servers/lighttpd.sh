#!/usr/bin/env bash
# lighttpd 1.4 + mod_webdav (dead props and locks in SQLite, Depth: infinity enabled) serving $ROOT
# on 127.0.0.1:$PORT.  usage: [STATE=dir] [ROOT=dir] [PORT=n] lighttpd.sh start | STATE=dir lighttpd.sh stop
NAME=lighttpd
PIDNAME=lighttpd.pid
. "$(dirname "$0")/common.sh"

start() {
  ensure_pkgs $PKGS_lighttpd
  setup_dirs
  mkdir -p "$RUN/tmp"
  local user_lines=""
  [ "$(id -u)" -eq 0 ] && user_lines=$'server.username = "www-data"\nserver.groupname = "www-data"'
  cat > "$RUN/lighttpd.conf" <<CONF
server.modules = ( "mod_webdav", "mod_accesslog" )
server.document-root = "$ROOT"
server.bind = "127.0.0.1"
server.port = $PORT
server.pid-file = "$RUN/$PIDNAME"
server.errorlog = "$RUN/error.log"
server.upload-dirs = ( "$RUN/tmp" )
accesslog.filename = "$RUN/access.log"
$user_lines
include_shell "/usr/share/lighttpd/create-mime.conf.pl"
webdav.activate = "enable"
webdav.is-readonly = "disable"
webdav.sqlite-db-name = "$RUN/webdav.sqlite"
webdav.opts = ( "propfind-depth-infinity" => "enable" )
CONF
  give_to_www_data "$ROOT" "$RUN"
  /usr/sbin/lighttpd -tt -f "$RUN/lighttpd.conf" >/dev/null || die "config test failed"
  /usr/sbin/lighttpd -f "$RUN/lighttpd.conf" || die "lighttpd failed; see $RUN/error.log"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/error.log"
  started "$RUN/$PIDNAME"
}
main "$@"
