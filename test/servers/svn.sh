#!/usr/bin/env bash
# Subversion's mod_dav_svn under Apache httpd 2.4 on 127.0.0.1:$PORT: a fresh FSFS repository in
# $STATE/repo, filled at start with one `svn import` of $ROOT (so the tests seed $ROOT as for the
# other servers), served at / with SVNAutoversioning on (plain WebDAV clients can PUT, MKCOL,
# DELETE, COPY, MOVE, LOCK; each write is a commit). getlastmodified is the commit date, not the
# files' mtime. No auth.
# usage: [STATE=dir] [ROOT=dir] [PORT=n] svn.sh start | STATE=dir svn.sh stop
NAME=svn
PIDNAME=httpd.pid
. "$(dirname "$0")/common.sh"

start() {
  ensure_pkgs $PKGS_svn
  setup_dirs
  local repo="$STATE/repo" user_lines="" M=/usr/lib/apache2/modules
  svnadmin create "$repo" || die "svnadmin create failed"
  if [ -n "$(ls -A "$ROOT")" ]; then
    # --no-ignore: import every name (svn skips *.o, .DS_Store... by default); --no-auto-props: no svn:mime-type guessing
    svn import -q --no-ignore --no-auto-props --config-dir "$RUN/svn-config" -m seed "$ROOT" "file://$repo" >"$RUN/import.log" 2>&1 \
      || die "svn import failed; see $RUN/import.log"
  fi
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
LoadModule dav_svn_module $M/mod_dav_svn.so
TypesConfig /etc/mime.types
$user_lines
DocumentRoot "$RUN/empty"
LogFormat "\"%r\" %>s %B %O %X" live
CustomLog "$RUN/access.log" live
<Location />
  DAV svn
  SVNPath "$repo"
  SVNAutoversioning on
  Require all granted
</Location>
CONF
  mkdir -p "$RUN/empty"
  give_to_www_data "$repo" "$RUN"
  /usr/sbin/apache2 -f "$RUN/httpd.conf" -k start || die "apache2 failed; see $RUN/error.log"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/error.log"
  started "$RUN/$PIDNAME"
}
main "$@"
