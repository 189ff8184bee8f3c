<?php
// Router for PHP's built-in server: files are served as they are, everything else goes to
// WordPress's front controller (pretty permalinks, /wp-json/…).
$root = $_SERVER['DOCUMENT_ROOT'];
$path = urldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$file = realpath( $root . $path );
if ( $file && is_file( $file ) ) {
	return false;
}
if ( $file && is_dir( $file ) && is_file( $file . '/index.php' ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir( $root );
require $root . '/index.php';
