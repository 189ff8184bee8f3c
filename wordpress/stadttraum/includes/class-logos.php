<?php
/**
 * Partner and funder logos as WordPress content: one post per group ("A joint project of",
 * "Funded by"), its logos picked from the media library with name, link and order, the group's
 * minimum logo height (funders often require one) and the groups' order (the "Order" field).
 * REST feed `/stadttraum/v1/logos` in the format of schemas/partner-logos.schema.json with an
 * ETag; the partner logos block uses it when it has no data of its own.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The logo group post type, its box and feed. */
final class Stadttraum_Logos {
	const POST_TYPE = 'stadttraum_logos';
	const VERSION   = 'stadttraum_logos_version';
	const ROUTE     = '/logos';

	public static function init() {
		add_action( 'init', array( __CLASS__, 'register' ) );
		add_action( 'add_meta_boxes_' . self::POST_TYPE, array( __CLASS__, 'meta_boxes' ) );
		add_action( 'save_post_' . self::POST_TYPE, array( __CLASS__, 'save' ), 10, 2 );
		add_action( 'transition_post_status', array( __CLASS__, 'transition' ), 10, 3 );
		add_action( 'before_delete_post', array( __CLASS__, 'deleted' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'routes' ) );
		add_action( 'admin_enqueue_scripts', array( __CLASS__, 'admin_assets' ) );
	}

	public static function register() {
		register_post_type(
			self::POST_TYPE,
			array(
				'labels'          => array(
					'name'          => __( 'Logo groups', 'stadttraum' ),
					'singular_name' => __( 'Logo group', 'stadttraum' ),
					'add_new'       => __( 'New logo group', 'stadttraum' ),
					'add_new_item'  => __( 'Add new logo group', 'stadttraum' ),
					'edit_item'     => __( 'Edit logo group', 'stadttraum' ),
					'all_items'     => __( 'All logo groups', 'stadttraum' ),
					'not_found'     => __( 'No logo groups found.', 'stadttraum' ),
				),
				'public'          => false,
				'show_ui'         => true,
				'show_in_menu'    => true,
				'menu_icon'       => 'dashicons-groups',
				'supports'        => array( 'title', 'page-attributes' ),
				'capability_type' => 'post',
				'map_meta_cap'    => true,
			)
		);
	}

	public static function admin_assets( $hook ) {
		$screen = get_current_screen();
		if ( ! $screen || self::POST_TYPE !== $screen->post_type || ! in_array( $hook, array( 'post.php', 'post-new.php' ), true ) ) {
			return;
		}
		wp_enqueue_media();
		wp_enqueue_script( 'stadttraum-logo-groups', STADTTRAUM_URL . 'assets/logo-groups.js', array( 'jquery', 'wp-i18n' ), STADTTRAUM_VERSION, true );
		wp_set_script_translations( 'stadttraum-logo-groups', 'stadttraum', STADTTRAUM_DIR . 'languages' );
	}

	public static function meta_boxes() {
		add_meta_box( 'stadttraum-logos', __( 'Logos', 'stadttraum' ), array( __CLASS__, 'meta_box' ), self::POST_TYPE, 'normal', 'high' );
	}

	/** The logos of a group: [ [ 'id' => attachment, 'name' => …, 'url' => … ], … ] in their order. */
	private static function logos( $post_id ) {
		$logos = get_post_meta( $post_id, '_st_logos', true );
		return is_array( $logos ) ? $logos : array();
	}

