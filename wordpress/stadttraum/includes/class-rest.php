<?php
/**
 * REST routes under /wp-json/stadttraum/v1 (also ?rest_route=… without pretty permalinks):
 *   GET  /ideas    the wall's feed (Stadttraum_Feed): pages with `next` and `total`, search and
 *                  filters, ETag / Last-Modified (304 on If-None-Match / If-Modified-Since)
 *   POST /ideas    submit: a pending idea for moderation (202 with a receipt code)
 *   POST /support  support or withdraw: { idea, support, visitor } (200, 409 if already
 *                  supported, 403 `cap` when the address reached today's cap for the idea)
 * The write contract is the one of demo/server.mjs and src/core/write.ts (docs/wordpress.md):
 * JSON body only, from this site or an allowed origin (Stadttraum_Guard, else 403 with a code),
 * Idempotency-Key header (a replay gets the first accepted answer, Stadttraum_Idempotency),
 * errors as { "error": { "code", "message", "fields"? } } with messages meant for visitors.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** Feed and write contract. */
final class Stadttraum_Rest {
	const NS = 'stadttraum/v1';

	/** Length limits (the widget shows the same ones while typing). */
	const LIMITS = array(
		'title'       => array( 5, 120 ),
		'description' => array( 20, 2000 ),
		'name'        => array( 0, 80 ),
	);

	public static function init() {
		add_action( 'rest_api_init', array( __CLASS__, 'routes' ) );
		add_filter( 'rest_pre_serve_request', array( __CLASS__, 'serve_not_modified' ), 10, 2 );
	}

	public static function routes() {
		register_rest_route(
			self::NS,
			'/ideas',
			array(
				array(
					'methods'             => 'GET',
					'callback'            => array( __CLASS__, 'get_feed' ),
					'permission_callback' => '__return_true',
				),
				array(
					'methods'             => 'POST',
					'callback'            => array( __CLASS__, 'submit' ),
					'permission_callback' => '__return_true',
				),
			)
		);
		register_rest_route(
			self::NS,
			'/support',
			array(
				'methods'             => 'POST',
				'callback'            => array( __CLASS__, 'support' ),
				'permission_callback' => '__return_true',
			)
		);
	}

	public static function get_feed( WP_REST_Request $request ) {
		$params = Stadttraum_Feed::params( $request );
		$v      = Stadttraum_Feed::validators( $params );
		$head   = array(
			'ETag'          => $v['etag'],
			'Last-Modified' => $v['modified'],
			'Cache-Control' => 'no-cache',
		);
		$inm    = (string) $request->get_header( 'if_none_match' );
		$ims    = (string) $request->get_header( 'if_modified_since' );
		if ( '' !== $inm ) {
			if ( in_array( $v['etag'], array_map( 'trim', explode( ',', str_replace( 'W/', '', $inm ) ) ), true ) ) {
				return new WP_REST_Response( null, 304, $head );
			}
		} elseif ( '' !== $ims && strtotime( $ims ) >= strtotime( $v['modified'] ) ) {
			return new WP_REST_Response( null, 304, $head );
		}
		return new WP_REST_Response( Stadttraum_Feed::page( $params, rest_url( self::NS . '/ideas' ) ), 200, $head );
	}

	/** 304 has no body; WordPress would print "null". */
	public static function serve_not_modified( $served, $result ) {
		if ( $result instanceof WP_HTTP_Response && 304 === $result->get_status() ) {
			return true;
		}
		return $served;
	}

	private static function error( $status, $code, $message, $fields = null, $extra = array() ) {
		$error = array(
			'code'    => $code,
			'message' => $message,
		);
		if ( $fields ) {
			$error['fields'] = $fields;
		}
		return new WP_REST_Response( array_merge( $extra, array( 'error' => $error ) ), $status, array( 'Cache-Control' => 'no-store' ) );
	}

	private static function ok( $status, $body ) {
		return new WP_REST_Response( $body, $status, array( 'Cache-Control' => 'no-store' ) );
	}

	/** The JSON body, or a response for a bad one. */
	private static function body( WP_REST_Request $request ) {
		if ( strlen( (string) $request->get_body() ) > 64 * 1024 ) {
			return self::error( 413, 'too-large', __( 'The request is too large.', 'stadttraum' ) );
		}
		$body = json_decode( (string) $request->get_body(), true );
		if ( ! is_array( $body ) ) {
			return self::error( 400, 'bad-json', __( 'The request was not valid JSON.', 'stadttraum' ) );
		}
		return $body;
	}

