<?php
/**
 * Removing the plugin deletes its own data, on every site of a multisite: settings, salts,
 * support hashes, remembered requests, the list of refused origins, feed stamps and caches, and
 * its transients (names starting with "stadttraum_", and the "st_idem_" / "st_rl_" ones of
 * 0.1.0). Nothing else: other plugins' options and transients stay, whatever their names. The
 * ideas themselves are content written by people and stay in the database (as posts of type
 * "stadttraum_idee"); delete them under "Ideen" before removing the plugin if they should go too.
 *
 * @package stadttraum
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/** Deletes the plugin's data of the current site. */
function stadttraum_uninstall_site() {
	global $wpdb;
	$options = array( 'stadttraum_settings', 'stadttraum_support_salts', 'stadttraum_db_version', 'stadttraum_day_salt', 'stadttraum_refused_origins', 'stadttraum_upgrade_notice', 'stadttraum_feed_version', 'stadttraum_counts_version' );
	foreach ( $options as $name ) {
		delete_option( $name );
	}
	wp_clear_scheduled_hook( 'stadttraum_daily' );
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}stadttraum_supports" ); // phpcs:ignore WordPress.DB
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}stadttraum_requests" ); // phpcs:ignore WordPress.DB
	foreach ( array( 'stadttraum\\_', 'st\\_idem\\_', 'st\\_rl\\_' ) as $prefix ) {
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_{$prefix}%' OR option_name LIKE '\\_transient\\_timeout\\_{$prefix}%'" ); // phpcs:ignore WordPress.DB
	}
}

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $stadttraum_site ) {
		switch_to_blog( $stadttraum_site );
		stadttraum_uninstall_site();
		restore_current_blog();
	}
} else {
	stadttraum_uninstall_site();
}
