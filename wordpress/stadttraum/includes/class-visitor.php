<?php
/**
 * Who is writing, as far as the server can tell, used by support dedupe, the daily cap and the
 * rate limits alike: the visitor's address (REMOTE_ADDR, or the client address a trusted proxy
 * forwarded), reduced to its network (IPv4 as is, IPv6 by /64: one household or phone), and
 * the per-browser token the wall sends with a support. Addresses are hashed with a salt that
 * changes every day and are never stored in clear.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The visitor filter. */
final class Stadttraum_Visitor {
	const DAY_SALT = 'stadttraum_day_salt';

	/** Trusted proxies from the settings: addresses or CIDR ranges. */
	private static function proxies() {
		$list = (string) Stadttraum_Settings::get( 'trusted_proxies' );
		return array_filter( array_map( 'trim', preg_split( '/[\s,]+/', $list ) ) );
	}

	/** Whether $ip lies in $range ("203.0.113.7", "10.0.0.0/8", "2001:db8::/32"). */
	public static function in_range( $ip, $range ) {
		$bits = null;
		if ( false !== strpos( $range, '/' ) ) {
			list( $range, $bits ) = explode( '/', $range, 2 );
			$bits                 = (int) $bits;
		}
		$a = @inet_pton( $ip ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- invalid input is expected.
		$b = @inet_pton( $range ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		if ( false === $a || false === $b || strlen( $a ) !== strlen( $b ) ) {
			return false;
		}
		$bits = null === $bits ? strlen( $a ) * 8 : max( 0, min( strlen( $a ) * 8, $bits ) );
		$full = intdiv( $bits, 8 );
		if ( substr( $a, 0, $full ) !== substr( $b, 0, $full ) ) {
			return false;
		}
		$rest = $bits % 8;
		if ( ! $rest ) {
			return true;
		}
		$mask = chr( ( 0xff << ( 8 - $rest ) ) & 0xff );
		return ( $a[ $full ] & $mask ) === ( $b[ $full ] & $mask );
	}

	private static function trusted( $ip ) {
		foreach ( self::proxies() as $range ) {
			if ( self::in_range( $ip, $range ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The client address. X-Forwarded-For is honoured only when the request came from a trusted
	 * proxy, and then read from the right: the first address that is not itself a trusted proxy
	 * (a visitor can put anything at the left end of that header).
	 */
	public static function address() {
		$remote = isset( $_SERVER['REMOTE_ADDR'] ) ? trim( sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) ) : '';
		$ip     = $remote;
		if ( $remote && self::trusted( $remote ) && ! empty( $_SERVER['HTTP_X_FORWARDED_FOR'] ) ) {
			$hops = array_reverse( array_map( 'trim', explode( ',', sanitize_text_field( wp_unslash( $_SERVER['HTTP_X_FORWARDED_FOR'] ) ) ) ) );
			foreach ( $hops as $hop ) {
				if ( false === @inet_pton( $hop ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors
					break; // A malformed entry: stop trusting what lies left of it.
				}
				$ip = $hop;
				if ( ! self::trusted( $hop ) ) {
					break;
				}
			}
		}
		/**
		 * Filters the visitor's address (dedupe, daily cap and rate limits all use it), e.g. for a
		 * CDN that puts the client address into its own header.
		 *
		 * @param string $ip     The address after the trusted-proxy rule.
		 * @param string $remote REMOTE_ADDR.
		 */
		return (string) apply_filters( 'stadttraum_visitor_address', $ip, $remote );
	}

	/** The address's network: IPv4 as is, IPv6 by its /64 (one household or phone). */
	public static function network( $ip = null ) {
		$ip  = null === $ip ? self::address() : $ip;
		$bin = @inet_pton( $ip ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		if ( false === $bin ) {
			return $ip;
		}
		if ( 16 === strlen( $bin ) && 0 !== strpos( $bin, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
			return bin2hex( substr( $bin, 0, 8 ) ) . '::/64';
		}
		return inet_ntop( 16 === strlen( $bin ) ? substr( $bin, 12 ) : $bin );
	}

	/** Today's salt (UTC day); yesterday's is gone, so an address hash links nothing after a day. */
	private static function day_salt() {
		$day  = (int) floor( time() / DAY_IN_SECONDS );
		$salt = get_option( self::DAY_SALT );
		if ( ! is_array( $salt ) || (int) $salt['day'] !== $day ) {
			$salt = array(
				'day'  => $day,
				'salt' => bin2hex( random_bytes( 32 ) ),
			);
			update_option( self::DAY_SALT, $salt, true );
		}
		return $salt;
	}

	/** The current UTC day number. */
	public static function day() {
		return (int) self::day_salt()['day'];
	}

	/** A short hash of the visitor's network for one purpose ($scope), valid for today. */
	public static function address_hash( $scope = '' ) {
		return substr( hash_hmac( 'sha256', $scope . '|' . self::network(), self::day_salt()['salt'] ), 0, 32 );
	}

	/** The browser's random token from a write's body (`visitor`), or '' when absent or malformed. */
	public static function token( $body ) {
		$token = isset( $body['visitor'] ) && is_string( $body['visitor'] ) ? $body['visitor'] : '';
		return preg_match( '/^[A-Za-z0-9_-]{16,128}$/', $token ) ? $token : '';
	}
}