	/**
	 * Guard, then the write once per Idempotency-Key (route and visitor scope the key).
	 *
	 * @param WP_REST_Request $request The write.
	 * @param string          $route   'support', 'submit' or 'vote' (Stadttraum_Voting::cast reuses this guard).
	 * @param callable        $handler Gets the JSON body, returns a WP_REST_Response.
	 */
	public static function write( WP_REST_Request $request, $route, callable $handler ) {
		$refused = Stadttraum_Guard::check( $request );
		if ( $refused ) {
			return $refused;
		}
		$body = self::body( $request );
		if ( $body instanceof WP_REST_Response ) {
			return $body;
		}
		// The browser's token when it sent one (a retry from a new address is still the same
		// visitor), else the address.
		$token = Stadttraum_Visitor::token( $body );
		$scope = $route . '|' . ( '' !== $token ? 't:' . $token : 'a:' . Stadttraum_Visitor::network() );
		return Stadttraum_Idempotency::run(
			(string) $request->get_header( 'idempotency_key' ),
			$scope,
			function () use ( $handler, $body ) {
				return $handler( $body );
			}
		);
	}

	public static function support( WP_REST_Request $request ) {
		return self::write(
			$request,
			'support',
			function ( $body ) {
				$slug = isset( $body['idea'] ) && ( is_string( $body['idea'] ) || is_int( $body['idea'] ) ) ? sanitize_title( (string) $body['idea'] ) : '';
				if ( '' === $slug ) {
					return self::error( 422, 'invalid', __( 'No idea given.', 'stadttraum' ) );
				}
				$post = self::find_idea( $slug );
				if ( ! $post ) {
					return self::error( 404, 'not-found', __( 'This idea does not exist (any more).', 'stadttraum' ) );
				}
				// Against scripted floods across many ideas (the daily cap guards each idea): one click a
				// second from one address over ten minutes still passes, a town meeting on one WLAN too.
				if ( ! Stadttraum_Supports::rate_limit( 'support', (int) apply_filters( 'stadttraum_support_rate_limit', 600 ), 10 * MINUTE_IN_SECONDS ) ) {
					return self::error( 429, 'rate-limit', __( 'Too many clicks in a short time. Please try again in a few minutes.', 'stadttraum' ) );
				}
				$want   = ! ( array_key_exists( 'support', $body ) && false === $body['support'] );
				$result = Stadttraum_Supports::toggle( $post->ID, $want, Stadttraum_Visitor::token( $body ) );
				$id     = $post->post_name ? $post->post_name : (string) $post->ID;
				$count  = Stadttraum_Ideas::supporters( $post->ID );
				if ( ! empty( $result['busy'] ) ) {
					return self::error( 503, 'busy', __( 'Very many people are supporting at the same time. Please try again in a moment.', 'stadttraum' ) );
				}
				if ( $result['capped'] ) {
					// A refusal on principle like a foreign origin: 403 with a code; the wall shows its own sentence.
					return Stadttraum_Guard::refuse(
						'cap',
						/* translators: %d: supports per idea, internet connection and day */
						sprintf( __( 'stadttraum: daily limit reached – from this internet connection at most %d supports per idea count each day (Settings → stadttraum).', 'stadttraum' ), Stadttraum_Supports::cap() ),
						array(
							'idea'       => $id,
							'supported'  => false,
							'supporters' => $count,
						)
					);
				}
				if ( $result['duplicate'] ) {
					return self::error(
						409,
						'duplicate',
						__( 'You have already supported this idea.', 'stadttraum' ),
						null,
						array(
							'idea'       => $id,
							'supported'  => true,
							'supporters' => $count,
						)
					);
				}
				return self::ok(
					200,
					array(
						'idea'       => $id,
						'supported'  => $want,
						'supporters' => $count,
					)
				);
			}
		);
	}

	/** A published idea by its feed id (slug, or the post id for ideas without one). */
	private static function find_idea( $slug ) {
		$args  = array(
			'post_type'      => Stadttraum_Ideas::POST_TYPE,
			'post_status'    => 'publish',
			'posts_per_page' => 1,
			'no_found_rows'  => true,
			'has_password'   => false,
		);
		$found = get_posts( $args + array( 'name' => $slug ) );
		if ( ! $found && ctype_digit( $slug ) ) {
			$found = get_posts( $args + array( 'p' => (int) $slug ) );
		}
		return $found ? $found[0] : null;
	}

