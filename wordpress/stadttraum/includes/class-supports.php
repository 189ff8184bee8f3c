<?php
/**
 * Support dedupe without personal data in clear. A visitor is recognised by
 * HMAC-SHA256(salt, idea | IP address | browser), never stored in clear. The salt is random
 * and rotates every week; hashes made with an older salt than the previous week's are deleted
 * with it, so after at most two weeks nobody, not even the site's operator, can link a support
 * to a visitor. The count itself stays.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The support table, salts and the dedupe itself. */
final class Stadttraum_Supports {
	const DB_VERSION = '1';
	const SALTS      = 'stadttraum_support_salts';

	public static function init() {
		add_action( 'plugins_loaded', array( __CLASS__, 'maybe_upgrade' ) );
		add_action( 'stadttraum_daily', array( __CLASS__, 'rotate' ) );
		add_action(
			'init',
			function () {
				if ( ! wp_next_scheduled( 'stadttraum_daily' ) ) {
					wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', 'stadttraum_daily' );
				}
			}
		);
		add_action( 'deleted_post', array( __CLASS__, 'forget_idea' ) );
	}

	public static function table() {
		global $wpdb;
		return $wpdb->prefix . 'stadttraum_supports';
	}

	public static function install() {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$charset = $wpdb->get_charset_collate();
		dbDelta(
			'CREATE TABLE ' . self::table() . " (
  idea_id bigint(20) unsigned NOT NULL,
  hash char(64) NOT NULL,
  period int(10) unsigned NOT NULL,
  PRIMARY KEY  (idea_id,hash),
  KEY period (period)
) $charset;"
		);
		update_option( 'stadttraum_db_version', self::DB_VERSION, false );
	}

	public static function maybe_upgrade() {
		if ( get_option( 'stadttraum_db_version' ) !== self::DB_VERSION ) {
			self::install();
		}
	}

	/** Length of one salt period in seconds (default: a week). */
	private static function period_length() {
		return max( HOUR_IN_SECONDS, (int) apply_filters( 'stadttraum_support_salt_seconds', WEEK_IN_SECONDS ) );
	}

	/** Current and previous salt; a new period drops the older one and its hashes. */
	public static function salts() {
		$period = (int) floor( time() / self::period_length() );
		$salts  = get_option( self::SALTS );
		if ( ! is_array( $salts ) || ! isset( $salts['period'] ) || (int) $salts['period'] !== $period ) {
			$previous = is_array( $salts ) && isset( $salts['period'] ) && (int) $salts['period'] === $period - 1 ? $salts['current'] : bin2hex( random_bytes( 32 ) );
			$salts    = array(
				'period'   => $period,
				'current'  => bin2hex( random_bytes( 32 ) ),
				'previous' => $previous,
			);
			update_option( self::SALTS, $salts, false );
			self::purge( $period );
		}
		return $salts;
	}

	public static function rotate() {
		self::salts();
	}

	/** Deletes hashes whose salt is gone. */
	private static function purge( $period ) {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . self::table() . ' WHERE period < %d', $period - 1 ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/** The visitor as the server sees them: address and browser (hashed right away, never stored). */
	public static function visitor() {
		$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		$ua = isset( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '';
		/** Filters the visitor fingerprint before hashing, e.g. to use a proxy's client address. */
		return (string) apply_filters( 'stadttraum_visitor', $ip . '|' . $ua );
	}

	/** Hashes for the current and the previous salt. */
	private static function hashes( $idea_id ) {
		$salts = self::salts();
		$what  = $idea_id . '|' . self::visitor();
		return array(
			'period'   => $salts['period'],
			'current'  => hash_hmac( 'sha256', $what, $salts['current'] ),
			'previous' => hash_hmac( 'sha256', $what, $salts['previous'] ),
		);
	}

	/**
	 * Adds or withdraws this visitor's support.
	 *
	 * @return array{changed:bool,duplicate:bool}
	 */
	public static function toggle( $idea_id, $support ) {
		global $wpdb;
		$h     = self::hashes( $idea_id );
		$table = self::table();
		if ( $support ) {
			$known = $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $table WHERE idea_id = %d AND hash IN (%s, %s)", $idea_id, $h['current'], $h['previous'] ) ); // phpcs:ignore WordPress.DB
			if ( (int) $known > 0 ) {
				return array( 'changed' => false, 'duplicate' => true );
			}
			// The primary key makes a racing second request a no-op.
			$added = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO $table (idea_id, hash, period) VALUES (%d, %s, %d)", $idea_id, $h['current'], $h['period'] ) ); // phpcs:ignore WordPress.DB
			if ( 1 !== (int) $added ) {
				return array( 'changed' => false, 'duplicate' => true );
			}
			self::count( $idea_id, 1 );
			return array( 'changed' => true, 'duplicate' => false );
		}
		$removed = $wpdb->query( $wpdb->prepare( "DELETE FROM $table WHERE idea_id = %d AND hash IN (%s, %s)", $idea_id, $h['current'], $h['previous'] ) ); // phpcs:ignore WordPress.DB
		if ( (int) $removed > 0 ) {
			self::count( $idea_id, -1 );
			return array( 'changed' => true, 'duplicate' => false );
		}
		return array( 'changed' => false, 'duplicate' => false );
	}

	/** Atomic change of the online counter. */
	private static function count( $idea_id, $delta ) {
		global $wpdb;
		$key = '_st_supports_online';
		if ( '' === get_post_meta( $idea_id, $key, true ) ) {
			add_post_meta( $idea_id, $key, '0', true );
		}
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->postmeta} SET meta_value = GREATEST(0, CAST(meta_value AS SIGNED) + %d) WHERE post_id = %d AND meta_key = %s", $delta, $idea_id, $key ) ); // phpcs:ignore WordPress.DB
		wp_cache_delete( $idea_id, 'post_meta' );
	}

	public static function forget_idea( $post_id ) {
		global $wpdb;
		$wpdb->delete( self::table(), array( 'idea_id' => (int) $post_id ), array( '%d' ) ); // phpcs:ignore WordPress.DB
	}

	/**
	 * A simple rate limit per hashed visitor address (transients; no address stored).
	 *
	 * @return bool true when the action is allowed.
	 */
	public static function rate_limit( $action, $max, $seconds ) {
		$ip   = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		$salt = self::salts();
		$key  = 'st_rl_' . $action . '_' . substr( hash_hmac( 'sha256', $ip, $salt['current'] ), 0, 24 );
		$hits = (int) get_transient( $key );
		if ( $hits >= $max ) {
			return false;
		}
		set_transient( $key, $hits + 1, $seconds );
		return true;
	}
}
