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

	/** @var Stadttraum_Content_Type */
	public static $type;

	public static function init() {
		self::$type = new Stadttraum_Content_Type(
			array(
				'post_type'         => self::POST_TYPE,
				'route'             => self::ROUTE,
				'version'           => self::VERSION,
				'etag'              => 'l',
				'watch_attachments' => true,
				'labels'            => array( __CLASS__, 'labels' ),
				'args'              => array(
					'menu_icon' => 'dashicons-groups',
					'supports'  => array( 'title', 'page-attributes' ),
				),
				'feed'              => array( __CLASS__, 'feed' ),
			)
		);
		add_action( 'add_meta_boxes_' . self::POST_TYPE, array( __CLASS__, 'meta_boxes' ) );
		add_action( 'save_post_' . self::POST_TYPE, array( __CLASS__, 'save' ), 10, 2 );
		add_action( 'admin_enqueue_scripts', array( __CLASS__, 'admin_assets' ) );
		Stadttraum_Logos_Import::init();
	}

	public static function labels() {
		return array(
			'name'          => __( 'Logo groups', 'stadttraum' ),
			'singular_name' => __( 'Logo group', 'stadttraum' ),
			'add_new'       => __( 'New logo group', 'stadttraum' ),
			'add_new_item'  => __( 'Add new logo group', 'stadttraum' ),
			'edit_item'     => __( 'Edit logo group', 'stadttraum' ),
			'all_items'     => __( 'All logo groups', 'stadttraum' ),
			'not_found'     => __( 'No logo groups found.', 'stadttraum' ),
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

	/**
	 * The logos of a group in their order: [ 'id' => attachment, 'name' => …, 'url' => … ] for an
	 * image from the media library, or [ 'id' => 0, 'src' => …, 'width', 'height', 'alt' ] for an
	 * image kept at its external address (imported from a town's JSON file).
	 */
	public static function logos( $post_id ) {
		$logos = get_post_meta( $post_id, '_st_logos', true );
		return is_array( $logos ) ? $logos : array();
	}

	/** One row of the list (also the template the script copies). */
	private static function row( $logo ) {
		$id    = isset( $logo['id'] ) ? (int) $logo['id'] : 0;
		$src   = isset( $logo['src'] ) ? (string) $logo['src'] : '';
		$image = $id ? wp_get_attachment_image( $id, 'thumbnail', false, array( 'style' => 'max-height:48px;width:auto' ) ) : '';
		if ( ! $id && '' !== $src ) {
			// An external image is named, not shown: showing it would call its host from the admin.
			/* translators: %s: address of the image */
			$image = '<span class="description">' . esc_html( sprintf( __( 'External image: %s', 'stadttraum' ), $src ) ) . '</span>';
		}
		$html  = '<li class="st-logo" style="display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin-bottom:.75rem">';
		$html .= '<input type="hidden" name="_st_logo_id[]" value="' . esc_attr( (string) $id ) . '"><input type="hidden" name="_st_logo_src[]" value="' . esc_attr( $src ) . '"><span class="st-logo-image">' . $image . '</span>';
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
		$srcs  = isset( $_POST['_st_logo_src'] ) ? (array) wp_unslash( $_POST['_st_logo_src'] ) : array();
		// phpcs:enable
		// External images keep their size and text from the stored list (the form carries the address only).
		$external = array();
		foreach ( self::logos( $post_id ) as $old ) {
			if ( empty( $old['id'] ) && ! empty( $old['src'] ) ) {
				$external[ $old['src'] ] = $old;
			}
		}
		$logos = array();
		foreach ( $ids as $i => $id ) {
			$id   = (int) $id;
			$name = sanitize_text_field( isset( $names[ $i ] ) ? (string) $names[ $i ] : '' );
			$src  = isset( $srcs[ $i ] ) ? (string) $srcs[ $i ] : '';
			if ( ! $id && isset( $external[ $src ] ) && '' !== $name ) {
				$logos[] = array_merge(
					$external[ $src ],
					array(
						'name' => $name,
						'url'  => esc_url_raw( trim( isset( $urls[ $i ] ) ? (string) $urls[ $i ] : '' ), array( 'http', 'https' ) ),
					)
				);
				continue;
			}
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

	public static function mark() {
		self::$type->mark();
	}

	/** Whether any group is published (the logos block then uses the feed). */
	public static function any() {
		return self::$type->any();
	}

	/** A partner whose logo stays at its external address (or who has no logo, shown by name). */
	private static function external( $logo ) {
		$partner = array( 'name' => $logo['name'] );
		if ( ! empty( $logo['src'] ) ) {
			$partner['logo'] = array( 'src' => $logo['src'] );
			foreach ( array( 'width', 'height', 'alt', 'darkSrc' ) as $key ) {
				if ( isset( $logo[ $key ] ) && '' !== $logo[ $key ] ) {
					$partner['logo'][ $key ] = $logo[ $key ];
				}
			}
		}
		if ( ! empty( $logo['url'] ) ) {
			$partner['url'] = $logo['url'];
		}
		return $partner;
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
				if ( empty( $logo['id'] ) ) {
					$partners[] = self::external( $logo );
					continue;
				}
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
