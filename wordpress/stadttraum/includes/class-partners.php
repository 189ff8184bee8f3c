<?php
/**
 * Acceptance partners of the Ehrenamtskarte as WordPress content: a post type edited in the
 * admin, CSV import and export in the Ehrenamtskarte app's format (the columns of
 * demo/templates/ehrenamt-partner.csv; one row per location, rows with the same ID are one
 * partner), and a REST feed `{ "partners": [...] }` in the format of the static file
 * (schemas/ehrenamt-card.schema.json) with an ETag. The volunteer card block adds these partners
 * (its `partners-src`) when it has no partner address of its own and there are any.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The partner post type, its box, CSV import/export and feed. */
final class Stadttraum_Partners {
	const POST_TYPE = 'stadttraum_partner';
	const VERSION   = 'stadttraum_partners_version';
	const ROUTE     = '/partners';

	/** @var Stadttraum_Content_Type */
	public static $type;

	/** The app's CSV columns => meta key ('' = title, 'id' = slug, 'loc:*' = a location's part). */
	private static $columns = array(
		'Name'                      => '',
		'Vorteil'                   => '_st_benefit',
		'Vorteil (englisch)'        => '_st_benefit_en',
		'Kategorie'                 => '_st_category',
		'Straße'                    => 'loc:street',
		'PLZ'                       => 'loc:postalCode',
		'Ort'                       => 'loc:city',
		'Breitengrad'               => 'loc:lat',
		'Längengrad'                => 'loc:lng',
		'Webseite'                  => '_st_website',
		'Telefon'                   => '_st_phone',
		'E-Mail'                    => '_st_email',
		'Öffnungszeiten'            => '_st_hours',
		'Öffnungszeiten (englisch)' => '_st_hours_en',
		'ID'                        => 'id',
	);

	public static function init() {
		self::$type = new Stadttraum_Content_Type(
			array(
				'post_type' => self::POST_TYPE,
				'route'     => self::ROUTE,
				'version'   => self::VERSION,
				'etag'      => 'p',
				'labels'    => array( __CLASS__, 'labels' ),
				'args'      => array( 'menu_icon' => 'dashicons-id' ),
				'feed'      => function () {
					return array(
						'schemaVersion' => 1,
						'partners'      => self::partners(),
					);
				},
			)
		);
		add_action( 'add_meta_boxes_' . self::POST_TYPE, array( __CLASS__, 'meta_boxes' ) );
		add_action( 'save_post_' . self::POST_TYPE, array( __CLASS__, 'save' ), 10, 2 );
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_action( 'admin_post_stadttraum_partners_import', array( __CLASS__, 'import' ) );
		add_action( 'admin_post_stadttraum_partners_export', array( __CLASS__, 'export' ) );
	}

	public static function labels() {
		return array(
			'name'          => __( 'Card partners', 'stadttraum' ),
			'singular_name' => __( 'Card partner', 'stadttraum' ),
			'add_new'       => __( 'New partner', 'stadttraum' ),
			'add_new_item'  => __( 'Add new partner', 'stadttraum' ),
			'edit_item'     => __( 'Edit partner', 'stadttraum' ),
			'all_items'     => __( 'All partners', 'stadttraum' ),
			'not_found'     => __( 'No partners found.', 'stadttraum' ),
		);
	}

	/** Text fields of the box: meta key => label. */
	private static function fields() {
		return array(
			'_st_benefit'    => __( 'Benefit', 'stadttraum' ),
			'_st_benefit_en' => __( 'Benefit (English)', 'stadttraum' ),
			'_st_category'   => __( 'Category', 'stadttraum' ),
			'_st_locations'  => __( 'Locations', 'stadttraum' ),
			'_st_website'    => __( 'Website', 'stadttraum' ),
			'_st_phone'      => __( 'Phone', 'stadttraum' ),
			'_st_email'      => __( 'E-mail', 'stadttraum' ),
			'_st_hours'      => __( 'Opening hours', 'stadttraum' ),
			'_st_hours_en'   => __( 'Opening hours (English)', 'stadttraum' ),
		);
	}

