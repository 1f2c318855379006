<?php
// Front controller of sabre/dav 1.8 (Debian php-sabre-dav) for `php -S`, started by ../sabre.sh.
// SABRE_MODE=files : FSExt tree at SABRE_ROOT (dead properties in .sabredav files), file locks.
// SABRE_MODE=caldav: CalDAV + CardDAV + ACL on SQLite (SABRE_DB), Basic auth admin:admin.
// PHP 8 deprecation notices are logged, never printed: they would end up inside response bodies.
error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
ini_set('display_errors', '0');
ini_set('log_errors', '1');
date_default_timezone_set('UTC');
require_once 'Sabre/autoload.php';

use Sabre\DAV;

if ((getenv('SABRE_MODE') ?: 'files') === 'files') {
    $server = new DAV\Server(new DAV\FSExt\Directory(getenv('SABRE_ROOT')));
    $server->setBaseUri('/');
    $server->addPlugin(new DAV\Locks\Plugin(new DAV\Locks\Backend\File(getenv('SABRE_RUN') . '/locks.dat')));
    $server->exec();
    return;
}

class AdminOnlyBasicAuth extends DAV\Auth\Backend\AbstractBasic {
    protected function validateUserPass($username, $password) {
        return $username === 'admin' && $password === 'admin';
    }
}

$pdo = new PDO('sqlite:' . getenv('SABRE_DB'));
$pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
$principals = new Sabre\DAVACL\PrincipalBackend\PDO($pdo);
$calendars = new Sabre\CalDAV\Backend\PDO($pdo);
$addressBooks = new Sabre\CardDAV\Backend\PDO($pdo);
$server = new DAV\Server(array(
    new Sabre\CalDAV\Principal\Collection($principals),
    new Sabre\CalDAV\CalendarRootNode($principals, $calendars),
    new Sabre\CardDAV\AddressBookRoot($principals, $addressBooks),
));
$server->setBaseUri('/');
$server->addPlugin(new DAV\Auth\Plugin(new AdminOnlyBasicAuth(), 'SabreDAV'));
$server->addPlugin(new Sabre\CalDAV\Plugin());
$server->addPlugin(new Sabre\CardDAV\Plugin());
$server->addPlugin(new Sabre\DAVACL\Plugin());
$server->exec();
