<?php
/**
 * Mitfahrbänke (ride-share benches) as WordPress content: a post type edited in the admin
 * (name, position, destinations with their return benches, signs, how it works, access, bus
 * stops) and a REST feed in the format of the static file (schemas/mitfahrbank-map.schema.json),
 * with an ETag from a version stamp that moves when a published bench changes. The block and
 * shortcode use this feed when no `src` is given.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The bench post type, its editing box and its feed. */
final class Stadttraum_Benches {
	const POST_TYPE = 'stadttraum_bank';
	const VERSION   = 'stadttraum_benches_version';
	const ROUTE     = '/benches';

	/** @var Stadttraum_Content_Type */
	public static $type;

	/** Meta keys => kind. */
	private static $fields = array(
		'_st_lat'           => 'float',
		'_st_lon'           => 'float',
		'_st_municipality'  => 'text',
		'_st_location'      => 'textarea',
		'_st_destinations'  => 'textarea',
		'_st_other_dest'    => 'bool',
		'_st_resting_sign'  => 'bool',
		'_st_how_it_works'  => 'textarea',
		'_st_accessibility' => 'textarea',
		'_st_bus_stops'     => 'textarea',
	);

	public static function init() {
		self::$type = new Stadttraum_Content_Type(
			array(
				'post_type'   => self::POST_TYPE,
				'route'       => self::ROUTE,
				'version'     => self::VERSION,
				'etag'        => 'b',
				'locale_etag' => true,
				'labels'      => array( __CLASS__, 'labels' ),
				'args'        => function () {
					return array(
						'description' => __( 'Ride-share benches for the map block. The block shows the published ones when it has no data address of its own.', 'stadttraum' ),
						'menu_icon'   => 'dashicons-location-alt',
					);
				},
				'feed'        => array( __CLASS__, 'feed' ),
			)
		);
		add_action( 'add_meta_boxes_' . self::POST_TYPE, array( __CLASS__, 'meta_boxes' ) );
		add_action( 'save_post_' . self::POST_TYPE, array( __CLASS__, 'save' ), 10, 2 );
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_action( 'admin_enqueue_scripts', array( 'Stadttraum_Bench_Map', 'assets' ) );
		add_action( 'admin_post_stadttraum_benches_import', array( __CLASS__, 'import' ) );
	}

	public static function menu() {
		add_submenu_page( 'edit.php?post_type=' . self::POST_TYPE, __( 'Import benches (JSON)', 'stadttraum' ), __( 'Import', 'stadttraum' ), 'edit_others_posts', 'stadttraum-benches-import', array( __CLASS__, 'import_page' ) );
	}

