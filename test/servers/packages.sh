# Debian packages of the live-test servers, by server. Sourced by common.sh and install.sh.
# sabre/dav: Debian's php-sabre-dav (1.8.12); composer is not used (it would need the internet).
PKGS_apache2="apache2"
PKGS_nginx="nginx libnginx-mod-http-dav-ext"
PKGS_lighttpd="lighttpd lighttpd-mod-webdav"
PKGS_rclone="rclone"
PKGS_radicale="radicale"
PKGS_sabre="php-cli php-sabre-dav php-xml php-mbstring php-sqlite3"
PKGS_xandikos="xandikos"
# Subversion's mod_dav_svn under apache2 (svnadmin/svn to make and fill the repository).
PKGS_svn="apache2 libapache2-mod-svn subversion"
PKGS_chezdav="chezdav"
PKGS_pywebdav="python3-webdav"
# curl: the start scripts poll readiness with it.
PKGS_ALL="curl $PKGS_apache2 $PKGS_nginx $PKGS_lighttpd $PKGS_rclone $PKGS_radicale $PKGS_sabre $PKGS_xandikos $PKGS_svn $PKGS_chezdav $PKGS_pywebdav"
