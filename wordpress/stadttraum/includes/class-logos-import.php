<?php
/**
 * Import of a town's existing partner logos file (the widget's format,
 * schemas/partner-logos.schema.json) into logo groups. A group is found again by its heading
 * (its address/slug), so a second import updates instead of doubling; within a group a logo is
 * found again by its name: one picked from the media library keeps its image, gets the file's
 * link. Images stay at their address (nothing is downloaded); relative paths are read against
 * the address the file was published at, when the editor gives it (paths from the root stay). Entries without a name, or
 * with an image address that is not http(s), are skipped and counted.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The import page and its handler. */
final class Stadttraum_Logos_Import {
	const PAGE   = 'stadttraum-logos-import';
	const ACTION = 'stadttraum_logos_import';

	public static function init() {
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_action( 'admin_post_' . self::ACTION, array( __CLASS__, 'handle' ) );
	}

	public static function menu() {
		add_submenu_page( 'edit.php?post_type=' . Stadttraum_Logos::POST_TYPE, __( 'Import logo groups (JSON)', 'stadttraum' ), __( 'Import', 'stadttraum' ), 'edit_others_posts', self::PAGE, array( __CLASS__, 'page' ) );
	}

	public static function page() {
		if ( ! current_user_can( 'edit_others_posts' ) ) {
			return;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Import logo groups (JSON)', 'stadttraum' ) . '</h1>';
		if ( isset( $_GET['stadttraum_imported'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- display only.
			$counts = array_map( 'intval', explode( '-', sanitize_text_field( wp_unslash( $_GET['stadttraum_imported'] ) ) ) ); // phpcs:ignore WordPress.Security.NonceVerification
			$counts = array_pad( $counts, 3, 0 );
			/* translators: 1: new groups, 2: updated groups, 3: entries skipped */
			echo '<div class="notice notice-success"><p>' . esc_html( sprintf( __( 'Import done: %1$d new groups, %2$d updated, %3$d entries skipped.', 'stadttraum' ), $counts[0], $counts[1], $counts[2] ) ) . '</p></div>';
		}
		if ( isset( $_GET['stadttraum_import_error'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- display only.
			echo '<div class="notice notice-error"><p>' . esc_html__( 'The file is not a partner logos file (JSON with a “groups” list). Nothing was changed.', 'stadttraum' ) . '</p></div>';
		}
		echo '<p>' . esc_html__( 'A partner logos file in the widget’s format (as in schemas/partner-logos.schema.json, e.g. your existing partners.json). Each group becomes a logo group here; a group whose heading exists already is updated, and its logos are matched by name. Images stay at their address and are not copied into the media library.', 'stadttraum' ) . '</p>';
		echo '<form method="post" enctype="multipart/form-data" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( self::ACTION );
		echo '<input type="hidden" name="action" value="' . esc_attr( self::ACTION ) . '">';
		echo '<p><label for="st-logos-json">' . esc_html__( 'JSON file', 'stadttraum' ) . '</label><br><input type="file" id="st-logos-json" name="json" accept=".json,application/json" required></p>';
		echo '<p><label for="st-logos-base">' . esc_html__( 'Address the file was published at (optional)', 'stadttraum' ) . '</label><br><input type="url" class="regular-text" id="st-logos-base" name="base" aria-describedby="st-logos-base-help" placeholder="https://www.example.org/data/partners.json">';
		echo '<span class="description" id="st-logos-base-help"> ' . esc_html__( 'Image paths like “../logos/town.svg” are read from there. Without it, logos with such paths are skipped.', 'stadttraum' ) . '</span></p>';
		submit_button( __( 'Import', 'stadttraum' ), 'primary', 'submit', false );
		echo '</form></div>';
	}

	public static function handle() {
		if ( ! current_user_can( 'edit_others_posts' ) ) {
			wp_die( esc_html__( 'You are not allowed to do that.', 'stadttraum' ), 403 );
		}
		check_admin_referer( self::ACTION );
		$back = admin_url( 'edit.php?post_type=' . Stadttraum_Logos::POST_TYPE . '&page=' . self::PAGE );
		$file = isset( $_FILES['json']['tmp_name'] ) ? sanitize_text_field( $_FILES['json']['tmp_name'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
		$data = '' !== $file && is_uploaded_file( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( ! is_array( $data ) || ! isset( $data['groups'] ) || ! is_array( $data['groups'] ) ) {
			wp_safe_redirect( add_query_arg( 'stadttraum_import_error', '1', $back ) );
			exit;
		}
		$base = isset( $_POST['base'] ) ? esc_url_raw( trim( sanitize_text_field( wp_unslash( $_POST['base'] ) ) ), array( 'http', 'https' ) ) : '';
		wp_safe_redirect( add_query_arg( 'stadttraum_imported', implode( '-', self::import( $data['groups'], $base ) ), $back ) );
		exit;
	}

	/**
	 * Imports the groups; returns [ new groups, updated groups, skipped entries ] (an entry is a
	 * group or a logo).
	 */
	public static function import( array $groups, $base = '' ) {
		$counts = array( 0, 0, 0 );
		foreach ( array_values( $groups ) as $order => $group ) {
			$heading = is_array( $group ) ? self::text( $group['heading'] ?? null ) : array( '', '' );
			if ( '' === $heading[0] || ! isset( $group['partners'] ) || ! is_array( $group['partners'] ) ) {
				++$counts[2];
				continue;
			}
			$slug     = sanitize_title( $heading[0] );
			$existing = get_page_by_path( $slug, OBJECT, Stadttraum_Logos::POST_TYPE );
			$post_id  = wp_insert_post(
				array(
					'ID'          => $existing ? $existing->ID : 0,
					'post_type'   => Stadttraum_Logos::POST_TYPE,
					'post_status' => 'publish',
					'post_title'  => $heading[0],
					'post_name'   => $slug,
					'menu_order'  => $order,
				),
				true
			);
			if ( is_wp_error( $post_id ) ) {
				++$counts[2];
				continue;
			}
			++$counts[ $existing ? 1 : 0 ];
			$logos        = self::logos( $group['partners'], $existing ? Stadttraum_Logos::logos( $post_id ) : array(), $base );
			$counts[2]   += $logos['skipped'];
			update_post_meta( $post_id, '_st_logos', $logos['logos'] );
			update_post_meta( $post_id, '_st_heading_en', $heading[1] );
			$min = $group['minHeight'] ?? '';
			update_post_meta( $post_id, '_st_min_height', is_numeric( $min ) ? (string) max( 0, min( 400, (int) $min ) ) : '' );
		}
		Stadttraum_Logos::mark();
		return $counts;
	}

	/** A heading as [ German, English ]: a string, or { de, en }. */
	private static function text( $value ) {
		if ( is_array( $value ) ) {
			return array( sanitize_text_field( (string) ( $value['de'] ?? '' ) ), sanitize_text_field( (string) ( $value['en'] ?? '' ) ) );
		}
		return array( is_string( $value ) ? sanitize_text_field( $value ) : '', '' );
	}

	/**
	 * The file's logos in its order, each matched by name with the group's present ones (a logo
	 * from the media library keeps its image); present logos the file does not name stay, after them.
	 */
	private static function logos( array $partners, array $present, $base ) {
		$by_name = array();
		foreach ( $present as $i => $logo ) {
			$by_name[ strtolower( (string) $logo['name'] ) ] = $i;
		}
		$out     = array();
		$skipped = 0;
		foreach ( $partners as $partner ) {
			$name = is_array( $partner ) ? sanitize_text_field( (string) ( $partner['name'] ?? '' ) ) : '';
			if ( '' === $name ) {
				++$skipped;
				continue;
			}
			$link = esc_url_raw( trim( (string) ( $partner['url'] ?? '' ) ), array( 'http', 'https' ) );
			$key  = strtolower( $name );
			if ( isset( $by_name[ $key ] ) && ! empty( $present[ $by_name[ $key ] ]['id'] ) ) {
				$out[] = array_merge( $present[ $by_name[ $key ] ], array( 'url' => $link ) );
				unset( $by_name[ $key ] );
				continue;
			}
			unset( $by_name[ $key ] );
			$logo = array(
				'id'   => 0,
				'name' => $name,
				'url'  => $link,
			);
			if ( isset( $partner['logo']['src'] ) ) {
				$src = self::address( (string) $partner['logo']['src'], $base );
				if ( '' === $src ) {
					++$skipped; // An image address we may not use: the logo is left out, not shown without it.
					continue;
				}
				$logo['src'] = $src;
				foreach ( array( 'width', 'height' ) as $size ) {
					if ( isset( $partner['logo'][ $size ] ) && is_numeric( $partner['logo'][ $size ] ) && $partner['logo'][ $size ] > 0 ) {
						$logo[ $size ] = (int) $partner['logo'][ $size ];
					}
				}
				if ( isset( $partner['logo']['alt'] ) ) {
					$logo['alt'] = sanitize_text_field( (string) $partner['logo']['alt'] );
				}
				if ( isset( $partner['logo']['darkSrc'] ) && '' !== self::address( (string) $partner['logo']['darkSrc'], $base ) ) {
					$logo['darkSrc'] = self::address( (string) $partner['logo']['darkSrc'], $base );
				}
			}
			$out[] = $logo;
		}
		foreach ( $by_name as $i ) {
			$out[] = $present[ $i ];
		}
		return array(
			'logos'   => $out,
			'skipped' => $skipped,
		);
	}

	/** An http(s) address, or a relative one read against $base (a path from the root stays as it is without one); '' for anything else. */
	private static function address( $src, $base ) {
		$src = trim( $src );
		if ( '' === $src ) {
			return '';
		}
		if ( ! preg_match( '#^[a-z][a-z0-9+.-]*:#i', $src ) && 0 !== strpos( $src, '//' ) ) {
			if ( '' !== $base ) {
				$src = WP_Http::make_absolute_url( $src, $base );
			} elseif ( 0 !== strpos( $src, '/' ) ) {
				return ''; // "../logos/a.svg" means nothing without the file's address.
			}
		}
		return (string) esc_url_raw( $src, array( 'http', 'https' ) );
	}
}