	/** Upload of a town's existing benches file (the static format, e.g. benches.json). */
	public static function import_page() {
		if ( ! current_user_can( 'edit_others_posts' ) ) {
			return;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Import benches (JSON)', 'stadttraum' ) . '</h1>';
		if ( isset( $_GET['stadttraum_imported'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- display only.
			$counts = array_map( 'intval', explode( '-', sanitize_text_field( wp_unslash( $_GET['stadttraum_imported'] ) ) ) ); // phpcs:ignore WordPress.Security.NonceVerification
			/* translators: 1: new benches, 2: updated benches, 3: entries skipped */
			echo '<div class="notice notice-success"><p>' . esc_html( sprintf( __( 'Import done: %1$d new, %2$d updated, %3$d entries skipped.', 'stadttraum' ), $counts[0], isset( $counts[1] ) ? $counts[1] : 0, isset( $counts[2] ) ? $counts[2] : 0 ) ) . '</p></div>';
		}
		if ( isset( $_GET['stadttraum_import_error'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- display only.
			echo '<div class="notice notice-error"><p>' . esc_html__( 'The file is not a benches file (JSON with a “benches” list). Nothing was changed.', 'stadttraum' ) . '</p></div>';
		}
		echo '<p>' . esc_html__( 'A benches file in the widget’s format (as in schemas/mitfahrbank-map.schema.json, e.g. your existing benches.json). Each bench becomes a bench here; one whose ID exists already is updated. Benches without a position are skipped.', 'stadttraum' ) . '</p>';
		echo '<form method="post" enctype="multipart/form-data" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( 'stadttraum_benches_import' );
		echo '<input type="hidden" name="action" value="stadttraum_benches_import">';
		echo '<p><label for="st-benches-json">' . esc_html__( 'JSON file', 'stadttraum' ) . '</label><br><input type="file" id="st-benches-json" name="json" accept=".json,application/json" required></p>';
		submit_button( __( 'Import', 'stadttraum' ), 'primary', 'submit', false );
		echo '</form></div>';
	}

	public static function import() {
		if ( ! current_user_can( 'edit_others_posts' ) ) {
			wp_die( esc_html__( 'You are not allowed to do that.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_benches_import' );
		$back = admin_url( 'edit.php?post_type=' . self::POST_TYPE . '&page=stadttraum-benches-import' );
		$file = isset( $_FILES['json']['tmp_name'] ) ? sanitize_text_field( $_FILES['json']['tmp_name'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
		$data = '' !== $file && is_uploaded_file( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( ! is_array( $data ) || ! isset( $data['benches'] ) || ! is_array( $data['benches'] ) ) {
			wp_safe_redirect( add_query_arg( 'stadttraum_import_error', '1', $back ) );
			exit;
		}
		$counts = array( 0, 0, 0 );
		foreach ( $data['benches'] as $bench ) {
			$lat = is_array( $bench ) && isset( $bench['position']['lat'] ) ? str_replace( ',', '.', (string) $bench['position']['lat'] ) : '';
			$lon = is_array( $bench ) && isset( $bench['position']['lon'] ) ? str_replace( ',', '.', (string) $bench['position']['lon'] ) : '';
			$id  = is_array( $bench ) && isset( $bench['id'] ) ? sanitize_title( (string) $bench['id'] ) : '';
			if ( '' === $id || empty( $bench['name'] ) || ! is_numeric( $lat ) || ! is_numeric( $lon ) ) {
				++$counts[2];
				continue;
			}
			$existing = get_page_by_path( $id, OBJECT, self::POST_TYPE );
			$post_id  = wp_insert_post(
				array(
					'ID'          => $existing ? $existing->ID : 0,
					'post_type'   => self::POST_TYPE,
					'post_status' => 'publish',
					'post_title'  => sanitize_text_field( (string) $bench['name'] ),
					'post_name'   => $id,
				),
				true
			);
			if ( is_wp_error( $post_id ) ) {
				++$counts[2];
				continue;
			}
			++$counts[ $existing ? 1 : 0 ];
			$lines = function ( $list, $keys ) {
				$out = array();
				foreach ( is_array( $list ) ? $list : array() as $item ) {
					$parts = is_array( $item ) ? array_map(
						function ( $k ) use ( $item ) {
							return isset( $item[ $k ] ) ? str_replace( '|', '/', (string) $item[ $k ] ) : '';
						},
						$keys
					) : array( str_replace( '|', '/', (string) $item ) );
					$out[] = rtrim( implode( ' | ', $parts ), ' |' );
				}
				return implode( "\n", $out );
			};
			$meta = array(
				'_st_lat'           => (string) (float) $lat,
				'_st_lon'           => (string) (float) $lon,
				'_st_municipality'  => sanitize_text_field( (string) ( $bench['municipality'] ?? '' ) ),
				'_st_location'      => sanitize_textarea_field( (string) ( $bench['location'] ?? '' ) ),
				'_st_destinations'  => sanitize_textarea_field( $lines( $bench['destinations'] ?? array(), array( 'name', 'returnBench' ) ) ),
				'_st_other_dest'    => empty( $bench['otherDestinations'] ) ? '' : '1',
				'_st_resting_sign'  => empty( $bench['restingSign'] ) ? '' : '1',
				'_st_how_it_works'  => sanitize_textarea_field( (string) ( $bench['howItWorks'] ?? '' ) ),
				'_st_accessibility' => sanitize_textarea_field( (string) ( $bench['accessibility'] ?? '' ) ),
				'_st_bus_stops'     => sanitize_textarea_field( $lines( $bench['busStops'] ?? array(), array( 'name', 'lines', 'distance' ) ) ),
			);
			foreach ( $meta as $key => $value ) {
				update_post_meta( $post_id, $key, $value );
			}
		}
		self::mark();
		wp_safe_redirect( add_query_arg( 'stadttraum_imported', implode( '-', $counts ), $back ) );
		exit;
	}

	public static function labels() {
		return array(
			'name'          => __( 'Ride-share benches', 'stadttraum' ),
			'singular_name' => __( 'Ride-share bench', 'stadttraum' ),
			'add_new'       => __( 'New bench', 'stadttraum' ),
			'add_new_item'  => __( 'Add new bench', 'stadttraum' ),
			'edit_item'     => __( 'Edit bench', 'stadttraum' ),
			'all_items'     => __( 'All benches', 'stadttraum' ),
			'not_found'     => __( 'No benches found.', 'stadttraum' ),
		);
	}

	public static function meta_boxes() {
		add_meta_box( 'stadttraum-bench', __( 'Bench', 'stadttraum' ), array( __CLASS__, 'meta_box' ), self::POST_TYPE, 'normal', 'high' );
	}

	/** One labelled input per field, each with its help text tied by aria-describedby. */
	public static function meta_box( $post ) {
		wp_nonce_field( 'stadttraum_bench', 'stadttraum_bench_nonce' );
		$value = function ( $key ) use ( $post ) {
			return (string) get_post_meta( $post->ID, $key, true );
		};
		$rows = array(
			'_st_lat'           => array( __( 'Latitude', 'stadttraum' ), __( 'Decimal degrees, e.g. 51.7331 (right-click the place in a map app to copy it).', 'stadttraum' ) ),
			'_st_lon'           => array( __( 'Longitude', 'stadttraum' ), __( 'Decimal degrees, e.g. 11.2622.', 'stadttraum' ) ),
			'_st_municipality'  => array( __( 'Municipality', 'stadttraum' ), '' ),
			'_st_location'      => array( __( 'Where exactly', 'stadttraum' ), __( 'How to find the bench, e.g. “In front of the bakery, facing the main road.”', 'stadttraum' ) ),
			'_st_destinations'  => array( __( 'Destinations', 'stadttraum' ), __( 'One per line: destination | address (slug) of the bench for the way back, e.g. “Quedlinburg | quedlinburg-bahnhof”. The part after | is optional.', 'stadttraum' ) ),
			'_st_how_it_works'  => array( __( 'How it works', 'stadttraum' ), '' ),
			'_st_accessibility' => array( __( 'Accessibility', 'stadttraum' ), '' ),
			'_st_bus_stops'     => array( __( 'Bus stops nearby', 'stadttraum' ), __( 'One per line: name | lines | distance in metres, e.g. “Markt | 318, 320 | 40”.', 'stadttraum' ) ),
		);
		echo '<table class="form-table" role="presentation"><tbody>';
		foreach ( $rows as $key => list( $label, $help ) ) {
			$id    = 'st' . str_replace( '_', '-', $key );
			$kind  = self::$fields[ $key ];
			$descr = '' === $help ? '' : ' aria-describedby="' . esc_attr( $id ) . '-help"';
			echo '<tr><th scope="row"><label for="' . esc_attr( $id ) . '">' . esc_html( $label ) . '</label></th><td>';
			if ( 'textarea' === $kind ) {
				echo '<textarea class="large-text" rows="3" id="' . esc_attr( $id ) . '" name="' . esc_attr( $key ) . '"' . $descr . '>' . esc_textarea( $value( $key ) ) . '</textarea>'; // phpcs:ignore WordPress.Security.EscapeOutput -- $descr is escaped above.
			} else {
				$extra = 'float' === $kind ? ' type="number" step="any" inputmode="decimal" min="' . ( '_st_lat' === $key ? '-90' : '-180' ) . '" max="' . ( '_st_lat' === $key ? '90' : '180' ) . '"' : ' type="text"';
				echo '<input class="regular-text" id="' . esc_attr( $id ) . '" name="' . esc_attr( $key ) . '" value="' . esc_attr( $value( $key ) ) . '"' . $extra . $descr . '>'; // phpcs:ignore WordPress.Security.EscapeOutput -- fixed attributes.
			}
			if ( '' !== $help ) {
				echo '<p class="description" id="' . esc_attr( $id ) . '-help">' . esc_html( $help ) . '</p>';
			}
			echo '</td></tr>';
			if ( '_st_lon' === $key ) {
				echo '<tr><th scope="row">' . esc_html__( 'On the map', 'stadttraum' ) . '</th><td>';
				Stadttraum_Bench_Map::render();
				echo '</td></tr>';
			}
		}
		echo '<tr><th scope="row">' . esc_html__( 'Signs', 'stadttraum' ) . '</th><td><fieldset><legend class="screen-reader-text">' . esc_html__( 'Signs', 'stadttraum' ) . '</legend>';
		foreach ( array(
			'_st_other_dest'   => __( 'A blank sign for other destinations', 'stadttraum' ),
			'_st_resting_sign' => __( 'A sign “I am only resting”', 'stadttraum' ),
		) as $key => $label ) {
			echo '<label><input type="checkbox" name="' . esc_attr( $key ) . '" value="1"' . checked( '1', $value( $key ), false ) . '> ' . esc_html( $label ) . '</label><br>';
		}
		echo '</fieldset></td></tr></tbody></table>';
		echo '<p>' . esc_html(
			sprintf(
				/* translators: %s: address of the feed */
				__( 'Published benches are in the feed %s, which the “Ride-share benches” block shows when it has no data address of its own.', 'stadttraum' ),
				rest_url( Stadttraum_Rest::NS . self::ROUTE )
			)
		) . '</p>';
	}

	public static function save( $post_id, $post ) {
		if ( ! isset( $_POST['stadttraum_bench_nonce'] ) || ! wp_verify_nonce( sanitize_key( wp_unslash( $_POST['stadttraum_bench_nonce'] ) ), 'stadttraum_bench' ) ) {
			return;
		}
		if ( wp_is_post_autosave( $post_id ) || wp_is_post_revision( $post_id ) || ! current_user_can( 'edit_post', $post_id ) ) {
			return;
		}
		foreach ( self::$fields as $key => $kind ) {
			$raw = isset( $_POST[ $key ] ) ? wp_unslash( $_POST[ $key ] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- sanitised per kind below.
			switch ( $kind ) {
				case 'float':
					$number = str_replace( ',', '.', trim( (string) $raw ) );
					$limit  = '_st_lat' === $key ? 90 : 180;
					$value  = is_numeric( $number ) && abs( (float) $number ) <= $limit ? (string) (float) $number : '';
					break;
				case 'bool':
					$value = '' === $raw ? '' : '1';
					break;
				case 'textarea':
					$value = sanitize_textarea_field( (string) $raw );
					break;
				default:
					$value = sanitize_text_field( (string) $raw );
			}
			update_post_meta( $post_id, $key, $value );
		}
		self::mark();
	}

	public static function mark() {
		self::$type->mark();
	}

	/** The published benches in the format of schemas/mitfahrbank-map.schema.json. */
	public static function feed() {
		$posts   = get_posts(
			array(
				'post_type'      => self::POST_TYPE,
				'post_status'    => 'publish',
				'posts_per_page' => 2000,
				'orderby'        => 'title',
				'order'          => 'ASC',
				'has_password'   => false,
			)
		);
		$benches = array();
		foreach ( $posts as $post ) {
			$meta = function ( $key ) use ( $post ) {
				return (string) get_post_meta( $post->ID, $key, true );
			};
			if ( '' === $meta( '_st_lat' ) || '' === $meta( '_st_lon' ) ) {
				continue; // Without a position the map cannot show it (the schema requires one).
			}
			$bench = array(
				'id'       => $post->post_name ? $post->post_name : (string) $post->ID,
				'name'     => html_entity_decode( get_the_title( $post ), ENT_QUOTES, 'UTF-8' ),
				'position' => array(
					'lat' => (float) $meta( '_st_lat' ),
					'lon' => (float) $meta( '_st_lon' ),
				),
			);
			foreach ( array( 'municipality' => '_st_municipality', 'location' => '_st_location', 'howItWorks' => '_st_how_it_works', 'accessibility' => '_st_accessibility' ) as $name => $key ) {
				if ( '' !== $meta( $key ) ) {
					$bench[ $name ] = $meta( $key );
				}
			}
			$bench['destinations'] = array();
			foreach ( self::lines( $meta( '_st_destinations' ) ) as $parts ) {
				$bench['destinations'][] = isset( $parts[1] ) && '' !== $parts[1] ? array( 'name' => $parts[0], 'returnBench' => sanitize_title( $parts[1] ) ) : $parts[0];
			}
			$bench['otherDestinations'] = '1' === $meta( '_st_other_dest' );
			$bench['restingSign']       = '1' === $meta( '_st_resting_sign' );
			$bench['busStops']          = array();
			foreach ( self::lines( $meta( '_st_bus_stops' ) ) as $parts ) {
				$stop = array( 'name' => $parts[0] );
				if ( isset( $parts[1] ) && '' !== $parts[1] ) {
					$stop['lines'] = $parts[1];
				}
				if ( isset( $parts[2] ) && is_numeric( $parts[2] ) && (float) $parts[2] >= 0 ) {
					$stop['distance'] = (float) $parts[2];
				}
				$bench['busStops'][] = $stop;
			}
			$benches[] = $bench;
		}
		return array(
			'schemaVersion' => 1,
			'benches'       => $benches,
		);
	}

	/** Non-empty lines split at "|", trimmed; the first part must not be empty. */
	private static function lines( $text ) {
		$out = array();
		foreach ( preg_split( '/\r?\n/', (string) $text ) as $line ) {
			$parts = array_map( 'trim', explode( '|', $line ) );
			if ( '' !== $parts[0] ) {
				$out[] = $parts;
			}
		}
		return $out;
	}
}
