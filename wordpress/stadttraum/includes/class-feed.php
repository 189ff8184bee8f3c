<?php
/**
 * The wall's feed (GET /wp-json/stadttraum/v1/ideas):
 * - only published ideas without a password (never private, pending, draft or trashed ones);
 * - in pages of `feed_page_size` ideas (Settings, default 1000) with `total` and a `next` URL;
 * - `search`, `category`, `status` and `tag` parameters filter on the server, so a wall can find
 *   ideas on pages it has not loaded;
 * - `sort` (`support`: most supporters first; `status`: follow-through order; both then newest)
 *   orders all matches before they are paged, so a wall's order holds over pages it has not loaded;
 * - ETag and Last-Modified come from two version stamps in autoloaded options: one changes on
 *   every save of an idea, a category or an image, the other on every support. A revalidation
 *   (304) reads nothing else; a full answer of an unfiltered page is built once and cached, only
 *   the support counts are read fresh (one query);
 * - a save that changes only what an idea says (text, status, answer, terms …) patches that idea
 *   in the cached pages at the end of the saving request (one item built, not 2,000 on the next
 *   read); a save that can change which ideas a page holds or their order (publishing,
 *   unpublishing, a password, a new date, an image, a category's name, the settings) leaves the
 *   pages to be built again on the next read.
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

	/** Ideas whose own content changed in this request (post ID => true): patched into the cache. */
	private static $changed = array();

	/** Set when a change can move ideas between pages or reorder them: the cache is built again. */
	private static $rebuild = false;

	/** A transient listing the cached pages' transient names, so a save can find them. */
	const KEYS = 'stadttraum_feed_keys';

	public static function init() {
		$mark = array( __CLASS__, 'mark' );
		add_action( 'save_post', array( __CLASS__, 'saved_post' ), 10, 2 );
		add_action( 'post_updated', array( __CLASS__, 'updated_post' ), 10, 3 );
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

	/** Notes that the feed changed in a way that needs the pages built again; the stamp moves at the end of the request. */
	public static function mark() {
		self::$dirty   = true;
		self::$rebuild = true;
	}

	/** Notes that what one published idea says changed; its place in the pages did not. */
	private static function mark_idea( $id ) {
		self::$dirty               = true;
		self::$changed[ (int) $id ] = true;
	}

	public static function flush() {
		if ( ! self::$dirty ) {
			return;
		}
		$old           = (string) get_option( self::VERSION, '' );
		$new           = self::stamp();
		$patch         = ! self::$rebuild && '' !== $old ? array_keys( self::$changed ) : array();
		self::$dirty   = false;
		self::$rebuild = false;
		self::$changed = array();
		if ( $patch && self::swap( $old, $new ) ) {
			self::patch( $patch, $old, $new );
			return;
		}
		update_option( self::VERSION, $new, true );
	}

	/**
	 * Moves the content stamp from $old to $new only if no other request moved it since (one
	 * UPDATE): two editors saving at once never leave a page patched with one change and stamped
	 * as current while it lacks the other; the loser's pages are built again on the next read.
	 */
	private static function swap( $old, $new ) {
		global $wpdb;
		$done = $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", $new, self::VERSION, $old ) ); // phpcs:ignore WordPress.DB
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( self::VERSION, 'options' );
		return 1 === $done;
	}

	/**
	 * Rebuilds the items of these ideas in every cached page that was current, and stamps those
	 * pages with the new version: the next read serves them from the cache.
	 *
	 * @param int[]  $ids Post IDs.
	 * @param string $old The version the pages were built for.
	 * @param string $new The version after this save.
	 */
	private static function patch( $ids, $old, $new ) {
		$items = array();
		foreach ( self::cache_keys() as $key ) {
			$cached = get_transient( $key );
			if ( ! is_array( $cached ) || ! isset( $cached['version'], $cached['ids'] ) || $cached['version'] !== $old ) {
				continue;
			}
			foreach ( $ids as $id ) {
				$at = array_search( $id, $cached['ids'], true );
				if ( false === $at ) {
					continue;
				}
				if ( ! isset( $items[ $id ] ) ) {
					$post = get_post( $id );
					// Gone or no longer shown: not a content edit after all, the page is built again.
					$items[ $id ] = $post && self::listed( $post ) ? Stadttraum_Ideas::item( $post ) : false;
				}
				if ( false === $items[ $id ] ) {
					continue 2;
				}
				$cached['ideas'][ $at ] = $items[ $id ];
			}
			$cached['version'] = $new;
			set_transient( $key, $cached, WEEK_IN_SECONDS );
		}
	}

	private static function cache_keys() {
		$keys = get_transient( self::KEYS );
		return is_array( $keys ) ? array_filter( $keys, 'is_string' ) : array();
	}

	/** Whether the feed lists this post: a published idea without a password. */
	private static function listed( $post ) {
		return Stadttraum_Ideas::POST_TYPE === $post->post_type && 'publish' === $post->post_status && '' === $post->post_password;
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
		if ( ! self::shown( $post ) ) {
			return;
		}
		if ( 'attachment' === $post->post_type ) {
			self::mark(); // which ideas show this image is not known here
		} else {
			self::mark_idea( $id );
		}
	}

	/** An edit that changes a page's members or order (date, password, status) needs the pages built again. */
	public static function updated_post( $id, $after, $before ) {
		if ( Stadttraum_Ideas::POST_TYPE !== $after->post_type ) {
			return;
		}
		foreach ( array( 'post_date_gmt', 'post_date', 'post_password', 'post_status' ) as $field ) {
			if ( $after->$field !== $before->$field && ( self::shown( $after ) || 'publish' === $before->post_status ) ) {
				self::mark();
			}
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

	/** An idea's category or tags: only that idea's item changes (the unfiltered pages keep their order). */
	public static function terms_set( $object_id, $terms, $tt_ids, $taxonomy ) {
		if ( in_array( $taxonomy, array( Stadttraum_Ideas::CATEGORY, Stadttraum_Ideas::TAG ), true ) && self::shown( $object_id ) ) {
			self::mark_idea( $object_id );
		}
	}

	public static function meta_changed( $meta_id, $object_id, $key ) {
		if ( '_st_supports_online' === $key || '_edit_lock' === $key || ! self::shown( $object_id ) ) {
			return;
		}
		// An image's own data: which ideas show it is not known here.
		if ( 'attachment' === get_post_type( $object_id ) ) {
			self::mark();
		} else {
			self::mark_idea( $object_id );
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
			// The wall's orders a server can keep over pages (newest is the default, random the visit's own).
			'sort'     => in_array( $text( 'sort' ), array( 'support', 'status' ), true ) ? $text( 'sort' ) : '',
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

	/** Filtered or sorted by support or status: built for the request, not from the cached pages. */
	private static function filtered( $params ) {
		return '' !== $params['search'] || '' !== $params['category'] || '' !== $params['status'] || '' !== $params['tag'] || '' !== $params['sort'];
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
				// Remembered so that a save can patch this page (a few page sizes at most: no growth).
				$keys = array_slice( array_unique( array_merge( array( $cache_key ), self::cache_keys() ) ), 0, 20 );
				set_transient( self::KEYS, $keys, WEEK_IN_SECONDS );
			}
		}
		$feed = array(
			'schemaVersion' => 1,
			'categories'    => $built['categories'],
			'ideas'         => self::with_counts( $built['ideas'], $built['ids'] ),
			'total'         => $built['total'],
			// Tells a wall it may ask this feed to search and filter (it then leaves "Mehr laden" on).
			'query'         => array( 'search', 'category', 'status', 'tag', 'sort' ),
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
					'sort'     => $params['sort'],
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
		if ( '' !== $params['sort'] ) {
			list( $posts, $total ) = self::sorted( $args, $params );
		} else {
			$query = new WP_Query( $args );
			$posts = $query->posts;
			$total = (int) $query->found_posts;
		}
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
			'total'      => $total,
		);
	}

	/**
	 * A page in the order `sort` asks for, over every match: the matching ids (one query, newest
	 * first), one query for what they are sorted by, a stable sort (ties stay newest first), then
	 * only the page's posts are loaded. 2,000 ideas are 2,000 integers here, not 2,000 posts.
	 *
	 * @return array [ WP_Post[], int total ]
	 */
	private static function sorted( $args, $params ) {
		global $wpdb;
		$ids = ( new WP_Query(
			array(
				'fields'                 => 'ids',
				'posts_per_page'         => -1,
				'paged'                  => 1,
				'no_found_rows'          => true,
				'update_post_meta_cache' => false,
				'update_post_term_cache' => false,
			) + $args
		) )->posts;
		$ids = array_map( 'intval', $ids );
		$key = array_fill_keys( $ids, 0 );
		if ( $ids ) {
			$in = implode( ',', $ids );
			if ( 'support' === $params['sort'] ) {
				// The count the feed shows: offline supporters plus online supports.
				$rows = $wpdb->get_results( "SELECT post_id, SUM(CAST(meta_value AS SIGNED)) AS v FROM {$wpdb->postmeta} WHERE post_id IN ($in) AND meta_key IN ('_st_supporters', '_st_supports_online') GROUP BY post_id" ); // phpcs:ignore WordPress.DB
				foreach ( $rows as $row ) {
					$key[ (int) $row->post_id ] = -max( 0, (int) $row->v );
				}
			} else {
				// Follow-through order as the wall's: new, review, planned, … (no status: new).
				$rank = array_flip( array_keys( Stadttraum_Ideas::statuses() ) );
				$rows = $wpdb->get_results( "SELECT post_id, meta_value AS v FROM {$wpdb->postmeta} WHERE post_id IN ($in) AND meta_key = '_st_status'" ); // phpcs:ignore WordPress.DB
				foreach ( $rows as $row ) {
					$key[ (int) $row->post_id ] = isset( $rank[ $row->v ] ) ? $rank[ $row->v ] : count( $rank );
				}
			}
		}
		$at = array_flip( $ids );
		usort(
			$ids,
			function ( $a, $b ) use ( $key, $at ) {
				return $key[ $a ] <=> $key[ $b ] ?: $at[ $a ] <=> $at[ $b ];
			}
		);
		$page  = array_slice( $ids, ( $params['page'] - 1 ) * $params['per_page'], $params['per_page'] );
		$posts = array();
		if ( $page ) {
			$posts = get_posts(
				array(
					'post_type'              => Stadttraum_Ideas::POST_TYPE,
					'post_status'            => 'publish',
					'post__in'               => $page,
					'orderby'                => 'post__in',
					'posts_per_page'         => count( $page ),
					'ignore_sticky_posts'    => true,
					'suppress_filters'       => true,
					'update_post_meta_cache' => true,
					'update_post_term_cache' => true,
				)
			);
		}
		return array( $posts, count( $ids ) );
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
