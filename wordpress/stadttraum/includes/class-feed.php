<?php
/**
 * The wall's feed (GET /wp-json/stadttraum/v1/ideas):
 * - only published ideas without a password (never private, pending, draft or trashed ones);
 * - in pages of `feed_page_size` ideas (Settings, default 1000) with `total` and a `next` URL;
 * - `search`, `category`, `status` and `tag` parameters filter on the server, so a wall can find
 *   ideas on pages it has not loaded;
 * - ETag and Last-Modified come from two version stamps in autoloaded options: one changes on
 *   every save of an idea, a category or an image, the other on every support. A revalidation
 *   (304) reads nothing else; a full answer of an unfiltered page is built once per save and
 *   cached, only the support counts are read fresh (one query).
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** Feed building, paging, version stamps and cache. */
final class Stadttraum_Feed {
	const VERSION  = 'stadttraum_feed_version';
	const COUNTS   = 'stadttraum_counts_version';
	const DEFAULT_PAGE_SIZE = 1000;

	/** Set during a request that changed content; the stamp moves once, after all its writes. */
	private static $dirty = false;

	public static function init() {
		$mark = array( __CLASS__, 'mark' );
		add_action( 'save_post', array( __CLASS__, 'saved_post' ), 10, 2 );
		add_action( 'transition_post_status', array( __CLASS__, 'transition' ), 10, 3 );
		add_action( 'delete_post', array( __CLASS__, 'deleted_post' ) );
		add_action( 'set_object_terms', array( __CLASS__, 'terms_set' ), 10, 4 );
		foreach ( array( 'created_', 'edited_', 'delete_' ) as $when ) {
			add_action( $when . Stadttraum_Ideas::CATEGORY, $mark );
			add_action( $when . Stadttraum_Ideas::TAG, $mark );
		}
		foreach ( array( 'added_post_meta', 'updated_post_meta', 'deleted_post_meta' ) as $hook ) {
			add_action( $hook, array( __CLASS__, 'meta_changed' ), 10, 3 );
		}
		add_action( 'update_option_' . Stadttraum_Settings::OPTION, $mark );
		add_action( 'shutdown', array( __CLASS__, 'flush' ) );
	}

	/** Notes that the feed changed; the stamp moves at the end of the request. */
	public static function mark() {
		self::$dirty = true;
	}

	public static function flush() {
		if ( self::$dirty ) {
			self::$dirty = false;
			update_option( self::VERSION, self::stamp(), true );
		}
	}

	private static function stamp() {
		return sprintf( '%.6F-%s', microtime( true ), bin2hex( random_bytes( 4 ) ) );
	}

	/** Whether a change to this post can change the feed: a published idea, or an image. */
	private static function shown( $post ) {
		$post = get_post( $post );
		if ( ! $post ) {
			return false;
		}
		return ( Stadttraum_Ideas::POST_TYPE === $post->post_type && 'publish' === $post->post_status ) || 'attachment' === $post->post_type;
	}

	public static function saved_post( $id, $post ) {
		if ( self::shown( $post ) ) {
			self::mark();
		}
	}

	/** Publishing, unpublishing, trashing: only moves from or to "publish" change the feed. */
	public static function transition( $new, $old, $post ) {
		if ( $new !== $old && ( 'publish' === $new || 'publish' === $old ) && Stadttraum_Ideas::POST_TYPE === $post->post_type ) {
			self::mark();
		}
	}

	/** Before a post is deleted for good (it can still be looked at). */
	public static function deleted_post( $id ) {
		if ( self::shown( $id ) ) {
			self::mark();
		}
	}

	public static function terms_set( $object_id, $terms, $tt_ids, $taxonomy ) {
		if ( in_array( $taxonomy, array( Stadttraum_Ideas::CATEGORY, Stadttraum_Ideas::TAG ), true ) && self::shown( $object_id ) ) {
			self::mark();
		}
	}

	public static function meta_changed( $meta_id, $object_id, $key ) {
		if ( '_st_supports_online' !== $key && '_edit_lock' !== $key && self::shown( $object_id ) ) {
			self::mark();
		}
	}