	public static function meta_boxes() {
		add_meta_box( 'stadttraum-partner', __( 'Partner of the volunteer card', 'stadttraum' ), array( __CLASS__, 'meta_box' ), self::POST_TYPE, 'normal', 'high' );
	}

	public static function meta_box( $post ) {
		wp_nonce_field( 'stadttraum_partner', 'stadttraum_partner_nonce' );
		echo '<table class="form-table" role="presentation"><tbody>';
		foreach ( self::fields() as $key => $label ) {
			$id    = 'st' . str_replace( '_', '-', $key );
			$value = (string) get_post_meta( $post->ID, $key, true );
			echo '<tr><th scope="row"><label for="' . esc_attr( $id ) . '">' . esc_html( $label ) . '</label></th><td>';
			if ( '_st_locations' === $key ) {
				echo '<textarea class="large-text" rows="3" id="' . esc_attr( $id ) . '" name="' . esc_attr( $key ) . '" aria-describedby="' . esc_attr( $id ) . '-help">' . esc_textarea( $value ) . '</textarea>';
				echo '<p class="description" id="' . esc_attr( $id ) . '-help">' . esc_html__( 'One per line: street | postcode | town | latitude | longitude, e.g. “Markt 4 | 06499 | Harzstedt | 51.7191 | 11.2408”.', 'stadttraum' ) . '</p>';
			} else {
				echo '<input class="regular-text" type="' . ( '_st_email' === $key ? 'email' : ( '_st_website' === $key ? 'url' : 'text' ) ) . '" id="' . esc_attr( $id ) . '" name="' . esc_attr( $key ) . '" value="' . esc_attr( $value ) . '">';
			}
			echo '</td></tr>';
		}
		echo '</tbody></table>';
	}

