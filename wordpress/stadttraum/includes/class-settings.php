<?php
/**
 * Settings → stadttraum: tile server and attribution, the site's consent manager, default
 * language. Stored in one option, `stadttraum_settings`.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The settings page and typed access to the settings. */
final class Stadttraum_Settings {
	const OPTION = 'stadttraum_settings';

	/** Defaults: OpenStreetMap's tiles, the widget asks for map consent itself, the page's language. */
	public static function defaults() {
		return array(
			'tile_url'         => 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
			'tile_attribution' => '© [OpenStreetMap](https://www.openstreetmap.org/copyright)-Mitwirkende',
			'tile_provider'    => '',
			'max_zoom'         => 19,
			'consent_mode'     => 'widget',
			'lang'             => '',
			'submit_limit'     => 10,
		);
	}

	/** All settings, merged with the defaults. */
	public static function all() {
		$saved = get_option( self::OPTION, array() );
		return array_merge( self::defaults(), is_array( $saved ) ? $saved : array() );
	}

	/** One setting. */
	public static function get( $key ) {
		$all = self::all();
		return isset( $all[ $key ] ) ? $all[ $key ] : null;
	}

	public static function init() {
		add_action( 'admin_init', array( __CLASS__, 'register' ) );
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( STADTTRAUM_FILE ), array( __CLASS__, 'action_links' ) );
	}

	public static function action_links( $links ) {
		$url = admin_url( 'options-general.php?page=stadttraum' );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Einstellungen', 'stadttraum' ) . '</a>' );
		return $links;
	}

	public static function menu() {
		add_options_page( 'stadttraum', 'stadttraum', 'manage_options', 'stadttraum', array( __CLASS__, 'page' ) );
	}

	public static function register() {
		register_setting(
			'stadttraum',
			self::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( __CLASS__, 'sanitize' ),
				'default'           => self::defaults(),
			)
		);
		add_settings_section( 'stadttraum_map', __( 'Karten (Mitfahrbänke, Ehrenamtskarte)', 'stadttraum' ), array( __CLASS__, 'map_intro' ), 'stadttraum' );
		add_settings_field( 'tile_url', __( 'Kachel-Server', 'stadttraum' ), array( __CLASS__, 'field_text' ), 'stadttraum', 'stadttraum_map', array( 'key' => 'tile_url', 'label_for' => 'st-tile_url', 'help' => __( 'Adresse mit {z}, {x} und {y}. Standard: die Kacheln der OpenStreetMap Foundation. Ein eigener Kachel-Server vermeidet die Übermittlung an Dritte.', 'stadttraum' ) ) );
		add_settings_field( 'tile_attribution', __( 'Quellenangabe', 'stadttraum' ), array( __CLASS__, 'field_text' ), 'stadttraum', 'stadttraum_map', array( 'key' => 'tile_attribution', 'label_for' => 'st-tile_attribution', 'help' => __( 'Wird auf der Karte gezeigt. [Text](https://…) wird zum Link.', 'stadttraum' ) ) );
		add_settings_field( 'tile_provider', __( 'Name des Anbieters', 'stadttraum' ), array( __CLASS__, 'field_text' ), 'stadttraum', 'stadttraum_map', array( 'key' => 'tile_provider', 'label_for' => 'st-tile_provider', 'help' => __( 'Wird in der Zustimmungsfrage genannt, z. B. „OpenStreetMap Foundation (Großbritannien)“. Leer: der Servername.', 'stadttraum' ) ) );
		add_settings_field( 'max_zoom', __( 'Höchste Zoomstufe', 'stadttraum' ), array( __CLASS__, 'field_number' ), 'stadttraum', 'stadttraum_map', array( 'key' => 'max_zoom', 'label_for' => 'st-max_zoom' ) );
		add_settings_field( 'consent_mode', __( 'Zustimmung zur Karte', 'stadttraum' ), array( __CLASS__, 'field_consent' ), 'stadttraum', 'stadttraum_map' );
		add_settings_section( 'stadttraum_general', __( 'Allgemein', 'stadttraum' ), '__return_false', 'stadttraum' );
		add_settings_field( 'lang', __( 'Sprache der Widgets', 'stadttraum' ), array( __CLASS__, 'field_lang' ), 'stadttraum', 'stadttraum_general', array( 'label_for' => 'st-lang' ) );
		add_settings_field( 'submit_limit', __( 'Neue Ideen je Stunde und Anschluss', 'stadttraum' ), array( __CLASS__, 'field_number' ), 'stadttraum', 'stadttraum_general', array( 'key' => 'submit_limit', 'label_for' => 'st-submit_limit', 'help' => __( 'Schutz vor Massen-Einsendungen. In einem Workshop teilen sich viele Menschen einen Internetanschluss – dann höher setzen.', 'stadttraum' ) ) );
	}

	/** Keeps only known keys with valid values. */
	public static function sanitize( $input ) {
		$d   = self::defaults();
		$in  = is_array( $input ) ? $input : array();
		$out = array();
		$url = isset( $in['tile_url'] ) ? trim( (string) $in['tile_url'] ) : '';
		// The placeholders must survive: esc_url_raw would encode the braces.
		$out['tile_url']         = ( preg_match( '#^https://[^\s"<>]+$#', $url ) && false !== strpos( $url, '{z}' ) ) ? $url : $d['tile_url'];
		$out['tile_attribution'] = isset( $in['tile_attribution'] ) && '' !== trim( $in['tile_attribution'] ) ? sanitize_text_field( $in['tile_attribution'] ) : $d['tile_attribution'];
		$out['tile_provider']    = isset( $in['tile_provider'] ) ? sanitize_text_field( $in['tile_provider'] ) : '';
		$out['max_zoom']         = isset( $in['max_zoom'] ) ? max( 1, min( 22, (int) $in['max_zoom'] ) ) : $d['max_zoom'];
		$out['consent_mode']     = isset( $in['consent_mode'] ) && 'cmp' === $in['consent_mode'] ? 'cmp' : 'widget';
		$out['lang']             = isset( $in['lang'] ) && in_array( $in['lang'], array( 'de', 'en' ), true ) ? $in['lang'] : '';
		$out['submit_limit']     = isset( $in['submit_limit'] ) ? max( 1, min( 1000, (int) $in['submit_limit'] ) ) : $d['submit_limit'];
		if ( $url && $out['tile_url'] !== $url ) {
			add_settings_error( self::OPTION, 'tile_url', __( 'Der Kachel-Server muss mit https:// beginnen und {z}, {x}, {y} enthalten. Der Standard wurde wiederhergestellt.', 'stadttraum' ) );
		}
		return $out;
	}

	public static function map_intro() {
		echo '<p>' . esc_html__( 'Karten laden Kacheln von einem Kachel-Server erst, wenn Besucherinnen und Besucher zugestimmt haben. Vorher wird nichts von dort geladen.', 'stadttraum' ) . '</p>';
	}

	public static function field_text( $args ) {
		$key = $args['key'];
		printf(
			'<input type="text" class="large-text" id="st-%1$s" name="%2$s[%1$s]" value="%3$s"%4$s>',
			esc_attr( $key ),
			esc_attr( self::OPTION ),
			esc_attr( (string) self::get( $key ) ),
			empty( $args['help'] ) ? '' : ' aria-describedby="st-' . esc_attr( $key ) . '-help"'
		);
		if ( ! empty( $args['help'] ) ) {
			printf( '<p class="description" id="st-%s-help">%s</p>', esc_attr( $key ), esc_html( $args['help'] ) );
		}
	}

	public static function field_number( $args ) {
		$key = $args['key'];
		printf(
			'<input type="number" class="small-text" id="st-%1$s" name="%2$s[%1$s]" value="%3$d" min="1"%4$s>',
			esc_attr( $key ),
			esc_attr( self::OPTION ),
			(int) self::get( $key ),
			empty( $args['help'] ) ? '' : ' aria-describedby="st-' . esc_attr( $key ) . '-help"'
		);
		if ( ! empty( $args['help'] ) ) {
			printf( '<p class="description" id="st-%s-help">%s</p>', esc_attr( $key ), esc_html( $args['help'] ) );
		}
	}

	public static function field_consent() {
		$mode = self::get( 'consent_mode' );
		$name = self::OPTION . '[consent_mode]';
		echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Zustimmung zur Karte', 'stadttraum' ) . '</legend>';
		printf(
			'<label><input type="radio" name="%s" value="widget"%s> %s</label><br>',
			esc_attr( $name ),
			checked( $mode, 'widget', false ),
			esc_html__( 'Die Karte fragt selbst (Platzhalter mit „Karte anzeigen“).', 'stadttraum' )
		);
		printf(
			'<label><input type="radio" name="%s" value="cmp"%s> %s</label>',
			esc_attr( $name ),
			checked( $mode, 'cmp', false ),
			esc_html__( 'Der Consent-Manager der Website fragt bereits: Das Skript „stadttraum-consent“ erteilt die Zustimmung für Karten über window.stadttraum.consent.grant(\'map\').', 'stadttraum' )
		);
		echo '<p class="description">' . esc_html__( 'Lassen Sie den Consent-Manager das Skript mit der ID „stadttraum-consent-js“ bis zur Zustimmung blockieren (Dienst: Kartenkacheln). Oder rufen Sie in seinem Opt-in-Code window.stadttraum.consent.grant(\'map\') und im Opt-out-Code window.stadttraum.consent.revoke(\'map\') auf.', 'stadttraum' ) . '</p></fieldset>';
	}

	public static function field_lang() {
		$lang    = self::get( 'lang' );
		$options = array(
			''   => __( 'Sprache der Seite (lang-Attribut)', 'stadttraum' ),
			'de' => __( 'Deutsch', 'stadttraum' ),
			'en' => __( 'Englisch', 'stadttraum' ),
		);
		printf( '<select id="st-lang" name="%s[lang]">', esc_attr( self::OPTION ) );
		foreach ( $options as $value => $label ) {
			printf( '<option value="%s"%s>%s</option>', esc_attr( $value ), selected( $lang, $value, false ), esc_html( $label ) );
		}
		echo '</select>';
	}

	public static function page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'stadttraum – Einstellungen', 'stadttraum' ) . '</h1>';
		echo '<form action="options.php" method="post">';
		settings_fields( 'stadttraum' );
		do_settings_sections( 'stadttraum' );
		submit_button();
		echo '</form>';
		echo '<h2>' . esc_html__( 'Einbinden', 'stadttraum' ) . '</h2>';
		echo '<p>' . esc_html__( 'Im Block-Editor: Block „Ideenwand“, „Mitfahrbänke“, „Ehrenamtskarte“ oder „Partnerlogos“ einfügen. Im klassischen Editor:', 'stadttraum' ) . '</p>';
		echo '<p><code>[idea_wall]</code> <code>[mitfahrbank_map src="https://…/baenke.json"]</code> <code>[ehrenamt_card src="…"]</code> <code>[partner_logos src="…"]</code></p>';
		echo '<p>' . esc_html__( 'Adresse des Ideen-Feeds (für andere Websites, z. B. das TYPO3 der Gemeinde):', 'stadttraum' ) . ' <code>' . esc_html( rest_url( 'stadttraum/v1/ideas' ) ) . '</code></p>';
		echo '</div>';
	}
}
