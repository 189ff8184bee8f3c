<?php
/**
 * Personal data of submissions. The form asks for no e-mail address, so WordPress's privacy
 * tools (Tools → Export/Erase Personal Data), which look people up by e-mail, cannot find a
 * submission by its sender. Instead every accepted submission gets a receipt code (shown to the
 * sender, e.g. "K7QM-4XPB"), and the tools accept it written as an address:
 * `K7QM-4XPB@beleg.invalid` (".invalid" can never be a real domain; untick "send confirmation
 * e-mail"). The exporter lists the submission, the eraser deletes a pending one and removes name
 * and consent record from a published one. The admin list of ideas finds a code in its search.
 * The privacy policy text (Settings → Privacy) says what the plugin stores and for how long.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** Receipt codes, exporter, eraser, privacy policy text. */
final class Stadttraum_Privacy {
	const DOMAIN = 'beleg.invalid';

	public static function init() {
		add_filter( 'wp_privacy_personal_data_exporters', array( __CLASS__, 'exporters' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( __CLASS__, 'erasers' ) );
		add_action( 'admin_init', array( __CLASS__, 'policy' ) );
		add_action( 'pre_get_posts', array( __CLASS__, 'admin_search' ) );
	}

	/** A new code: 8 characters without look-alikes (0/O, 1/I/L), grouped 4-4. */
	public static function new_receipt() {
		$alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
		$code     = '';
		for ( $i = 0; $i < 8; $i++ ) {
			$code .= $alphabet[ random_int( 0, strlen( $alphabet ) - 1 ) ];
		}
		return substr( $code, 0, 4 ) . '-' . substr( $code, 4 );
	}

	/** The code in "K7QM-4XPB", "k7qm4xpb" or "K7QM-4XPB@beleg.invalid", normalised; '' if none. */
	public static function parse( $text ) {
		$text = strtoupper( preg_replace( '/@' . preg_quote( self::DOMAIN, '/' ) . '$/i', '', trim( (string) $text ) ) );
		$text = preg_replace( '/[^A-Z0-9]/', '', $text );
		return 8 === strlen( $text ) ? substr( $text, 0, 4 ) . '-' . substr( $text, 4 ) : '';
	}

	/** Ideas (any status) with this receipt code. */
	public static function find( $code ) {
		if ( '' === $code ) {
			return array();
		}
		return get_posts(
			array(
				'post_type'      => Stadttraum_Ideas::POST_TYPE,
				'post_status'    => 'any',
				'posts_per_page' => 10,
				'meta_key'       => '_st_receipt', // phpcs:ignore WordPress.DB.SlowDBQuery
				'meta_value'     => $code, // phpcs:ignore WordPress.DB.SlowDBQuery
			)
		);
	}

	public static function exporters( $exporters ) {
		$exporters['stadttraum'] = array(
			'exporter_friendly_name' => __( 'Idea wall: submitted ideas', 'stadttraum' ),
			'callback'               => array( __CLASS__, 'export' ),
		);
		return $exporters;
	}

	public static function erasers( $erasers ) {
		$erasers['stadttraum'] = array(
			'eraser_friendly_name' => __( 'Idea wall: submitted ideas', 'stadttraum' ),
			'callback'             => array( __CLASS__, 'erase' ),
		);
		return $erasers;
	}

	public static function export( $email ) {
		$items = array();
		foreach ( self::find( self::parse( $email ) ) as $post ) {
			$data = array(
				array(
					'name'  => __( 'Receipt code', 'stadttraum' ),
					'value' => Stadttraum_Ideas::meta( $post->ID, 'receipt' ),
				),
				array(
					'name'  => __( 'Title', 'stadttraum' ),
					'value' => $post->post_title,
				),
				array(
					'name'  => __( 'Description', 'stadttraum' ),
					'value' => $post->post_content,
				),
				array(
					'name'  => __( 'Name', 'stadttraum' ),
					'value' => Stadttraum_Ideas::meta( $post->ID, 'author' ),
				),
				array(
					'name'  => __( 'Consent', 'stadttraum' ),
					'value' => Stadttraum_Ideas::meta( $post->ID, 'consent_text' ) . ' (' . Stadttraum_Ideas::meta( $post->ID, 'consent_at' ) . ')',
				),
				array(
					'name'  => __( 'Status', 'stadttraum' ),
					'value' => get_post_status( $post ),
				),
			);
			$items[] = array(
				'group_id'    => 'stadttraum-ideas',
				'group_label' => __( 'Submitted ideas', 'stadttraum' ),
				'item_id'     => 'stadttraum-idea-' . $post->ID,
				'data'        => $data,
			);
		}
		return array(
			'data' => $items,
			'done' => true,
		);
	}

	public static function erase( $email ) {
		$removed  = false;
		$retained = false;
		$messages = array();
		foreach ( self::find( self::parse( $email ) ) as $post ) {
			if ( 'publish' !== $post->post_status ) {
				wp_delete_post( $post->ID, true );
				$removed = true;
				continue;
			}
			foreach ( array( '_st_author', '_st_consent_text', '_st_consent_at', '_st_receipt' ) as $key ) {
				delete_post_meta( $post->ID, $key );
			}
			$removed    = true;
			$retained   = true;
			/* translators: %s: idea title */
			$messages[] = sprintf( __( 'The published idea “%s” stays on the wall without a name. If it should go too, move it to the trash under “Ideas”.', 'stadttraum' ), $post->post_title );
		}
		return array(
			'items_removed'  => $removed,
			'items_retained' => $retained,
			'messages'       => $messages,
			'done'           => true,
		);
	}

	/** The admin list of ideas finds a receipt code in its search box. */
	public static function admin_search( $query ) {
		if ( ! is_admin() || ! $query->is_main_query() || Stadttraum_Ideas::POST_TYPE !== $query->get( 'post_type' ) ) {
			return;
		}
		$search = trim( (string) $query->get( 's' ) );
		// Only what looks like a code and is one: an ordinary eight-letter search stays a search.
		$code = preg_match( '/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}(@' . preg_quote( self::DOMAIN, '/' ) . ')?$/i', $search ) ? self::parse( $search ) : '';
		if ( '' === $code || ! self::find( $code ) ) {
			return;
		}
		$query->set( 's', '' );
		$query->set( 'meta_key', '_st_receipt' );
		$query->set( 'meta_value', $code );
	}

	/** What the plugin stores and for how long, for the site's privacy policy. */
	public static function policy() {
		if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
			return;
		}
		$text  = '<p>' . esc_html__( 'Idea wall – supporting: we store that an idea was supported, together with a random token of your browser, only as a keyed check value (a hash with a key that changes every week; after two weeks at the latest a support can no longer be linked to anyone). The token itself is kept only in your browser (localStorage, until one year after the last click), is created only at the first click on “Support” and can be deleted there at any time. We do not store your IP address in clear: for the daily limit (at most a fixed number of supports for an idea per internet connection) and against mass requests it is hashed with a key that changes daily; this value is deleted after two days at the latest.', 'stadttraum' ) . '</p>';
		$text .= '<p>' . esc_html__( 'Idea wall – submitting ideas: we store title, description, category, the name if you give one, the wording of your consent with its time, and a receipt code that is shown to you after sending. No e-mail address is asked for. With the receipt code you can ask for access or deletion. Ideas that are not approved are deleted as soon as the editors decline them; published ideas stay until you ask for deletion or the editors remove them. Repeated sending of the same request is recognised for 24 hours (only a hash of the request key is stored).', 'stadttraum' ) . '</p>';
		$text .= '<p>' . esc_html__( 'Youth budget – voting: a ballot is stored under a random number only, without the voting code, the time or any address, until the organisers start a new round. Voting codes are stored only as keyed check values and marked as used. Where one vote per browser is allowed instead of codes, your browser keeps a random token (localStorage, until you delete it); we store it only as a keyed check value, not linked to your ballot, until the next round, and for the daily limit per internet connection we hash your IP address with a key that changes daily; this value is deleted after two days at the latest.', 'stadttraum' ) . '</p>';
		wp_add_privacy_policy_content( 'stadttraum', wp_kses_post( $text ) );
	}
}
