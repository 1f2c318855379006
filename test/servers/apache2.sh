#!/usr/bin/env bash
# Apache httpd 2.4 + mod_dav + mod_dav_fs serving $ROOT on 127.0.0.1:$PORT, Depth: infinity allowed
# (DAV_DEPTH_INFINITY=Off: refused, as in a stock apache).
# usage: [STATE=dir] [ROOT=dir] [PORT=n] [DAV_DEPTH_INFINITY=On|Off] apache2.sh start
#        prints "URL PID STATE" on its last line
#        STATE=dir apache2.sh stop
# The access log ($STATE/run/access.log) has one line per request:
#   "<request line>" <status> <body bytes generated (%B)> <bytes written to the socket, headers included (%O)>
#   <connection status (%X): X aborted before the response was complete, + kept alive, - closed>
NAME=apache2
PIDNAME=httpd.pid
. "$(dirname "$0")/common.sh"

start() {
  local infinity="${DAV_DEPTH_INFINITY:-On}"
  [ "$infinity" = On ] || [ "$infinity" = Off ] || die "DAV_DEPTH_INFINITY must be On or Off, got $infinity"
  ensure_pkgs $PKGS_apache2
  setup_dirs
  local user_lines="" M=/usr/lib/apache2/modules
  # as root, the children run as www-data; PUT/PROPPATCH/locks write into $ROOT and $RUN
  [ "$(id -u)" -eq 0 ] && user_lines=$'User www-data\nGroup www-data'
  cat > "$RUN/httpd.conf" <<CONF
ServerRoot "$RUN"
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile "$RUN/$PIDNAME"
ErrorLog "$RUN/error.log"
LogLevel warn
LoadModule mpm_event_module $M/mod_mpm_event.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule mime_module $M/mod_mime.so
LoadModule dav_module $M/mod_dav.so
LoadModule dav_fs_module $M/mod_dav_fs.so
TypesConfig /etc/mime.types
$user_lines
DocumentRoot "$ROOT"
DavLockDB "$RUN/DavLock"
LogFormat "\"%r\" %>s %B %O %X" live
CustomLog "$RUN/access.log" live
<Directory "/">
  Require all denied
</Directory>
<Directory "$ROOT">
  Dav On
  DavDepthInfinity $infinity
  Require all granted
  AllowOverride None
</Directory>
CONF
  give_to_www_data "$ROOT" "$RUN"
  /usr/sbin/apache2 -f "$RUN/httpd.conf" -k start || die "apache2 failed; see $RUN/error.log"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/error.log"
  started "$RUN/$PIDNAME"
}
main "$@"
