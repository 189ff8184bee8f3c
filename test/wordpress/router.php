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
// The playground builds of WordPress (6.5) lack the static assets they list in this file (the
// playground loads them from a CDN). A plain 404 for those, not WordPress's HTML answer, so a
// page shows what is missing instead of a syntax error from an HTML "script".
$stripped = $root . '/wordpress-remote-asset-paths';
if ( is_file( $stripped ) && in_array( ltrim( $path, '/' ), file( $stripped, FILE_IGNORE_NEW_LINES ), true ) ) {
	http_response_code( 404 );
	header( 'X-Stadttraum-Stripped: 1' );
	exit;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir( $root );
require $root . '/index.php';
