#!/usr/bin/env bash
# nginx + ngx_http_dav_module (PUT/DELETE/MKCOL/COPY/MOVE) + dav-ext (PROPFIND/OPTIONS/LOCK) serving $ROOT
# on 127.0.0.1:$PORT.  usage: [STATE=dir] [ROOT=dir] [PORT=n] nginx.sh start | STATE=dir nginx.sh stop
NAME=nginx
PIDNAME=nginx.pid
. "$(dirname "$0")/common.sh"

start() {
  ensure_pkgs $PKGS_nginx
  setup_dirs
  local user_line=""
  [ "$(id -u)" -eq 0 ] && user_line="user www-data www-data;"
  mkdir -p "$RUN/tmp"
  cat > "$RUN/nginx.conf" <<CONF
$user_line
daemon on;
worker_processes 1;
pid $RUN/$PIDNAME;
error_log $RUN/error.log warn;
load_module /usr/lib/nginx/modules/ngx_http_dav_ext_module.so;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path $RUN/tmp/body;
  proxy_temp_path $RUN/tmp/proxy;
  fastcgi_temp_path $RUN/tmp/fastcgi;
  uwsgi_temp_path $RUN/tmp/uwsgi;
  scgi_temp_path $RUN/tmp/scgi;
  access_log $RUN/access.log;
  dav_ext_lock_zone zone=davlock:1m;
  server {
    listen 127.0.0.1:$PORT;
    root $ROOT;
    location / {
      dav_methods PUT DELETE MKCOL COPY MOVE;
      dav_ext_methods PROPFIND OPTIONS LOCK UNLOCK;
      dav_ext_lock zone=davlock;
      create_full_put_path on;
      dav_access user:rw group:rw all:r;
      client_max_body_size 0;
    }
  }
}
CONF
  give_to_www_data "$ROOT"
  /usr/sbin/nginx -p "$RUN" -e "$RUN/error.log" -c "$RUN/nginx.conf" || die "nginx failed; see $RUN/error.log"
  wait_ready "$RUN/$PIDNAME" || die "not ready; see $RUN/error.log"
  started "$RUN/$PIDNAME"
}
main "$@"
