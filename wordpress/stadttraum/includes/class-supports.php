<?php
/**
 * Support dedupe without personal data in clear.
 * - A support belongs to the browser's random token (the wall creates it on the first support
 *   click and sends it as `visitor`), stored only as HMAC-SHA256(salt, idea | token). The salt
 *   is random and rotates every week; hashes made with an older salt than the previous week's
 *   are deleted with it, so after at most two weeks nobody, not even the site's operator, can
 *   link a support to a browser. The count itself stays.
 * - A changed header or a fresh token does not give a new support beyond the daily cap: per idea
 *   and address (IPv6 by /64) at most `support_cap` supports a day (default 40: a school class or
 *   many phones behind a carrier's shared address still fit). The address is kept only as a hash
 *   with a salt of the day (Stadttraum_Visitor) and blanked after two days.
 * - Walls without a token (older versions) are told apart by their browser, within the same cap.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The support table, salts and the dedupe itself. */
final class Stadttraum_Supports {
	const DB_VERSION = '2';
	/** Supports per idea, address and day unless the admin sets another number. */
	const DEFAULT_CAP = 40;
	const SALTS      = 'stadttraum_support_salts';

	public static function init() {
		add_action( 'plugins_loaded', array( __CLASS__, 'maybe_upgrade' ) );
		add_action( 'stadttraum_daily', array( __CLASS__, 'rotate' ) );
		add_action( 'stadttraum_daily', array( 'Stadttraum_Idempotency', 'purge' ) );
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
		$charset  = $wpdb->get_charset_collate();
		$previous = get_option( 'stadttraum_db_version' );
		dbDelta(
			'CREATE TABLE ' . self::table() . " (
  idea_id bigint(20) unsigned NOT NULL,
  hash char(64) NOT NULL,
  period int(10) unsigned NOT NULL,
  addr char(32) NOT NULL DEFAULT '',
  day int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (idea_id,hash),
  KEY period (period),
  KEY cap (idea_id,addr,day)
) $charset;"
		);
		dbDelta( Stadttraum_Idempotency::schema( $charset ) );
		if ( '1' === $previous ) {
			// Writes from other sites stop with this version until the admin allows them: say so.
			update_option( 'stadttraum_upgrade_notice', 1, false );
			// 0.1.0 kept every Idempotency-Key and rate limit as transients in wp_options.
			$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_st\\_idem\\_%' OR option_name LIKE '\\_transient\\_timeout\\_st\\_idem\\_%' OR option_name LIKE '\\_transient\\_st\\_rl\\_%' OR option_name LIKE '\\_transient\\_timeout\\_st\\_rl\\_%'" ); // phpcs:ignore WordPress.DB
		}
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
		global $wpdb;
		self::salts();
		// Address hashes are needed for the daily cap only: blank them after two days.
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . self::table() . " SET addr = '' WHERE addr <> '' AND day < %d", Stadttraum_Visitor::day() - 1 ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/** Deletes hashes whose salt is gone. */
	private static function purge( $period ) {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . self::table() . ' WHERE period < %d', $period - 1 ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/** The supports per idea, address and day. */
	public static function cap() {
		$cap = (int) Stadttraum_Settings::get( 'support_cap' );
		return $cap > 0 ? $cap : self::DEFAULT_CAP;
	}

	/** Hashes of idea | who for the current and the previous salt. */
	private static function hashes( $idea_id, $who ) {
		$salts = self::salts();
		$what  = $idea_id . '|' . $who;
		return array(
			'period'   => $salts['period'],
			'current'  => hash_hmac( 'sha256', $what, $salts['current'] ),
			'previous' => hash_hmac( 'sha256', $what, $salts['previous'] ),
		);
	}

	/** The browser's token, or for walls without one its browser on this address. */
	private static function who( $token ) {
		if ( '' !== $token ) {
			return 't:' . $token;
		}
		$ua = isset( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '';
		return 'a:' . Stadttraum_Visitor::network() . '|' . $ua;
	}

	/**
	 * Adds or withdraws this visitor's support. Check and write happen under a database lock per
	 * idea, so parallel requests can neither double a support nor pass the cap together.
	 *
	 * @return array{changed:bool,duplicate:bool,capped:bool}
	 */
	public static function toggle( $idea_id, $support, $token = '' ) {
		global $wpdb;
		$h     = self::hashes( $idea_id, self::who( $token ) );
		$table = self::table();
		$out   = array(
			'changed'   => false,
			'duplicate' => false,
			'capped'    => false,
		);
		$lock  = 'stadttraum_support_' . (int) $idea_id . '_' . substr( md5( DB_NAME . $table ), 0, 8 );
		if ( 1 !== (int) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 10)', $lock ) ) ) {
			return $out + array( 'busy' => true );
		}
		try {
			if ( $support ) {
				$known = $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $table WHERE idea_id = %d AND hash IN (%s, %s)", $idea_id, $h['current'], $h['previous'] ) ); // phpcs:ignore WordPress.DB
				if ( (int) $known > 0 ) {
					$out['duplicate'] = true;
					return $out;
				}
				$day  = Stadttraum_Visitor::day();
				$addr = Stadttraum_Visitor::address_hash( 'support' );
				$used = $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $table WHERE idea_id = %d AND addr = %s AND day = %d", $idea_id, $addr, $day ) ); // phpcs:ignore WordPress.DB
				if ( (int) $used >= self::cap() ) {
					$out['capped'] = true;
					return $out;
				}
				$added = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO $table (idea_id, hash, period, addr, day) VALUES (%d, %s, %d, %s, %d)", $idea_id, $h['current'], $h['period'], $addr, $day ) ); // phpcs:ignore WordPress.DB
				if ( 1 !== (int) $added ) {
					$out['duplicate'] = true;
					return $out;
				}
				self::count( $idea_id, 1 );
				$out['changed'] = true;
				return $out;
			}
			$removed = $wpdb->query( $wpdb->prepare( "DELETE FROM $table WHERE idea_id = %d AND hash IN (%s, %s)", $idea_id, $h['current'], $h['previous'] ) ); // phpcs:ignore WordPress.DB
			if ( (int) $removed > 0 ) {
				self::count( $idea_id, -1 );
				$out['changed'] = true;
			}
			return $out;
		} finally {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
		}
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
		Stadttraum_Feed::counts_changed();
	}

	public static function forget_idea( $post_id ) {
		global $wpdb;
		$wpdb->delete( self::table(), array( 'idea_id' => (int) $post_id ), array( '%d' ) ); // phpcs:ignore WordPress.DB
	}

	/**
	 * A simple rate limit per visitor network (the same visitor filter as the dedupe: behind a
	 * trusted proxy the forwarded address), in transients keyed by a hash of the day.
	 *
	 * @return bool true when the action is allowed.
	 */
	public static function rate_limit( $action, $max, $seconds ) {
		$key  = 'stadttraum_rl_' . $action . '_' . substr( Stadttraum_Visitor::address_hash( 'rate' ), 0, 24 );
		$hits = (int) get_transient( $key );
		if ( $hits >= $max ) {
			return false;
		}
		set_transient( $key, $hits + 1, $seconds );
		return true;
	}
}
