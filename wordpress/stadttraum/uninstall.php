<?php
/**
 * Removing the plugin deletes its settings, salts and support hashes. The ideas themselves are
 * content written by people and stay in the database (as posts of type "stadttraum_idee");
 * delete them under "Ideen" before removing the plugin if they should go too.
 *
 * @package stadttraum
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

global $wpdb;
delete_option( 'stadttraum_settings' );
delete_option( 'stadttraum_support_salts' );
delete_option( 'stadttraum_db_version' );
foreach ( array( 'stadttraum_day_salt', 'stadttraum_refused_origins', 'stadttraum_upgrade_notice', 'stadttraum_feed_version', 'stadttraum_counts_version' ) as $name ) {
	delete_option( $name );
}
wp_clear_scheduled_hook( 'stadttraum_daily' );
$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}stadttraum_supports" ); // phpcs:ignore WordPress.DB
$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}stadttraum_requests" ); // phpcs:ignore WordPress.DB
$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_st\\_%' OR option_name LIKE '\\_transient\\_timeout\\_st\\_%'" ); // phpcs:ignore WordPress.DB
