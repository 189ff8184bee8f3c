<?php
/**
 * The Ehrenamtskarte's programme text kept in WordPress: what the card is, who can get it (the
 * card levels with their self-check), what it brings and where to apply, in German and English.
 * Edited on a page under "Card partners", served as the card's feed `/stadttraum/v1/card` in the
 * format of schemas/ehrenamt-card.schema.json (without partners: those come from
 * `/stadttraum/v1/partners`) with an ETag; the card block uses it when it has no `src` of its own.
 * A town's existing card file (ehrenamt.json) can fill the page in one go.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The programme page, its storage and feed. */
final class Stadttraum_Card_Programme {
	const OPTION  = 'stadttraum_card_programme';
	const VERSION = 'stadttraum_card_version';
	const ROUTE   = '/card';
	const PAGE    = 'stadttraum-card-programme';
	const ACTION  = 'stadttraum_card_programme';
	/** The rejected input of the last save, kept for the form (one per user, for an hour). */
	const DRAFT = 'stadttraum_card_draft_';

	/** Texts with a German and an English version: key => [ path in the feed, multi-line ]. */
	private static function texts() {
		return array(
			'name'          => array( __( 'Name of the card', 'stadttraum' ), false ),
			'issuer'        => array( __( 'Issued by', 'stadttraum' ), false ),
			'region'        => array( __( 'Where it is valid', 'stadttraum' ), false ),
			'description'   => array( __( 'What the card is', 'stadttraum' ), true ),
			'benefits'      => array( __( 'What it brings (one per line)', 'stadttraum' ), true ),
			'apply.office'  => array( __( 'Where to apply: office', 'stadttraum' ), false ),
			'apply.address' => array( __( 'Address', 'stadttraum' ), true ),
			'apply.hours'   => array( __( 'Opening hours', 'stadttraum' ), false ),
			'apply.costs'   => array( __( 'Costs', 'stadttraum' ), false ),
			'apply.note'    => array( __( 'Note on applying', 'stadttraum' ), true ),
		);
	}

	/** Plain fields of the application: key => [ label, input type ]. */
	private static function contacts() {
		return array(
			'apply.url'     => array( __( 'Application page (link)', 'stadttraum' ), 'url' ),
			'apply.formUrl' => array( __( 'Application form (link to the PDF)', 'stadttraum' ), 'url' ),
			'apply.phone'   => array( __( 'Phone', 'stadttraum' ), 'text' ),
			'apply.email'   => array( __( 'E-mail', 'stadttraum' ), 'email' ),
		);
	}

	public static function init() {
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_action( 'admin_post_' . self::ACTION, array( __CLASS__, 'save' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'routes' ) );
	}

	public static function menu() {
		add_submenu_page( 'edit.php?post_type=' . Stadttraum_Partners::POST_TYPE, __( 'The card’s programme', 'stadttraum' ), __( 'Programme', 'stadttraum' ), 'edit_others_posts', self::PAGE, array( __CLASS__, 'page' ) );
	}

	/** The stored programme (feed format), or an empty array. */
	public static function get() {
		$value = get_option( self::OPTION, array() );
		return is_array( $value ) ? $value : array();
	}

	/** Whether a programme is kept here (the card block then uses its feed). */
	public static function any() {
		return '' !== self::pick( self::get(), 'name' )[0];
	}

	public static function url() {
		return rest_url( Stadttraum_Rest::NS . self::ROUTE );
	}

	/** [ German, English ] of a text at a dotted path ("apply.office"); a string counts as German. */
	private static function pick( $data, $path ) {
		foreach ( explode( '.', $path ) as $part ) {
			$data = is_array( $data ) && isset( $data[ $part ] ) ? $data[ $part ] : '';
		}
		if ( is_array( $data ) && isset( $data[0] ) || ( is_array( $data ) && array() === $data ) ) {
			// A list (benefits): one line each.
			$de = array();
			$en = array();
			foreach ( $data as $item ) {
				list( $d, $e ) = self::pick( array( 'x' => $item ), 'x' );
				$de[]          = $d;
				$en[]          = $e;
			}
			return array( implode( "\n", $de ), rtrim( implode( "\n", $en ) ) );
		}
		if ( is_array( $data ) ) {
			return array( (string) ( $data['de'] ?? '' ), (string) ( $data['en'] ?? '' ) );
		}
		return array( is_scalar( $data ) ? (string) $data : '', '' );
	}