	public static function save( $post_id, $post ) {
		if ( ! isset( $_POST['stadttraum_partner_nonce'] ) || ! wp_verify_nonce( sanitize_key( wp_unslash( $_POST['stadttraum_partner_nonce'] ) ), 'stadttraum_partner' ) ) {
			return;
		}
		if ( wp_is_post_autosave( $post_id ) || wp_is_post_revision( $post_id ) || ! current_user_can( 'edit_post', $post_id ) ) {
			return;
		}
		$values = array();
		foreach ( array_keys( self::fields() ) as $key ) {
			$values[ $key ] = isset( $_POST[ $key ] ) ? wp_unslash( $_POST[ $key ] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- sanitised in store().
		}
		self::store( $post_id, $values );
	}

	/** Writes the meta of one partner, each value cleaned for its kind. */
	private static function store( $post_id, $values ) {
		foreach ( array_keys( self::fields() ) as $key ) {
			$raw = isset( $values[ $key ] ) ? (string) $values[ $key ] : '';
			if ( '_st_website' === $key ) {
				$value = esc_url_raw( trim( $raw ), array( 'http', 'https' ) );
			} elseif ( '_st_email' === $key ) {
				$value = sanitize_email( $raw );
			} elseif ( '_st_locations' === $key ) {
				$value = sanitize_textarea_field( $raw );
			} else {
				$value = sanitize_text_field( $raw );
			}
			update_post_meta( $post_id, $key, $value );
		}
		self::mark();
	}

	public static function mark() {
		self::$type->mark();
	}

	/** Whether any partner is published (the card block then adds the feed). */
	public static function any() {
		return self::$type->any();
	}

	/** The published partners in the format of the static file. */
	public static function partners() {
		$out = array();
		foreach ( get_posts(
			array(
				'post_type'      => self::POST_TYPE,
				'post_status'    => 'publish',
				'posts_per_page' => 5000,
				'orderby'        => 'title',
				'order'          => 'ASC',
				'has_password'   => false,
			)
		) as $post ) {
			$meta    = function ( $key ) use ( $post ) {
				return (string) get_post_meta( $post->ID, $key, true );
			};
			$partner = array(
				'id'   => $post->post_name ? $post->post_name : (string) $post->ID,
				'name' => html_entity_decode( get_the_title( $post ), ENT_QUOTES, 'UTF-8' ),
			);
			foreach ( array( 'benefit' => '_st_benefit', 'hours' => '_st_hours' ) as $name => $key ) {
				if ( '' === $meta( $key ) ) {
					continue;
				}
				$partner[ $name ] = '' === $meta( $key . '_en' ) ? $meta( $key ) : array( 'de' => $meta( $key ), 'en' => $meta( $key . '_en' ) );
			}
			foreach ( array( 'category' => '_st_category', 'website' => '_st_website', 'phone' => '_st_phone', 'email' => '_st_email' ) as $name => $key ) {
				if ( '' !== $meta( $key ) ) {
					$partner[ $name ] = $meta( $key );
				}
			}
			$locations = array();
			foreach ( preg_split( '/\r?\n/', $meta( '_st_locations' ) ) as $line ) {
				$parts = array_map( 'trim', explode( '|', $line ) );
				if ( '' === implode( '', $parts ) ) {
					continue;
				}
				$location = array();
				foreach ( array( 'street', 'postalCode', 'city' ) as $i => $name ) {
					if ( isset( $parts[ $i ] ) && '' !== $parts[ $i ] ) {
						$location[ $name ] = $parts[ $i ];
					}
				}
				$lat = isset( $parts[3] ) ? str_replace( ',', '.', $parts[3] ) : '';
				$lng = isset( $parts[4] ) ? str_replace( ',', '.', $parts[4] ) : '';
				if ( is_numeric( $lat ) && is_numeric( $lng ) && abs( (float) $lat ) <= 90 && abs( (float) $lng ) <= 180 ) {
					$location['lat'] = (float) $lat;
					$location['lng'] = (float) $lng;
				}
				$locations[] = $location;
			}
			if ( $locations ) {
				$partner['locations'] = $locations;
			}
			$out[] = $partner;
		}
		return $out;
	}

	// --- CSV import and export ---------------------------------------------------------------

	public static function menu() {
		add_submenu_page( 'edit.php?post_type=' . self::POST_TYPE, __( 'Import and export (CSV)', 'stadttraum' ), __( 'Import / export', 'stadttraum' ), 'edit_others_posts', 'stadttraum-partners-csv', array( __CLASS__, 'csv_page' ) );
	}

	public static function csv_page() {
		if ( ! current_user_can( 'edit_others_posts' ) ) {
			return;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Card partners: import and export (CSV)', 'stadttraum' ) . '</h1>';
		if ( isset( $_GET['stadttraum_imported'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- display only.
			$counts = array_map( 'intval', explode( '-', sanitize_text_field( wp_unslash( $_GET['stadttraum_imported'] ) ) ) ); // phpcs:ignore WordPress.Security.NonceVerification
			/* translators: 1: new partners, 2: updated partners, 3: rows skipped */
			echo '<div class="notice notice-success"><p>' . esc_html( sprintf( __( 'Import done: %1$d new, %2$d updated, %3$d rows skipped.', 'stadttraum' ), $counts[0], isset( $counts[1] ) ? $counts[1] : 0, isset( $counts[2] ) ? $counts[2] : 0 ) ) . '</p></div>';
		}
		if ( isset( $_GET['stadttraum_import_error'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- display only.
			echo '<div class="notice notice-error"><p>' . esc_html__( 'The file could not be read as the Ehrenamtskarte app’s CSV (a “Name” column is needed). Nothing was changed.', 'stadttraum' ) . '</p></div>';
		}
		echo '<p>' . esc_html__( 'The format of the Ehrenamtskarte app: one row per location, separated by semicolons, with the columns Name; Vorteil; Vorteil (englisch); Kategorie; Straße; PLZ; Ort; Breitengrad; Längengrad; Webseite; Telefon; E-Mail; Öffnungszeiten; Öffnungszeiten (englisch); ID. Rows with the same ID are one partner with several locations. A partner whose ID exists already is updated.', 'stadttraum' ) . '</p>';
		echo '<form method="post" enctype="multipart/form-data" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( 'stadttraum_partners_import' );
		echo '<input type="hidden" name="action" value="stadttraum_partners_import">';
		echo '<p><label for="st-partners-csv">' . esc_html__( 'CSV file', 'stadttraum' ) . '</label><br><input type="file" id="st-partners-csv" name="csv" accept=".csv,text/csv" required></p>';
		submit_button( __( 'Import', 'stadttraum' ), 'primary', 'submit', false );
		echo '</form><h2>' . esc_html__( 'Export', 'stadttraum' ) . '</h2><form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( 'stadttraum_partners_export' );
		echo '<input type="hidden" name="action" value="stadttraum_partners_export">';
		submit_button( __( 'Download CSV', 'stadttraum' ), 'secondary', 'submit', false );
		echo '</form></div>';
	}

	/** Rows of a CSV text as header => value maps; `;` or `,` as found in the header line. */
	public static function read_csv( $text ) {
		$text = preg_replace( '/^\xEF\xBB\xBF/', '', (string) $text );
		$first = strtok( $text, "\n" );
		$sep   = substr_count( (string) $first, ';' ) >= substr_count( (string) $first, ',' ) ? ';' : ',';
		$h     = fopen( 'php://temp', 'r+' );
		fwrite( $h, $text );
		rewind( $h );
		$head = fgetcsv( $h, 0, $sep, '"', '' );
		$rows = array();
		if ( ! is_array( $head ) || ! in_array( 'Name', array_map( 'trim', $head ), true ) ) {
			fclose( $h );
			return null;
		}
		$head = array_map( 'trim', $head );
		while ( ( $line = fgetcsv( $h, 0, $sep, '"', '' ) ) !== false ) { // phpcs:ignore WordPress.CodeAnalysis.AssignmentInCondition
			if ( array( null ) === $line ) {
				continue;
			}
			$row = array();
			foreach ( $head as $i => $name ) {
				$row[ $name ] = isset( $line[ $i ] ) ? trim( $line[ $i ] ) : '';
			}
			$rows[] = $row;
		}
		fclose( $h );
		return $rows;
	}

	public static function import() {
		if ( ! current_user_can( 'edit_others_posts' ) ) {
			wp_die( esc_html__( 'You are not allowed to do that.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_partners_import' );
		$back = admin_url( 'edit.php?post_type=' . self::POST_TYPE . '&page=stadttraum-partners-csv' );
		$file = isset( $_FILES['csv']['tmp_name'] ) ? sanitize_text_field( $_FILES['csv']['tmp_name'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
		$rows = '' !== $file && is_uploaded_file( $file ) ? self::read_csv( file_get_contents( $file ) ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( null === $rows ) {
			wp_safe_redirect( add_query_arg( 'stadttraum_import_error', '1', $back ) );
			exit;
		}
		// Group the rows: one partner per ID (or per name without ID), one location per row.
		$partners = array();
		$skipped  = 0;
		foreach ( $rows as $row ) {
			$id = sanitize_title( '' !== ( $row['ID'] ?? '' ) ? $row['ID'] : ( $row['Name'] ?? '' ) );
			if ( '' === $id ) {
				++$skipped;
				continue;
			}
			if ( ! isset( $partners[ $id ] ) ) {
				$partners[ $id ] = array( 'title' => '', 'meta' => array(), 'locations' => array() );
			}
			$p = &$partners[ $id ];
			foreach ( self::$columns as $column => $key ) {
				$value = isset( $row[ $column ] ) ? $row[ $column ] : '';
				if ( '' === $key && '' !== $value && '' === $p['title'] ) {
					$p['title'] = $value;
				} elseif ( 0 === strpos( $key, '_st_' ) && '' !== $value && empty( $p['meta'][ $key ] ) ) {
					$p['meta'][ $key ] = $value;
				}
			}
			$location = array();
			foreach ( array( 'Straße', 'PLZ', 'Ort', 'Breitengrad', 'Längengrad' ) as $column ) {
				$location[] = str_replace( '|', '/', isset( $row[ $column ] ) ? $row[ $column ] : '' );
			}
			if ( '' !== implode( '', $location ) ) {
				$p['locations'][] = implode( ' | ', $location );
			}
			unset( $p );
		}
		$new     = 0;
		$updated = 0;
		foreach ( $partners as $id => $p ) {
			if ( '' === $p['title'] ) {
				++$skipped;
				continue;
			}
			$existing = get_page_by_path( $id, OBJECT, self::POST_TYPE );
			$post_id  = wp_insert_post(
				array(
					'ID'          => $existing ? $existing->ID : 0,
					'post_type'   => self::POST_TYPE,
					'post_status' => 'publish',
					'post_title'  => sanitize_text_field( $p['title'] ),
					'post_name'   => $id,
				),
				true
			);
			if ( is_wp_error( $post_id ) ) {
				++$skipped;
				continue;
			}
			$existing ? ++$updated : ++$new;
			self::store( $post_id, array_merge( $p['meta'], array( '_st_locations' => implode( "\n", $p['locations'] ) ) ) );
		}
		wp_safe_redirect( add_query_arg( 'stadttraum_imported', $new . '-' . $updated . '-' . $skipped, $back ) );
		exit;
	}

	public static function export() {
		if ( ! current_user_can( 'edit_others_posts' ) ) {
			wp_die( esc_html__( 'You are not allowed to do that.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_partners_export' );
		nocache_headers();
		header( 'Content-Type: text/csv; charset=UTF-8' );
		header( 'Content-Disposition: attachment; filename="ehrenamtskarte-partner.csv"' );
		$out = fopen( 'php://output', 'w' );
		fwrite( $out, "\xEF\xBB\xBF" ); // Excel reads UTF-8 with the BOM.
		fputcsv( $out, array_keys( self::$columns ), ';', '"', '' );
		foreach ( self::partners() as $partner ) {
			$text = function ( $value, $lang ) {
				return is_array( $value ) ? ( isset( $value[ $lang ] ) ? $value[ $lang ] : '' ) : ( 'de' === $lang ? (string) $value : '' );
			};
			$locations = isset( $partner['locations'] ) ? $partner['locations'] : array( array() );
			foreach ( $locations as $i => $l ) {
				$coord = function ( $v ) {
					return null === $v ? '' : str_replace( '.', ',', (string) $v ); // the app writes decimal commas
				};
				fputcsv(
					$out,
					array(
						$partner['name'],
						0 === $i && isset( $partner['benefit'] ) ? $text( $partner['benefit'], 'de' ) : '',
						0 === $i && isset( $partner['benefit'] ) ? $text( $partner['benefit'], 'en' ) : '',
						0 === $i && isset( $partner['category'] ) ? $partner['category'] : '',
						isset( $l['street'] ) ? $l['street'] : '',
						isset( $l['postalCode'] ) ? $l['postalCode'] : '',
						isset( $l['city'] ) ? $l['city'] : '',
						$coord( isset( $l['lat'] ) ? $l['lat'] : null ),
						$coord( isset( $l['lng'] ) ? $l['lng'] : null ),
						0 === $i && isset( $partner['website'] ) ? $partner['website'] : '',
						0 === $i && isset( $partner['phone'] ) ? $partner['phone'] : '',
						0 === $i && isset( $partner['email'] ) ? $partner['email'] : '',
						0 === $i && isset( $partner['hours'] ) ? $text( $partner['hours'], 'de' ) : '',
						0 === $i && isset( $partner['hours'] ) ? $text( $partner['hours'], 'en' ) : '',
						$partner['id'],
					),
					';',
					'"',
					''
				);
			}
		}
		fclose( $out );
		exit;
	}
}
