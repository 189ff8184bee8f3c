<?php
/**
 * Removing the plugin deletes its own data, on every site of a multisite: settings, salts,
 * support hashes, remembered requests, the list of refused origins, feed stamps and caches, the
 * youth budget's voting tables (code batches, ballots: export the result first), and
 * its transients (names starting with "stadttraum_", and the "st_idem_" / "st_rl_" ones of
 * 0.1.0). Nothing else: other plugins' options and transients stay, whatever their names. The
 * content (ideas and their categories, benches, card partners, logo groups; not the images in the media library) is written by people and stays, unless the site switched
 * on "Delete the content too" (Settings → stadttraum; off by default, since an uninstall cannot ask).
 *
 * @package stadttraum
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/** Deletes the plugin's data of the current site. */
function stadttraum_uninstall_site() {
	global $wpdb;
	$settings = get_option( 'stadttraum_settings' );
	if ( is_array( $settings ) && ! empty( $settings['delete_content'] ) ) {
		stadttraum_uninstall_content();
	}
	$options = array( 'stadttraum_settings', 'stadttraum_support_salts', 'stadttraum_db_version', 'stadttraum_day_salt', 'stadttraum_refused_origins', 'stadttraum_upgrade_notice', 'stadttraum_feed_version', 'stadttraum_counts_version', 'stadttraum_benches_version', 'stadttraum_partners_version', 'stadttraum_logos_version', 'stadttraum_card_version', 'stadttraum_vote', 'stadttraum_vote_db_version', 'stadttraum_vote_secret', 'stadttraum_vote_result' );
	foreach ( $options as $name ) {
		delete_option( $name );
	}
	wp_clear_scheduled_hook( 'stadttraum_daily' );
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}stadttraum_supports" ); // phpcs:ignore WordPress.DB
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}stadttraum_requests" ); // phpcs:ignore WordPress.DB
	// The youth budget's vote: code batches (hashed codes), ballots, browsers that voted (hashed). Export the result as a Pabulib file first.
	foreach ( array( 'batches', 'codes', 'ballots', 'voters' ) as $table ) {
		$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}stadttraum_vote_{$table}" ); // phpcs:ignore WordPress.DB
	}
	foreach ( array( 'stadttraum\\_', 'st\\_idem\\_', 'st\\_rl\\_' ) as $prefix ) {
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_{$prefix}%' OR option_name LIKE '\\_transient\\_timeout\\_{$prefix}%'" ); // phpcs:ignore WordPress.DB
	}
}

/** The content of the current site: posts of the plugin's types (with meta and revisions), its terms. */
function stadttraum_uninstall_content() {
	global $wpdb;
	$types = array( 'stadttraum_idee', 'stadttraum_bank', 'stadttraum_partner', 'stadttraum_logos' );
	foreach ( $types as $type ) {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the post type is not registered during uninstall.
		foreach ( $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE post_type = %s", $type ) ) as $id ) {
			wp_delete_post( (int) $id, true );
		}
	}
	delete_option( 'stadttraum_card_programme' ); // the card's programme text
	foreach ( array( 'stadttraum_kategorie' ) as $taxonomy ) {
		register_taxonomy( $taxonomy, array() ); // unregistered while the plugin is inactive
		foreach ( get_terms( array( 'taxonomy' => $taxonomy, 'hide_empty' => false, 'fields' => 'ids' ) ) as $term ) {
			wp_delete_term( (int) $term, $taxonomy );
		}
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