	public static function page() {
		if ( ! current_user_can( 'edit_others_posts' ) ) {
			return;
		}
		$draft = get_transient( self::DRAFT . get_current_user_id() );
		$data  = is_array( $draft ) ? $draft['data'] : self::get();
		echo '<div class="wrap"><h1>' . esc_html__( 'The card’s programme', 'stadttraum' ) . '</h1>';
		// phpcs:disable WordPress.Security.NonceVerification -- display only.
		if ( isset( $_GET['stadttraum_saved'] ) && ! is_array( $draft ) ) {
			echo '<div class="notice notice-success" id="st-card-saved" tabindex="-1"><p>' . esc_html__( 'Programme saved. The volunteer card block shows it when it has no data address of its own.', 'stadttraum' ) . '</p></div>';
		}
		// phpcs:enable
		if ( is_array( $draft ) ) {
			delete_transient( self::DRAFT . get_current_user_id() );
			echo '<div class="notice notice-error" id="st-card-error" tabindex="-1"><p>' . esc_html( $draft['error'] ) . ' ' . esc_html__( 'Nothing was saved; your input is still in the form.', 'stadttraum' ) . '</p></div>';
		}
		echo '<p>' . esc_html(
			sprintf(
				/* translators: %s: address of the feed */
				__( 'What the volunteer card is, who can get it and where to apply. The “Volunteer card” block shows this text (from the feed %s) with the partners kept here, when it has no data address of its own. English texts are optional: without them English readers see the German text.', 'stadttraum' ),
				self::url()
			)
		) . '</p>';
		echo '<form method="post" enctype="multipart/form-data" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		wp_nonce_field( self::ACTION );
		echo '<input type="hidden" name="action" value="' . esc_attr( self::ACTION ) . '">';
		echo '<table class="form-table" role="presentation"><tbody>';
		foreach ( self::texts() as $key => list( $label, $multi ) ) {
			$id    = 'st-card-' . str_replace( '.', '-', $key );
			$value = self::pick( $data, $key );
			echo '<tr><th scope="row"><label for="' . esc_attr( $id ) . '">' . esc_html( $label ) . '</label></th><td>';
			foreach ( array( 'de', 'en' ) as $i => $lang ) {
				$field = $id . ( 'en' === $lang ? '-en' : '' );
				if ( 'en' === $lang ) {
					// "English" on screen; the field's name too for screen readers, which read the label alone.
					echo '<label for="' . esc_attr( $field ) . '" class="description"><span class="screen-reader-text">' . esc_html( $label ) . ', </span>' . esc_html__( 'English', 'stadttraum' ) . '</label><br>';
				}
				$name = 'card[' . $key . '][' . $lang . ']';
				if ( $multi ) {
					echo '<textarea class="large-text" rows="3" id="' . esc_attr( $field ) . '" name="' . esc_attr( $name ) . '"' . ( 'name' === $key && 'de' === $lang ? ' required' : '' ) . '>' . esc_textarea( $value[ $i ] ) . '</textarea><br>';
				} else {
					echo '<input class="regular-text" id="' . esc_attr( $field ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value[ $i ] ) . '"' . ( 'name' === $key && 'de' === $lang ? ' required' : '' ) . '><br>';
				}
			}
			echo '</td></tr>';
		}
		foreach ( self::contacts() as $key => list( $label, $type ) ) {
			$id = 'st-card-' . str_replace( '.', '-', $key );
			echo '<tr><th scope="row"><label for="' . esc_attr( $id ) . '">' . esc_html( $label ) . '</label></th><td><input class="regular-text" type="' . esc_attr( $type ) . '" id="' . esc_attr( $id ) . '" name="card[' . esc_attr( $key ) . ']" value="' . esc_attr( self::pick( $data, $key )[0] ) . '"></td></tr>';
		}
		$weeks = isset( $data['weeksPerYear'] ) ? (string) $data['weeksPerYear'] : '';
		echo '<tr><th scope="row"><label for="st-card-weeks">' . esc_html__( 'Weeks a year the card counts (for the self-check)', 'stadttraum' ) . '</label></th><td><input type="number" min="1" max="53" class="small-text" id="st-card-weeks" name="card[weeksPerYear]" value="' . esc_attr( $weeks ) . '"></td></tr>';
		$levels = is_array( $draft ) ? $draft['levels'] : self::levels_json( $data );
		echo '<tr><th scope="row"><label for="st-card-levels">' . esc_html__( 'Card levels and self-check (JSON)', 'stadttraum' ) . '</label></th><td><textarea class="large-text code" rows="12" id="st-card-levels" name="card_levels" aria-describedby="st-card-levels-help">' . esc_textarea( $levels ) . '</textarea>';
		echo '<p class="description" id="st-card-levels-help">' . esc_html__( 'The card levels (“tiers”) with the rules of the self-check and the partner categories (“categories”), as in schemas/ehrenamt-card.schema.json. Easiest filled by importing your existing card file below; empty: no self-check.', 'stadttraum' ) . '</p></td></tr>';
		echo '<tr><th scope="row"><label for="st-card-json">' . esc_html__( 'Fill from a card file (optional)', 'stadttraum' ) . '</label></th><td><input type="file" id="st-card-json" name="json" accept=".json,application/json" aria-describedby="st-card-json-help">';
		echo '<p class="description" id="st-card-json-help">' . esc_html__( 'A card file in the widget’s format (e.g. your existing ehrenamt.json): its programme replaces the fields above. Its partners are not imported here; use the CSV import of the card partners for them.', 'stadttraum' ) . '</p></td></tr>';
		echo '</tbody></table>';
		submit_button( __( 'Save programme', 'stadttraum' ) );
		echo '</form></div>';
	}