	/** A support changed a count: the counts' stamp moves now (the count is already written). */
	public static function counts_changed() {
		update_option( self::COUNTS, self::stamp(), true );
	}

	private static function version( $name ) {
		$v = (string) get_option( $name, '' );
		if ( '' === $v ) {
			$v = self::stamp();
			update_option( $name, $v, true );
		}
		return $v;
	}

	/** The feed's page size (Settings). */
	public static function page_size() {
		$size = (int) Stadttraum_Settings::get( 'feed_page_size' );
		return $size > 0 ? $size : self::DEFAULT_PAGE_SIZE;
	}

	/** The query parameters that select what a page holds, normalised. */
	public static function params( WP_REST_Request $request ) {
		$text = function ( $key ) use ( $request ) {
			$v = $request->get_param( $key );
			return is_scalar( $v ) ? trim( (string) $v ) : '';
		};
		$size = self::page_size();
		$per  = (int) $text( 'per_page' );
		return array(
			'page'     => max( 1, (int) $text( 'page' ) ),
			'per_page' => $per > 0 ? min( $per, $size ) : $size,
			'search'   => substr( sanitize_text_field( $text( 'search' ) ), 0, 200 ),
			'category' => sanitize_title( $text( 'category' ) ),
			'status'   => sanitize_key( $text( 'status' ) ),
			'tag'      => substr( sanitize_text_field( $text( 'tag' ) ), 0, 100 ),
		);
	}

	/** ETag and Last-Modified of a page: from the stamps and the parameters, nothing else. */
	public static function validators( $params ) {
		$content = self::version( self::VERSION );
		$counts  = self::version( self::COUNTS );
		$time    = max( (float) $content, (float) $counts );
		return array(
			'etag'     => '"' . substr( md5( $content . '|' . $counts . '|' . wp_json_encode( $params ) ), 0, 20 ) . '"',
			'modified' => gmdate( 'D, d M Y H:i:s', (int) $time ) . ' GMT',
		);
	}

	private static function filtered( $params ) {
		return '' !== $params['search'] || '' !== $params['category'] || '' !== $params['status'] || '' !== $params['tag'];
	}

	/**
	 * One page of the feed.
	 *
	 * @param array  $params From params().
	 * @param string $base   The feed's URL, for `next`.
	 */
	public static function page( $params, $base ) {
		$cache_key = 'stadttraum_feed_' . md5( wp_json_encode( array( $params['page'], $params['per_page'] ) ) );
		$version   = self::version( self::VERSION );
		$built     = null;
		if ( ! self::filtered( $params ) ) {
			$cached = get_transient( $cache_key );
			if ( is_array( $cached ) && isset( $cached['version'] ) && $cached['version'] === $version ) {
				$built = $cached;
			}
		}
		if ( null === $built ) {
			$built = self::build( $params );
			if ( ! self::filtered( $params ) ) {
				set_transient( $cache_key, array( 'version' => $version ) + $built, WEEK_IN_SECONDS );
			}
		}
		$feed = array(
			'schemaVersion' => 1,
			'categories'    => $built['categories'],
			'ideas'         => self::with_counts( $built['ideas'], $built['ids'] ),
			'total'         => $built['total'],
		);
		if ( $params['page'] * $params['per_page'] < $built['total'] ) {
			$query = array_filter(
				array(
					'page'     => $params['page'] + 1,
					'per_page' => $params['per_page'] !== self::page_size() ? $params['per_page'] : '',
					'search'   => $params['search'],
					'category' => $params['category'],
					'status'   => $params['status'],
					'tag'      => $params['tag'],
				),
				'strlen'
			);
			$feed['next'] = add_query_arg( array_map( 'rawurlencode', $query ), $base );
		}
		return $feed;
	}

