<?php
/**
 * Idempotency-Key in the plugin's own table: a retry of a write (the same key from the same
 * visitor on the same route) gets the first answer instead of a second idea or support.
 * - The key is claimed with one INSERT on a unique column before the write runs, so of N
 *   parallel requests with one key exactly one runs; the others wait for its answer.
 * - Only accepted writes (2xx) are remembered; a refused or failed one frees its key again, so
 *   requests that fail validation leave nothing behind.
 * - Answers expire after a day; the daily clean-up deletes them.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The request table. */
final class Stadttraum_Idempotency {
	/** How long an accepted answer is replayed. */
	const TTL = DAY_IN_SECONDS;
	/** A claim older than this belongs to a request that died; another may take it over. */
	const STALE = 60;

	public static function table() {
		global $wpdb;
		return $wpdb->prefix . 'stadttraum_requests';
	}

	public static function schema( $charset ) {
		return 'CREATE TABLE ' . self::table() . " (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  request_key char(64) NOT NULL,
  status smallint(5) unsigned NOT NULL DEFAULT 0,
  answer longtext NULL,
  created int(10) unsigned NOT NULL,
  expires int(10) unsigned NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY request_key (request_key),
  KEY expires (expires)
) $charset;";
	}

	/** Deletes expired answers and dead claims (daily cron). */
	public static function purge() {
		global $wpdb;
		$table = self::table();
		$wpdb->query( $wpdb->prepare( "DELETE FROM $table WHERE expires < %d OR (status = 0 AND created < %d)", time(), time() - self::STALE ) ); // phpcs:ignore WordPress.DB
	}

	/**
	 * Runs $handler once per key; a replay or a parallel duplicate gets the first answer.
	 *
	 * @param string   $key     Idempotency-Key header ('' runs the handler without memory).
	 * @param string   $scope   Route and visitor, so keys of different routes or visitors never meet.
	 * @param callable $handler Returns a WP_REST_Response.
	 */
	public static function run( $key, $scope, callable $handler ) {
		global $wpdb;
		if ( '' === $key || strlen( $key ) > 200 ) {
			return $handler();
		}
		$table = self::table();
		$id    = hash( 'sha256', $scope . '|' . $key );
		for ( $attempt = 0; $attempt < 3; $attempt++ ) {
			$now     = time();
			$claimed = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO $table (request_key, status, created, expires) VALUES (%s, 0, %d, %d)", $id, $now, $now + self::TTL ) ); // phpcs:ignore WordPress.DB
			if ( false === $claimed ) {
				// No table (an update that has not run yet): write without memory rather than not at all.
				return $handler();
			}
			if ( 1 === (int) $claimed ) {
				try {
					$response = $handler();
				} catch ( Throwable $e ) {
					$wpdb->delete( $table, array( 'request_key' => $id ), array( '%s' ) ); // phpcs:ignore WordPress.DB
					throw $e;
				}
				$status = $response->get_status();
				if ( $status >= 200 && $status < 300 ) {
					$wpdb->update( $table, array( 'status' => $status, 'answer' => wp_json_encode( $response->get_data() ) ), array( 'request_key' => $id ), array( '%d', '%s' ), array( '%s' ) ); // phpcs:ignore WordPress.DB
				} else {
					$wpdb->delete( $table, array( 'request_key' => $id ), array( '%s' ) ); // phpcs:ignore WordPress.DB
				}
				return $response;
			}
			// Someone holds the key: wait (up to ~10 s) for their answer.
			for ( $wait = 0; $wait < 100; $wait++ ) {
				$row = $wpdb->get_row( $wpdb->prepare( "SELECT status, answer, created FROM $table WHERE request_key = %s", $id ) ); // phpcs:ignore WordPress.DB
				if ( ! $row ) {
					break; // Theirs failed and was forgotten: try to claim it ourselves.
				}
				if ( (int) $row->status > 0 ) {
					return new WP_REST_Response( json_decode( $row->answer, true ), (int) $row->status, array( 'Cache-Control' => 'no-store' ) );
				}
				if ( (int) $row->created < time() - self::STALE ) {
					$wpdb->delete( $table, array( 'request_key' => $id, 'status' => 0 ), array( '%s', '%d' ) ); // phpcs:ignore WordPress.DB
					break;
				}
				usleep( 100000 );
			}
		}
		$message = __( 'This request is already being processed. Please try again in a moment.', 'stadttraum' );
		return new WP_REST_Response(
			array(
				'code'    => 'in-progress',
				'message' => $message,
				'error'   => array(
					'code'    => 'in-progress',
					'message' => $message,
				),
			),
			409,
			array( 'Cache-Control' => 'no-store' )
		);
	}
}
