#!/usr/bin/env bash
# sabre/dav 1.8.12 (Debian php-sabre-dav; sabre 4.x is composer-only) under PHP's built-in server.
#   [STATE=dir] [ROOT=dir] [PORT=n] sabre.sh start     files: FSExt tree at $ROOT (dead props in .sabredav files)
#   SABRE_MODE=caldav sabre.sh start                   CalDAV + CardDAV + ACL on SQLite ($ROOT/sabre.sqlite),
#       Basic auth admin:admin, /principals/admin/, /calendars/admin/, /addressbooks/admin/
#   STATE=dir sabre.sh stop
SABRE_MODE="${SABRE_MODE:-files}"
if [ "$SABRE_MODE" = caldav ]; then NAME=sabre-caldav; else NAME=sabre; fi
PIDNAME=php.pid
. "$(dirname "$0")/common.sh"

start() {
  ensure_pkgs $PKGS_sabre
  setup_dirs
  if [ "$SABRE_MODE" = caldav ] && [ ! -f "$ROOT/sabre.sqlite" ]; then
    SABRE_DB="$ROOT/sabre.sqlite" php -r '
      $pdo = new PDO("sqlite:" . getenv("SABRE_DB"));
      foreach (["principals", "calendars", "addressbooks", "locks"] as $t)
        $pdo->exec(file_get_contents("/usr/share/doc/php-sabre-dav/examples/sql/sqlite.$t.sql"));' \
      || die "sqlite init failed"
  fi
  SABRE_MODE="$SABRE_MODE" SABRE_ROOT="$ROOT" SABRE_RUN="$RUN" SABRE_DB="$ROOT/sabre.sqlite" \
    setsid php -d "error_log=$RUN/php-error.log" -d memory_limit=1G -S "127.0.0.1:$PORT" "$HERE/sabre/server.php" \
      </dev/null >>"$RUN/php.log" 2>&1 &
  echo $! > "$RUN/$PIDNAME"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/php.log"
  started "$RUN/$PIDNAME"
}
main "$@"
