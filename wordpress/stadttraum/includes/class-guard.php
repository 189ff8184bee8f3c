<?php
/**
 * Which pages may write (support, submit). A browser attaches its visitor's address to every
 * request, so a page on any other site could otherwise make its visitors support ideas or
 * submit spam. Writes are accepted only
 *   - with a JSON body (`Content-Type: application/json`): a form or a `text/plain` fetch, the
 *     requests another site can send without asking, are refused;
 *   - from this site itself, or from an origin the admin allowed (Settings → stadttraum →
 *     "Einbetten auf anderen Websites");
 *   - when the browser sent `Origin: null` or none (host pages with `Referrer-Policy:
 *     no-referrer` do that on same-origin requests), when `Sec-Fetch-Site` says
 *     `same-origin` (or `none`); a request without either header did not come from a browser's
 *     page and cannot carry a visitor along.
 * A refusal is a 403 with { code, message } (and the same inside `error`, the widget's format).
 * Refused origins are listed for the admin with a one-click "allow".
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** Origin and content-type check of the write routes, CORS for allowed origins. */
final class Stadttraum_Guard {
	const REFUSED = 'stadttraum_refused_origins';

	public static function init() {
		add_filter( 'rest_allowed_cors_headers', array( __CLASS__, 'allowed_headers' ) );
		add_filter( 'rest_exposed_cors_headers', array( __CLASS__, 'exposed_headers' ) );
		add_filter( 'rest_pre_dispatch', array( __CLASS__, 'preflight' ), 10, 3 );
	}

	/** Request headers a cross-site wall sends: WordPress allows Content-Type already. */
	public static function allowed_headers( $headers ) {
		return array_values( array_unique( array_merge( (array) $headers, array( 'Content-Type', 'Idempotency-Key' ) ) ) );
	}

	/** Response headers a cross-site wall reads when it refreshes. */
	public static function exposed_headers( $headers ) {
		return array_values( array_unique( array_merge( (array) $headers, array( 'ETag', 'Last-Modified' ) ) ) );
	}

	/** scheme://host[:port] of a URL, lower case, default ports left out; '' if it is none. */
	public static function origin_of( $url ) {
		$p = wp_parse_url( trim( (string) $url ) );
		if ( ! is_array( $p ) || empty( $p['scheme'] ) || empty( $p['host'] ) || ! in_array( strtolower( $p['scheme'] ), array( 'http', 'https' ), true ) ) {
			return '';
		}
		$scheme = strtolower( $p['scheme'] );
		$port   = isset( $p['port'] ) ? (int) $p['port'] : 0;
		$port   = ( 'http' === $scheme && 80 === $port ) || ( 'https' === $scheme && 443 === $port ) ? 0 : $port;
		return $scheme . '://' . strtolower( $p['host'] ) . ( $port ? ':' . $port : '' );
	}

	/** The site's own origins and the admin's allow-list. */
	public static function allowed_origins() {
		$own   = array( self::origin_of( home_url() ), self::origin_of( site_url() ) );
		$extra = preg_split( '/\s+/', (string) Stadttraum_Settings::get( 'allowed_origins' ) );
		$list  = array_filter( array_unique( array_merge( $own, array_map( array( __CLASS__, 'origin_of' ), $extra ) ) ) );
		/** Filters the origins whose pages may write (support, submit). */
		return array_values( (array) apply_filters( 'stadttraum_allowed_origins', $list ) );
	}

	/**
	 * A refusal: 403 with { code, message } at the top level (as WordPress words REST errors) and
	 * the same inside `error` (the wall's error format). `message` is for the webmaster (the wall
	 * writes it to the console); the visitor reads the wall's own sentence, chosen by `code`.
	 */
	public static function refuse( $code, $message, $extra = array() ) {
		$error = array(
			'code'    => $code,
			'message' => $message,
		);
		return new WP_REST_Response( $error + $extra + array( 'error' => $error ), 403, array( 'Cache-Control' => 'no-store' ) );
	}