	/** One row of the list (also the template the script copies). */
	private static function row( $logo ) {
		$id    = isset( $logo['id'] ) ? (int) $logo['id'] : 0;
		$image = $id ? wp_get_attachment_image( $id, 'thumbnail', false, array( 'style' => 'max-height:48px;width:auto' ) ) : '';
		$html  = '<li class="st-logo" style="display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin-bottom:.75rem">';
		$html .= '<input type="hidden" name="_st_logo_id[]" value="' . esc_attr( (string) $id ) . '"><span class="st-logo-image">' . $image . '</span>';
		$html .= '<label>' . esc_html__( 'Name', 'stadttraum' ) . ' <input type="text" name="_st_logo_name[]" value="' . esc_attr( isset( $logo['name'] ) ? $logo['name'] : '' ) . '" required></label>';
		$html .= '<label>' . esc_html__( 'Link', 'stadttraum' ) . ' <input type="url" name="_st_logo_url[]" value="' . esc_attr( isset( $logo['url'] ) ? $logo['url'] : '' ) . '"></label>';
		$html .= '<button type="button" class="button st-up">' . esc_html__( 'Move up', 'stadttraum' ) . '</button>';
		$html .= '<button type="button" class="button st-down">' . esc_html__( 'Move down', 'stadttraum' ) . '</button>';
		$html .= '<button type="button" class="button-link-delete st-remove">' . esc_html__( 'Remove', 'stadttraum' ) . '</button></li>';
		return $html;
	}

	public static function meta_box( $post ) {
		wp_nonce_field( 'stadttraum_logos', 'stadttraum_logos_nonce' );
		echo '<p><label for="st-heading-en">' . esc_html__( 'Heading in English (optional; the title is the heading)', 'stadttraum' ) . '</label><br><input class="regular-text" id="st-heading-en" name="_st_heading_en" value="' . esc_attr( (string) get_post_meta( $post->ID, '_st_heading_en', true ) ) . '"></p>';
		echo '<p><label for="st-min-height">' . esc_html__( 'Minimum height of the logos (px)', 'stadttraum' ) . '</label><br><input type="number" min="0" max="400" class="small-text" id="st-min-height" name="_st_min_height" value="' . esc_attr( (string) get_post_meta( $post->ID, '_st_min_height', true ) ) . '" aria-describedby="st-min-height-help"><span class="description" id="st-min-height-help"> ' . esc_html__( 'Funders often require their logo at a minimum height. Empty: as the block says.', 'stadttraum' ) . '</span></p>';
		echo '<ol id="st-logos" style="list-style:decimal;padding-left:1.5rem">';
		foreach ( self::logos( $post->ID ) as $logo ) {
			echo self::row( $logo ); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped in row().
		}
		echo '</ol><template id="st-logo-row">' . self::row( array() ) . '</template>'; // phpcs:ignore WordPress.Security.EscapeOutput
		echo '<p><button type="button" class="button" id="st-add-logos">' . esc_html__( 'Add logos from the media library', 'stadttraum' ) . '</button></p>';
	}

	public static function save( $post_id, $post ) {
		if ( ! isset( $_POST['stadttraum_logos_nonce'] ) || ! wp_verify_nonce( sanitize_key( wp_unslash( $_POST['stadttraum_logos_nonce'] ) ), 'stadttraum_logos' ) ) {
			return;
		}
		if ( wp_is_post_autosave( $post_id ) || wp_is_post_revision( $post_id ) || ! current_user_can( 'edit_post', $post_id ) ) {
			return;
		}
		// phpcs:disable WordPress.Security.ValidatedSanitizedInput -- each value is cleaned below.
		$ids   = isset( $_POST['_st_logo_id'] ) ? (array) wp_unslash( $_POST['_st_logo_id'] ) : array();
		$names = isset( $_POST['_st_logo_name'] ) ? (array) wp_unslash( $_POST['_st_logo_name'] ) : array();
		$urls  = isset( $_POST['_st_logo_url'] ) ? (array) wp_unslash( $_POST['_st_logo_url'] ) : array();
		// phpcs:enable
		$logos = array();
		foreach ( $ids as $i => $id ) {
			$id   = (int) $id;
			$name = sanitize_text_field( isset( $names[ $i ] ) ? (string) $names[ $i ] : '' );
			if ( ! $id || 'attachment' !== get_post_type( $id ) ) {
				continue;
			}
			$logos[] = array(
				'id'   => $id,
				'name' => '' !== $name ? $name : sanitize_text_field( get_the_title( $id ) ),
				'url'  => esc_url_raw( trim( isset( $urls[ $i ] ) ? (string) $urls[ $i ] : '' ), array( 'http', 'https' ) ),
			);
		}
		update_post_meta( $post_id, '_st_logos', $logos );
		update_post_meta( $post_id, '_st_heading_en', sanitize_text_field( isset( $_POST['_st_heading_en'] ) ? wp_unslash( $_POST['_st_heading_en'] ) : '' ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
		$min = isset( $_POST['_st_min_height'] ) ? trim( sanitize_text_field( wp_unslash( $_POST['_st_min_height'] ) ) ) : '';
		update_post_meta( $post_id, '_st_min_height', is_numeric( $min ) ? (string) max( 0, min( 400, (int) $min ) ) : '' );
		self::mark();
	}

	public static function transition( $new, $old, $post ) {
		if ( self::POST_TYPE === $post->post_type && $new !== $old ) {
			self::mark();
		}
	}

	public static function deleted( $post_id ) {
		$type = get_post_type( $post_id );
		if ( self::POST_TYPE === $type || 'attachment' === $type ) {
			self::mark();
		}
	}

	public static function mark() {
		update_option( self::VERSION, sprintf( '%.6F-%s', microtime( true ), bin2hex( random_bytes( 4 ) ) ), true );
	}

	/** Whether any group is published (the logos block then uses the feed). */
	public static function any() {
		return (bool) get_posts(
			array(
				'post_type'      => self::POST_TYPE,
				'post_status'    => 'publish',
				'posts_per_page' => 1,
				'fields'         => 'ids',
				'no_found_rows'  => true,
			)
		);
	}

	public static function routes() {
		register_rest_route(
			Stadttraum_Rest::NS,
			self::ROUTE,
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'get_feed' ),
				'permission_callback' => '__return_true',
			)
		);
	}

