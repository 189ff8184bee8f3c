<?php
/**
 * What the plugin's own content types (benches, card partners, logo groups, the card's programme)
 * share: a post type edited in the admin only, a version stamp that moves whenever published
 * content changes, and a public REST feed with an ETag from that stamp (304 when unchanged).
 * Each content class describes itself once; this class registers the rest.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** One content type and its feed. */
final class Stadttraum_Content_Type {
	/** @var string */
	public $post_type;
	/** @var string REST route below Stadttraum_Rest::NS, e.g. '/benches'. */
	public $route;
	/** @var array */
	private $spec;

	/**
	 * @param array $spec post_type, route, version (option name), etag (prefix), labels (callable
	 *                    returning the post type's labels, called at `init` so they are translated),
	 *                    args (more register_post_type arguments, or a callable returning them
	 *                    when they hold translated text), feed (callable returning the body),
	 *                    locale_etag (the body depends on the site language), watch_attachments
	 *                    (deleting an image changes the feed).
	 */
	public function __construct( array $spec ) {
		$this->spec      = array_merge(
			array(
				'args'              => array(),
				'locale_etag'       => false,
				'watch_attachments' => false,
			),
			$spec
		);
		$this->post_type = $spec['post_type'];
		$this->route     = $spec['route'];
		add_action( 'init', array( $this, 'register' ) );
		add_action( 'transition_post_status', array( $this, 'transition' ), 10, 3 );
		add_action( 'before_delete_post', array( $this, 'deleted' ) );
		add_action( 'rest_api_init', array( $this, 'routes' ) );
	}

	public function register() {
		register_post_type(
			$this->post_type,
			array_merge(
				array(
					'labels'          => call_user_func( $this->spec['labels'] ),
					'public'          => false,
					'show_ui'         => true,
					'show_in_menu'    => true,
					'supports'        => array( 'title' ),
					'capability_type' => 'post',
					'map_meta_cap'    => true,
				),
				is_callable( $this->spec['args'] ) ? call_user_func( $this->spec['args'] ) : $this->spec['args']
			)
		);
	}

	/** Publishing, unpublishing or trashing changes the feed. */
	public function transition( $new, $old, $post ) {
		if ( $this->post_type === $post->post_type && $new !== $old ) {
			$this->mark();
		}
	}

	public function deleted( $post_id ) {
		$type = get_post_type( $post_id );
		if ( $this->post_type === $type || ( $this->spec['watch_attachments'] && 'attachment' === $type ) ) {
			$this->mark();
		}
	}

	/** A new version stamp: the next request sees a new ETag. */
	public function mark() {
		self::stamp( $this->spec['version'] );
	}

	/** Whether anything is published (the block then uses the feed by default). */
	public function any() {
		return (bool) get_posts(
			array(
				'post_type'      => $this->post_type,
				'post_status'    => 'publish',
				'posts_per_page' => 1,
				'fields'         => 'ids',
				'no_found_rows'  => true,
			)
		);
	}

	/** The feed's address, for the blocks' default `src`. */
	public function url() {
		return rest_url( Stadttraum_Rest::NS . $this->route );
	}

	public function routes() {
		register_rest_route(
			Stadttraum_Rest::NS,
			$this->route,
			array(
				'methods'             => 'GET',
				'callback'            => array( $this, 'get_feed' ),
				'permission_callback' => '__return_true',
			)
		);
	}

	public function get_feed( WP_REST_Request $request ) {
		return self::respond( $request, $this->spec['version'], $this->spec['etag'], $this->spec['locale_etag'] ? get_locale() : '', $this->spec['feed'] );
	}

	/** A new stamp in the option $version (also for feeds kept in an option rather than posts). */
	public static function stamp( $version ) {
		update_option( $version, sprintf( '%.6F-%s', microtime( true ), bin2hex( random_bytes( 4 ) ) ), true );
	}

	/**
	 * The feed's answer: 304 when the client holds the current version, else the body that $feed
	 * returns, both with an ETag "$prefix-…" from the stamp in the option $version_option and
	 * $salt (e.g. the locale, when the body depends on it).
	 */
	public static function respond( WP_REST_Request $request, $version_option, $prefix, $salt, $feed ) {
		$version = (string) get_option( $version_option, '' );
		if ( '' === $version ) {
			self::stamp( $version_option );
			$version = (string) get_option( $version_option );
		}
		$etag = '"' . $prefix . '-' . md5( $version . $salt ) . '"';
		$head = array(
			'ETag'          => $etag,
			'Cache-Control' => 'no-cache',
		);
		$inm  = (string) $request->get_header( 'if_none_match' );
		if ( '' !== $inm && in_array( $etag, array_map( 'trim', explode( ',', str_replace( 'W/', '', $inm ) ) ), true ) ) {
			return new WP_REST_Response( null, 304, $head );
		}
		return new WP_REST_Response( call_user_func( $feed ), 200, $head );
	}
}
