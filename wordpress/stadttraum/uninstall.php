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
wp_clear_scheduled_hook( 'stadttraum_daily' );
$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}stadttraum_supports" ); // phpcs:ignore WordPress.DB
$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_st\\_%' OR option_name LIKE '\\_transient\\_timeout\\_st\\_%'" ); // phpcs:ignore WordPress.DB
