<?php
// A multisite next to the test site (same database, table prefix "ms_", no web server): two
// sites with the plugin active network-wide, each with its data and another plugin's, then the
// plugin's uninstall.php. Prints what is left per site as JSON, then drops the ms_ tables.
// php multisite.php install|check <wordpress dir>   (install first, check in a second process:
// MULTISITE must be defined before WordPress loads, and only exists after the network is set up)
// phpcs:disable

list( , $step, $dir ) = $argv;
$config = file_get_contents( $dir . '/wp-config.php' );
foreach ( array( 'DB_NAME', 'DB_USER', 'DB_PASSWORD', 'DB_HOST' ) as $name ) {
	preg_match( "/define\\( '$name', '([^']*)' \\)/", $config, $m );
	define( $name, $m[1] );
}
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'ABSPATH', $dir . '/' );
define( 'WP_CONTENT_DIR', $dir . '/wp-content' );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_DEBUG', false );
$table_prefix            = 'ms_';
$_SERVER['HTTP_HOST']    = 'ms.example';
$_SERVER['SERVER_NAME']  = 'ms.example';
$_SERVER['REQUEST_URI']  = '/';
$_SERVER['SERVER_PORT']  = 80;
$_SERVER['REMOTE_ADDR']  = '127.0.0.1';

if ( 'install' === $step ) {
	define( 'WP_INSTALLING', true );
	require ABSPATH . 'wp-settings.php';
	global $wpdb;
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	require_once ABSPATH . 'wp-admin/includes/network.php';
	wp_install( 'Netz', 'admin', 'admin@example.org', false, '', 'stadttraum-test' );
	// What wp-admin/network.php does: name the network tables before they exist.
	foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed ) {
		$wpdb->$table = $prefixed;
	}
	install_network();
	$result = populate_network( 1, 'ms.example', 'admin@example.org', 'Netz', '/', false );
	echo wp_json_encode( array( 'network' => is_wp_error( $result ) ? $result->get_error_message() : true ) ), "\n";
	exit;
}

define( 'MULTISITE', true );
define( 'SUBDOMAIN_INSTALL', false );
define( 'DOMAIN_CURRENT_SITE', 'ms.example' );
define( 'PATH_CURRENT_SITE', '/' );
define( 'SITE_ID_CURRENT_SITE', 1 );
define( 'BLOG_ID_CURRENT_SITE', 1 );
require ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
global $wpdb;
wp_set_current_user( 1 );
$second = wpmu_create_blog( 'ms.example', '/zwei/', 'Zwei', 1 );
wp_installing( false ); // left on by creating the site; transients would go to the memory cache only
activate_plugin( 'stadttraum/stadttraum.php', '', true );
$sites  = array( 1, (int) $second );
$before = array();
foreach ( $sites as $site ) {
	switch_to_blog( $site );
	Stadttraum_Supports::install();
	update_option( 'stadttraum_settings', array( 'lang' => 'de' ) );
	set_transient( 'stadttraum_rl_probe', 1, HOUR_IN_SECONDS );
	set_transient( 'st_fremd', 1, HOUR_IN_SECONDS ); // another plugin's, with a similar name
	update_option( 'fremd_plugin', 'bleibt' );
	$before[ $site ] = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name IN ('_transient_stadttraum_rl_probe', '_transient_st_fremd', 'stadttraum_settings')" );
	restore_current_blog();
}
define( 'WP_UNINSTALL_PLUGIN', 'stadttraum/stadttraum.php' );
include WP_PLUGIN_DIR . '/stadttraum/uninstall.php';
wp_cache_flush();
$out = array();
foreach ( $sites as $site ) {
	switch_to_blog( $site );
	$prefix       = $wpdb->esc_like( $wpdb->prefix . 'stadttraum_' );
	$out[ $site ] = array(
		'tables'  => (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE %s', $prefix . '%' ) ),
		'ours'    => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%stadttraum\\_%' AND option_name <> 'stadttraum_kategorie_children'" ),
		'before'  => $before[ $site ], // what was there to delete (and to keep): 3 rows
		'foreign' => false !== get_transient( 'st_fremd' ) && 'bleibt' === get_option( 'fremd_plugin' ),
	);
	restore_current_blog();
}
// Leave the shared database as it was.
foreach ( $wpdb->get_col( "SHOW TABLES LIKE 'ms\\_%'" ) as $table ) {
	$wpdb->query( "DROP TABLE `$table`" );
}
echo wp_json_encode( array( 'sites' => $out ) ), "\n";