	/**
	 * null when the write may go ahead, else the 403 answer.
	 *
	 * @param WP_REST_Request $request The write.
	 */
	public static function check( WP_REST_Request $request ) {
		$type = strtolower( trim( explode( ';', (string) $request->get_header( 'content_type' ) )[0] ) );
		if ( 'application/json' !== $type ) {
			/* translators: %s: the Content-Type that came */
			return self::refuse( 'content-type', sprintf( __( 'stadttraum: writes need Content-Type: application/json (received: “%s”). Forms and text/plain requests from other sites are refused.', 'stadttraum' ), $type ) );
		}
		$origin = trim( (string) $request->get_header( 'origin' ) );
		$site   = strtolower( trim( (string) $request->get_header( 'sec_fetch_site' ) ) );
		if ( '' === $origin || 'null' === $origin ) {
			if ( '' === $site || 'same-origin' === $site || 'none' === $site ) {
				return null;
			}
			/* translators: %s: value of Sec-Fetch-Site */
			return self::refuse( 'cross-site', sprintf( __( 'stadttraum: write without Origin from another site (Sec-Fetch-Site: %s) refused. The idea wall must send its Origin (no referrerPolicy “no-referrer” for its requests).', 'stadttraum' ), sanitize_key( $site ) ) );
		}
		$normal = self::origin_of( $origin );
		if ( $normal && in_array( $normal, self::allowed_origins(), true ) ) {
			return null;
		}
		self::remember( $normal ? $normal : substr( sanitize_text_field( $origin ), 0, 200 ) );
		/* translators: %s: the refused origin */
		return self::refuse( 'origin', sprintf( __( 'stadttraum: %s may not write here. Allow it under Settings → stadttraum → “Other sites with the idea wall” (the address is listed under “Refused sites”).', 'stadttraum' ), $normal ? $normal : __( 'This origin', 'stadttraum' ) ) );
	}

	/** Answers our write routes' preflight itself only to note a refused origin; WordPress sends the CORS headers. */
	public static function preflight( $result, $server, $request ) {
		if ( 'OPTIONS' === $request->get_method() && 0 === strpos( $request->get_route(), '/' . Stadttraum_Rest::NS . '/' ) ) {
			$origin = self::origin_of( $request->get_header( 'origin' ) );
			if ( $origin && ! in_array( $origin, self::allowed_origins(), true ) && 'GET' !== strtoupper( (string) $request->get_header( 'access_control_request_method' ) ) ) {
				self::remember( $origin );
			}
		}
		return $result;
	}

	/** Notes a refused origin for the admin list (at most 50, written at most once a minute each). */
	private static function remember( $origin ) {
		if ( '' === $origin ) {
			return;
		}
		$list = get_option( self::REFUSED, array() );
		$list = is_array( $list ) ? $list : array();
		$now  = time();
		if ( isset( $list[ $origin ] ) && $now - (int) $list[ $origin ]['last'] < MINUTE_IN_SECONDS ) {
			return;
		}
		$list[ $origin ] = array(
			'count' => ( isset( $list[ $origin ] ) ? (int) $list[ $origin ]['count'] : 0 ) + 1,
			'last'  => $now,
		);
		uasort(
			$list,
			function ( $a, $b ) {
				return $b['last'] - $a['last'];
			}
		);
		update_option( self::REFUSED, array_slice( $list, 0, 50, true ), false );
	}

	/** Refused origins, newest first: origin => { count, last }. */
	public static function refused() {
		$list = get_option( self::REFUSED, array() );
		return is_array( $list ) ? $list : array();
	}

	/** Moves an origin from the refused list to the allow-list. */
	public static function allow( $origin ) {
		$origin = self::origin_of( $origin );
		if ( ! $origin ) {
			return;
		}
		$settings                    = Stadttraum_Settings::all();
		$list                        = array_filter( preg_split( '/\s+/', (string) $settings['allowed_origins'] ) );
		$list[]                      = $origin;
		$settings['allowed_origins'] = implode( "\n", array_unique( $list ) );
		update_option( Stadttraum_Settings::OPTION, $settings );
		$refused = self::refused();
		unset( $refused[ $origin ] );
		update_option( self::REFUSED, $refused, false );
	}

	/** Drops an origin from the refused list without allowing it. */
	public static function forget( $origin ) {
		$refused = self::refused();
		unset( $refused[ $origin ] );
		update_option( self::REFUSED, $refused, false );
	}
}