	/** Current support counts (one query for the whole page). */
	private static function with_counts( $ideas, $ids ) {
		global $wpdb;
		if ( ! $ids ) {
			return $ideas;
		}
		$in   = implode( ',', array_map( 'intval', $ids ) );
		$rows = $wpdb->get_results( "SELECT post_id, SUM(CAST(meta_value AS SIGNED)) AS n FROM {$wpdb->postmeta} WHERE post_id IN ($in) AND meta_key IN ('_st_supporters', '_st_supports_online') GROUP BY post_id" ); // phpcs:ignore WordPress.DB
		$by   = array();
		foreach ( $rows as $row ) {
			$by[ (int) $row->post_id ] = max( 0, (int) $row->n );
		}
		foreach ( $ideas as $i => $idea ) {
			$ideas[ $i ]['supporters'] = isset( $by[ $ids[ $i ] ] ) ? $by[ $ids[ $i ] ] : 0;
		}
		return $ideas;
	}

	/** Builds a page: the query, then every idea from primed caches (no query per idea). */
	private static function build( $params ) {
		$args = array(
			'post_type'              => Stadttraum_Ideas::POST_TYPE,
			'post_status'            => 'publish',
			'has_password'           => false,
			'posts_per_page'         => $params['per_page'],
			'paged'                  => $params['page'],
			'orderby'                => array(
				'date' => 'DESC',
				'ID'   => 'DESC',
			),
			'ignore_sticky_posts'    => true,
			'suppress_filters'       => true,
			'update_post_meta_cache' => true,
			'update_post_term_cache' => true,
		);
		if ( '' !== $params['search'] ) {
			$args['s'] = $params['search'];
		}
		$tax = array();
		if ( '' !== $params['category'] ) {
			$tax[] = array(
				'taxonomy' => Stadttraum_Ideas::CATEGORY,
				'field'    => 'slug',
				'terms'    => $params['category'],
			);
		}
		if ( '' !== $params['tag'] ) {
			$tax[] = array(
				'taxonomy' => Stadttraum_Ideas::TAG,
				'field'    => 'name',
				'terms'    => $params['tag'],
			);
		}
		if ( $tax ) {
			$args['tax_query'] = $tax; // phpcs:ignore WordPress.DB.SlowDBQuery
		}
		if ( '' !== $params['status'] ) {
			$args['meta_query'] = 'new' === $params['status'] // phpcs:ignore WordPress.DB.SlowDBQuery
				? array(
					'relation' => 'OR',
					array(
						'key'   => '_st_status',
						'value' => 'new',
					),
					array(
						'key'     => '_st_status',
						'compare' => 'NOT EXISTS',
					),
				)
				: array(
					array(
						'key'   => '_st_status',
						'value' => $params['status'],
					),
				);
		}
		$query = new WP_Query( $args );
		$posts = $query->posts;
		// Featured images: their posts and meta in two queries, not two per idea.
		$thumbs = array();
		foreach ( $posts as $post ) {
			$thumb = (int) get_post_meta( $post->ID, '_thumbnail_id', true );
			if ( $thumb ) {
				$thumbs[] = $thumb;
			}
		}
		if ( $thumbs ) {
			_prime_post_caches( $thumbs, false, true );
		}
		$ideas = array();
		$ids   = array();
		foreach ( $posts as $post ) {
			$ideas[] = Stadttraum_Ideas::item( $post );
			$ids[]   = $post->ID;
		}
		return array(
			'categories' => self::categories(),
			'ideas'      => $ideas,
			'ids'        => $ids,
			'total'      => (int) $query->found_posts,
		);
	}

	private static function categories() {
		$categories = array();
		$terms      = get_terms(
			array(
				'taxonomy'               => Stadttraum_Ideas::CATEGORY,
				'hide_empty'             => false,
				'update_term_meta_cache' => true,
			)
		);
		if ( is_array( $terms ) ) {
			foreach ( $terms as $term ) {
				$category = array(
					'id'    => $term->slug,
					'label' => html_entity_decode( $term->name, ENT_QUOTES, 'UTF-8' ),
				);
				$color    = (string) get_term_meta( $term->term_id, 'st_color', true );
				if ( $color ) {
					$category['color'] = $color;
				}
				$categories[] = $category;
			}
		}
		return $categories;
	}
}