	/** Whether a submission looks like spam: then it is dropped, and the sender still sees success. */
	private static function is_bot( $body, $title, $description, $name ) {
		if ( isset( $body['website'] ) && '' !== trim( (string) $body['website'] ) ) {
			return true; // The honeypot field is hidden from people.
		}
		if ( preg_match_all( '#https?://#i', $description ) > 3 || preg_match( '#https?://#i', $title . $name ) ) {
			return true;
		}
		// The site's own "Disallowed Comment Keys" (Settings → Discussion) apply too.
		if ( function_exists( 'wp_check_comment_disallowed_list' ) && wp_check_comment_disallowed_list( $name, '', '', $title . "\n" . $description, '', '' ) ) {
			return true;
		}
		return (bool) apply_filters( 'stadttraum_is_spam', false, $body );
	}

	private static function length( $text ) {
		return (int) preg_match_all( '/./us', $text ); // Characters, without needing mbstring.
	}

	public static function submit( WP_REST_Request $request ) {
		return self::write(
			$request,
			'submit',
			function ( $body ) {
				$text        = function ( $key ) use ( $body ) {
					return isset( $body[ $key ] ) && is_scalar( $body[ $key ] ) ? (string) $body[ $key ] : '';
				};
				$title       = sanitize_text_field( $text( 'title' ) );
				$description = trim( sanitize_textarea_field( $text( 'description' ) ) );
				$name        = sanitize_text_field( $text( 'name' ) );
				$category    = sanitize_title( $text( 'category' ) );
				$receipt     = Stadttraum_Privacy::new_receipt();
				$accepted    = self::ok(
					202,
					array(
						'status'  => 'pending',
						'receipt' => $receipt,
						'message' => __( 'Thank you! Your idea will be reviewed and appears on the wall once approved.', 'stadttraum' ),
					)
				);
				if ( self::is_bot( $body, $title, $description, $name ) ) {
					return $accepted; // Bots see the same success as people.
				}
				$fields = array();
				foreach ( array(
					'title'       => $title,
					'description' => $description,
					'name'        => $name,
				) as $key => $value ) {
					list( $min, $max ) = self::LIMITS[ $key ];
					$len               = self::length( $value );
					if ( $len < $min ) {
						/* translators: %d: minimum number of characters */
						$fields[ $key ] = sprintf( __( 'Please enter at least %d characters.', 'stadttraum' ), $min );
					} elseif ( $len > $max ) {
						/* translators: %d: maximum number of characters */
						$fields[ $key ] = sprintf( __( 'Please shorten to at most %d characters.', 'stadttraum' ), $max );
					}
				}
				$terms = get_terms(
					array(
						'taxonomy'   => Stadttraum_Ideas::CATEGORY,
						'hide_empty' => false,
						'fields'     => 'id=>slug',
					)
				);
				$terms = is_array( $terms ) ? $terms : array();
				$term  = array_search( $category, $terms, true );
				if ( $terms && false === $term ) {
					$fields['category'] = __( 'Please choose a category.', 'stadttraum' );
				}
				if ( true !== ( $body['consent'] ?? null ) ) {
					$fields['consent'] = __( 'Please agree to your details being stored.', 'stadttraum' );
				}
				if ( $fields ) {
					return self::error( 422, 'invalid', __( 'Please check the marked fields.', 'stadttraum' ), $fields );
				}
				$limit = (int) Stadttraum_Settings::get( 'submit_limit' );
				if ( ! Stadttraum_Supports::rate_limit( 'submit', $limit, HOUR_IN_SECONDS ) ) {
					return self::error( 429, 'rate-limit', __( 'Many ideas came from this connection in the last hour. Please try again later.', 'stadttraum' ) );
				}
				$consent_text = sanitize_textarea_field( substr( $text( 'consentText' ), 0, 1000 ) );
				$id           = wp_insert_post(
					array(
						'post_type'    => Stadttraum_Ideas::POST_TYPE,
						'post_status'  => 'pending',
						'post_title'   => $title,
						'post_content' => $description,
						'post_author'  => 0,
						'meta_input'   => array(
							'_st_status'       => 'new',
							'_st_author'       => $name,
							'_st_consent_text' => '' !== $consent_text ? $consent_text : __( '(consent given, wording not sent)', 'stadttraum' ),
							'_st_consent_at'   => gmdate( 'c' ),
							'_st_receipt'      => $receipt,
						),
					),
					true
				);
				if ( is_wp_error( $id ) ) {
					return self::error( 500, 'server', __( 'Your idea could not be saved just now. Please try again later.', 'stadttraum' ) );
				}
				if ( '' === $name ) {
					delete_post_meta( $id, '_st_author' );
				}
				if ( false !== $term ) {
					wp_set_object_terms( $id, (int) $term, Stadttraum_Ideas::CATEGORY );
				}
				/** Fires after a visitor submitted an idea (e.g. to notify moderators; mail may not be available). */
				do_action( 'stadttraum_idea_submitted', $id );
				return $accepted;
			}
		);
	}
}
