# Debian packages of the live-test servers, by server. Sourced by common.sh and install.sh.
# sabre/dav: Debian's php-sabre-dav (1.8.12); composer is not used (it would need the internet).
PKGS_apache2="apache2"
PKGS_nginx="nginx libnginx-mod-http-dav-ext"
PKGS_lighttpd="lighttpd lighttpd-mod-webdav"
PKGS_rclone="rclone"
PKGS_radicale="radicale"
PKGS_sabre="php-cli php-sabre-dav php-xml php-mbstring php-sqlite3"
# curl: the start scripts poll readiness with it.
PKGS_ALL="curl $PKGS_apache2 $PKGS_nginx $PKGS_lighttpd $PKGS_rclone $PKGS_radicale $PKGS_sabre"