	/** The levels and categories as the JSON text of the form. */
	private static function levels_json( $data ) {
		$levels = array_intersect_key( $data, array_flip( array( 'tiers', 'categories' ) ) );
		return $levels ? (string) wp_json_encode( $levels, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ) : '';
	}

	public static function save() {
		if ( ! current_user_can( 'edit_others_posts' ) ) {
			wp_die( esc_html__( 'You are not allowed to do that.', 'stadttraum' ), 403 );
		}
		check_admin_referer( self::ACTION );
		$back = admin_url( 'edit.php?post_type=' . Stadttraum_Partners::POST_TYPE . '&page=' . self::PAGE );
		// phpcs:disable WordPress.Security.ValidatedSanitizedInput -- cleaned field by field in build().
		$form   = isset( $_POST['card'] ) && is_array( $_POST['card'] ) ? wp_unslash( $_POST['card'] ) : array();
		$levels = isset( $_POST['card_levels'] ) ? trim( (string) wp_unslash( $_POST['card_levels'] ) ) : '';
		$file   = isset( $_FILES['json']['tmp_name'] ) ? (string) $_FILES['json']['tmp_name'] : '';
		// phpcs:enable
		$parsed = '' === $levels ? array() : json_decode( $levels, true );
		$data   = self::build( $form, is_array( $parsed ) ? $parsed : array() );
		$error  = '';
		if ( '' !== $file && is_uploaded_file( $file ) ) {
			$upload = json_decode( (string) file_get_contents( $file ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			if ( is_array( $upload ) && '' !== self::pick( $upload, 'name' )[0] ) {
				$data   = self::clean( $upload );
				$levels = self::levels_json( $data );
			} else {
				$error = __( 'The file is not a card file (JSON with at least a “name”).', 'stadttraum' );
			}
		} elseif ( ! is_array( $parsed ) || ( isset( $parsed['tiers'] ) && ! is_array( $parsed['tiers'] ) ) || ( isset( $parsed['categories'] ) && ! is_array( $parsed['categories'] ) ) ) {
			$error = __( 'The card levels are not valid JSON (an object with “tiers” and “categories” lists).', 'stadttraum' );
		} elseif ( '' === self::pick( $data, 'name' )[0] ) {
			$error = __( 'The card needs a name.', 'stadttraum' );
		}
		if ( '' !== $error ) {
			set_transient(
				self::DRAFT . get_current_user_id(),
				array(
					'error'  => $error,
					'data'   => $data,
					'levels' => $levels,
				),
				HOUR_IN_SECONDS
			);
			wp_safe_redirect( add_query_arg( 'stadttraum_error', '1', $back ) );
			exit;
		}
		update_option( self::OPTION, $data, false );
		Stadttraum_Content_Type::stamp( self::VERSION );
		wp_safe_redirect( add_query_arg( 'stadttraum_saved', '1', $back ) );
		exit;
	}

	/** The programme from the form's fields and the parsed levels JSON. */
	private static function build( array $form, array $levels ) {
		$data = array( 'schemaVersion' => 1 );
		foreach ( self::texts() as $key => list( $label, $multi ) ) {
			$de = isset( $form[ $key ]['de'] ) ? (string) $form[ $key ]['de'] : '';
			$en = isset( $form[ $key ]['en'] ) ? (string) $form[ $key ]['en'] : '';
			if ( 'benefits' === $key ) {
				$de_lines = array_values( array_filter( array_map( 'trim', preg_split( '/\r?\n/', $de ) ), 'strlen' ) );
				$en_lines = array_map( 'trim', preg_split( '/\r?\n/', $en ) );
				$list     = array();
				foreach ( $de_lines as $i => $line ) {
					$list[] = self::localised( $line, isset( $en_lines[ $i ] ) ? $en_lines[ $i ] : '' );
				}
				if ( $list ) {
					$data['benefits'] = $list;
				}
				continue;
			}
			$value = $multi ? self::localised( self::lines( $de ), self::lines( $en ) ) : self::localised( sanitize_text_field( $de ), sanitize_text_field( $en ) );
			if ( '' !== $value ) {
				self::put( $data, $key, $value );
			}
		}
		foreach ( self::contacts() as $key => list( $label, $type ) ) {
			$raw   = isset( $form[ $key ] ) && is_string( $form[ $key ] ) ? trim( $form[ $key ] ) : '';
			$value = 'url' === $type ? esc_url_raw( $raw, array( 'http', 'https' ) ) : ( 'email' === $type ? sanitize_email( $raw ) : sanitize_text_field( $raw ) );
			if ( '' !== $value ) {
				self::put( $data, $key, $value );
			}
		}
		$weeks = isset( $form['weeksPerYear'] ) ? trim( (string) $form['weeksPerYear'] ) : '';
		if ( is_numeric( $weeks ) && (int) $weeks >= 1 && (int) $weeks <= 53 ) {
			$data['weeksPerYear'] = (int) $weeks;
		}
		foreach ( array( 'tiers', 'categories' ) as $list ) {
			if ( ! empty( $levels[ $list ] ) && is_array( $levels[ $list ] ) ) {
				$data[ $list ] = self::texts_only( array_values( $levels[ $list ] ) );
			}
		}
		return $data;
	}

	/** A whole card file cleaned to the programme (its partners are left out). */
	private static function clean( array $upload ) {
		$form = array();
		foreach ( array_keys( self::texts() ) as $key ) {
			list( $de, $en ) = self::pick( $upload, $key );
			$form[ $key ]    = array(
				'de' => $de,
				'en' => $en,
			);
		}
		foreach ( array_keys( self::contacts() ) as $key ) {
			$form[ $key ] = self::pick( $upload, $key )[0];
		}
		$form['weeksPerYear'] = isset( $upload['weeksPerYear'] ) ? (string) $upload['weeksPerYear'] : '';
		return self::build( $form, $upload );
	}

	/** A multi-line text as plain text with "\n" line ends (browsers send "\r\n"). */
	private static function lines( $text ) {
		return sanitize_textarea_field( str_replace( "\r\n", "\n", $text ) );
	}

	/** "de" alone as a string, both as { de, en }; '' without German. */
	private static function localised( $de, $en ) {
		if ( '' === $de ) {
			return '';
		}
		return '' === $en ? $de : array(
			'de' => $de,
			'en' => $en,
		);
	}

	/** Sets $data[a][b] for the path "a.b". */
	private static function put( array &$data, $path, $value ) {
		$ref = &$data;
		foreach ( explode( '.', $path ) as $part ) {
			if ( ! isset( $ref[ $part ] ) || ! is_array( $ref[ $part ] ) ) {
				$ref[ $part ] = array();
			}
			$ref = &$ref[ $part ];
		}
		$ref = $value;
	}

	/**
	 * Levels and categories keep their shape; every string in them is cleaned as plain text (the
	 * widget shows them as text, never as HTML).
	 */
	private static function texts_only( $value ) {
		if ( is_array( $value ) ) {
			return array_map( array( __CLASS__, 'texts_only' ), $value );
		}
		return is_string( $value ) ? sanitize_text_field( $value ) : ( is_bool( $value ) || is_int( $value ) || is_float( $value ) ? $value : null );
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
		return Stadttraum_Content_Type::respond(
			$request,
			self::VERSION,
			'c',
			'',
			function () {
				return array_merge( array( 'schemaVersion' => 1 ), self::get(), array( 'partners' => array() ) );
			}
		);
	}
}