	public static function get_feed( WP_REST_Request $request ) {
		$version = (string) get_option( self::VERSION, '' );
		if ( '' === $version ) {
			self::mark();
			$version = (string) get_option( self::VERSION );
		}
		$etag = '"l-' . md5( $version ) . '"';
		$head = array(
			'ETag'          => $etag,
			'Cache-Control' => 'no-cache',
		);
		$inm  = (string) $request->get_header( 'if_none_match' );
		if ( '' !== $inm && in_array( $etag, array_map( 'trim', explode( ',', str_replace( 'W/', '', $inm ) ) ), true ) ) {
			return new WP_REST_Response( null, 304, $head );
		}
		return new WP_REST_Response( self::feed(), 200, $head );
	}

	/** The published groups in their order, in the format of schemas/partner-logos.schema.json. */
	public static function feed() {
		$groups = array();
		foreach ( get_posts(
			array(
				'post_type'      => self::POST_TYPE,
				'post_status'    => 'publish',
				'posts_per_page' => 100,
				'orderby'        => array(
					'menu_order' => 'ASC',
					'ID'         => 'ASC',
				),
				'has_password'   => false,
			)
		) as $post ) {
			$partners = array();
			foreach ( self::logos( $post->ID ) as $logo ) {
				$image = wp_get_attachment_image_src( (int) $logo['id'], 'full' );
				if ( ! $image ) {
					continue; // The image was deleted from the media library.
				}
				$partner = array(
					'name' => $logo['name'],
					'logo' => array(
						'src' => $image[0],
						'alt' => (string) get_post_meta( (int) $logo['id'], '_wp_attachment_image_alt', true ),
					),
				);
				if ( $image[1] && $image[2] ) {
					$partner['logo']['width']  = (int) $image[1];
					$partner['logo']['height'] = (int) $image[2];
				}
				if ( '' === $partner['logo']['alt'] ) {
					unset( $partner['logo']['alt'] );
				}
				if ( '' !== $logo['url'] ) {
					$partner['url'] = $logo['url'];
				}
				$partners[] = $partner;
			}
			$heading = html_entity_decode( get_the_title( $post ), ENT_QUOTES, 'UTF-8' );
			$en      = (string) get_post_meta( $post->ID, '_st_heading_en', true );
			$group   = array(
				'heading'  => '' === $en ? $heading : array( 'de' => $heading, 'en' => $en ),
				'partners' => $partners,
			);
			$min     = (string) get_post_meta( $post->ID, '_st_min_height', true );
			if ( '' !== $min ) {
				$group['minHeight'] = (int) $min;
			}
			$groups[] = $group;
		}
		return array(
			'schemaVersion' => 1,
			'groups'        => $groups,
		);
	}
}
