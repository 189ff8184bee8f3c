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
			'allowed_origins'  => '',
			'trusted_proxies'  => '',
			'support_cap'      => 40,
			'feed_page_size'   => 1000,
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
		add_action( 'admin_post_stadttraum_origin', array( __CLASS__, 'origin_action' ) );
		add_action( 'admin_post_stadttraum_dismiss_upgrade', array( __CLASS__, 'dismiss_upgrade' ) );
		add_action( 'admin_notices', array( __CLASS__, 'upgrade_notice' ) );
	}

	/** "Allow" or "forget" a refused origin (one click on the settings page). */
	public static function origin_action() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Dazu fehlt Ihnen die Berechtigung.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_origin' );
		$origin = isset( $_POST['origin'] ) ? sanitize_text_field( wp_unslash( $_POST['origin'] ) ) : '';
		if ( isset( $_POST['allow'] ) ) {
			Stadttraum_Guard::allow( $origin );
		} else {
			Stadttraum_Guard::forget( $origin );
		}
		wp_safe_redirect( admin_url( 'options-general.php?page=stadttraum&stadttraum_origin=' . ( isset( $_POST['allow'] ) ? 'allowed' : 'forgotten' ) . '#st-refused' ) );
		exit;
	}

	public static function dismiss_upgrade() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Dazu fehlt Ihnen die Berechtigung.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_dismiss_upgrade' );
		delete_option( 'stadttraum_upgrade_notice' );
		wp_safe_redirect( wp_get_referer() ? wp_get_referer() : admin_url() );
		exit;
	}

	/**
	 * After an update from a version that took writes from anywhere: walls embedded on other
	 * sites (a town's TYPO3) stop counting supports until their address is allowed.
	 */
	public static function upgrade_notice() {
		if ( ! current_user_can( 'manage_options' ) || ! get_option( 'stadttraum_upgrade_notice' ) ) {
			return;
		}
		$refused = Stadttraum_Guard::refused();
		echo '<div class="notice notice-warning"><p><strong>' . esc_html__( 'stadttraum: Ideenwände auf anderen Websites brauchen jetzt Ihre Freigabe.', 'stadttraum' ) . '</strong> ';
		echo esc_html__( 'Unterstützungen und neue Ideen nimmt das Plugin zum Schutz vor Fälschungen nur noch von dieser Website an. Wenn Sie die Ideenwand auch auf einer anderen Website einbinden (z. B. im TYPO3 der Gemeinde), tragen Sie deren Adresse unter „Einbetten auf anderen Websites“ ein – sonst zählen dort keine Klicks mehr.', 'stadttraum' ) . '</p>';
		if ( $refused ) {
			/* translators: %s: comma-separated origins */
			echo '<p>' . esc_html( sprintf( __( 'Bereits abgelehnt: %s', 'stadttraum' ), implode( ', ', array_keys( $refused ) ) ) ) . '</p>';
		}
		printf(
			'<p><a class="button button-primary" href="%s">%s</a> <a class="button" href="%s">%s</a></p></div>',
			esc_url( admin_url( 'options-general.php?page=stadttraum#st-refused' ) ),
			esc_html__( 'Zu den Einstellungen', 'stadttraum' ),
			esc_url( wp_nonce_url( admin_url( 'admin-post.php?action=stadttraum_dismiss_upgrade' ), 'stadttraum_dismiss_upgrade' ) ),
			esc_html__( 'Verstanden, ausblenden', 'stadttraum' )
		);
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
		add_settings_field( 'support_cap', __( 'Unterstützungen je Idee, Tag und Anschluss', 'stadttraum' ), array( __CLASS__, 'field_number' ), 'stadttraum', 'stadttraum_general', array( 'key' => 'support_cap', 'label_for' => 'st-support_cap', 'help' => __( 'Standard 40: Eine Schulklasse oder viele Handys hinter der gemeinsamen Adresse eines Mobilfunkanbieters kommen damit aus; darüber hinaus zählt eine Idee von demselben Internetanschluss an diesem Tag nicht weiter. Für eine Bürgerversammlung im WLAN des Rathauses höher setzen.', 'stadttraum' ) ) );
		add_settings_field( 'feed_page_size', __( 'Ideen je Seite des Feeds', 'stadttraum' ), array( __CLASS__, 'field_number' ), 'stadttraum', 'stadttraum_general', array( 'key' => 'feed_page_size', 'label_for' => 'st-feed_page_size', 'help' => __( 'Mehr Ideen stehen auf weiteren Seiten („next“); die Wand lädt sie bei Bedarf nach.', 'stadttraum' ) ) );
		add_settings_section( 'stadttraum_writes', __( 'Einbetten auf anderen Websites und Proxys', 'stadttraum' ), array( __CLASS__, 'writes_intro' ), 'stadttraum' );
		add_settings_field( 'allowed_origins', __( 'Weitere Websites mit der Ideenwand', 'stadttraum' ), array( __CLASS__, 'field_lines' ), 'stadttraum', 'stadttraum_writes', array( 'key' => 'allowed_origins', 'label_for' => 'st-allowed_origins', 'help' => __( 'Eine Adresse je Zeile, z. B. https://www.harzstedt.de. Nur von dieser Website und von diesen Adressen nimmt das Plugin Unterstützungen und Ideen an.', 'stadttraum' ) ) );
		add_settings_field( 'trusted_proxies', __( 'Vertrauenswürdige Proxys', 'stadttraum' ), array( __CLASS__, 'field_lines' ), 'stadttraum', 'stadttraum_writes', array( 'key' => 'trusted_proxies', 'label_for' => 'st-trusted_proxies', 'help' => __( 'IP-Adressen oder Bereiche (z. B. 10.0.0.0/8) Ihres Reverse-Proxys oder CDN, eine je Zeile. Nur bei Anfragen von dort gilt die weitergeleitete Besucheradresse (X-Forwarded-For); sonst sähe das Plugin alle Besucher als einen.', 'stadttraum' ) ) );
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
		$out['support_cap']      = isset( $in['support_cap'] ) ? max( 1, min( 100000, (int) $in['support_cap'] ) ) : $d['support_cap'];
		$out['feed_page_size']   = isset( $in['feed_page_size'] ) ? max( 10, min( 5000, (int) $in['feed_page_size'] ) ) : $d['feed_page_size'];
		$origins                 = array();
		foreach ( preg_split( '/\s+/', isset( $in['allowed_origins'] ) ? (string) $in['allowed_origins'] : '' ) as $line ) {
			$origin = Stadttraum_Guard::origin_of( $line );
			if ( $origin ) {
				$origins[] = $origin;
			} elseif ( '' !== trim( $line ) ) {
				/* translators: %s: what the admin typed */
				add_settings_error( self::OPTION, 'allowed_origins', sprintf( __( '„%s“ ist keine Adresse mit http:// oder https:// und wurde weggelassen.', 'stadttraum' ), $line ) );
			}
		}
		$out['allowed_origins'] = implode( "\n", array_unique( $origins ) );
		$proxies                = array();
		foreach ( preg_split( '/[\s,]+/', isset( $in['trusted_proxies'] ) ? (string) $in['trusted_proxies'] : '' ) as $line ) {
			$ip = explode( '/', $line )[0];
			if ( '' !== $line && false !== @inet_pton( $ip ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors
				$proxies[] = $line;
			}
		}
		$out['trusted_proxies'] = implode( "\n", array_unique( $proxies ) );
		if ( $url && $out['tile_url'] !== $url ) {
			add_settings_error( self::OPTION, 'tile_url', __( 'Der Kachel-Server muss mit https:// beginnen und {z}, {x}, {y} enthalten. Der Standard wurde wiederhergestellt.', 'stadttraum' ) );
		}
		return $out;
	}

	public static function writes_intro() {
		echo '<p>' . esc_html__( 'Unterstützen und Einreichen nimmt das Plugin nur von Seiten dieser Website an, damit keine fremde Seite ihre Besucher unbemerkt für eine Idee stimmen lässt. Eine Ideenwand auf einer anderen Website braucht deren Adresse in der Liste.', 'stadttraum' ) . '</p>';
	}

	public static function field_lines( $args ) {
		$key = $args['key'];
		printf(
			'<textarea class="large-text code" rows="3" id="st-%1$s" name="%2$s[%1$s]" aria-describedby="st-%1$s-help">%3$s</textarea><p class="description" id="st-%1$s-help">%4$s</p>',
			esc_attr( $key ),
			esc_attr( self::OPTION ),
			esc_textarea( (string) self::get( $key ) ),
			esc_html( $args['help'] )
		);
	}

	/** Refused origins with one-click "allow" (below the settings form: its own small forms). */
	private static function refused_list() {
		$refused = Stadttraum_Guard::refused();
		echo '<h2 id="st-refused">' . esc_html__( 'Abgelehnte Websites', 'stadttraum' ) . '</h2>';
		if ( ! $refused ) {
			echo '<p>' . esc_html__( 'Bisher hat keine andere Website versucht, hier etwas einzutragen.', 'stadttraum' ) . '</p>';
			return;
		}
		echo '<p>' . esc_html__( 'Von diesen Websites kamen Unterstützungen oder Ideen, die abgelehnt wurden. Ist es Ihre eigene Einbindung, erlauben Sie sie; unbekannte Adressen sind womöglich Fälschungsversuche.', 'stadttraum' ) . '</p>';
		echo '<table class="widefat striped" style="max-width:48rem"><thead><tr><th scope="col">' . esc_html__( 'Website', 'stadttraum' ) . '</th><th scope="col">' . esc_html__( 'Abgelehnt', 'stadttraum' ) . '</th><th scope="col">' . esc_html__( 'Zuletzt', 'stadttraum' ) . '</th><th scope="col"><span class="screen-reader-text">' . esc_html__( 'Aktion', 'stadttraum' ) . '</span></th></tr></thead><tbody>';
		foreach ( $refused as $origin => $seen ) {
			echo '<tr><td><code>' . esc_html( $origin ) . '</code></td><td>' . esc_html( (string) (int) $seen['count'] ) . '</td><td>' . esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) $seen['last'] ) ) . '</td><td>';
			echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '" style="display:inline">';
			wp_nonce_field( 'stadttraum_origin' );
			echo '<input type="hidden" name="action" value="stadttraum_origin"><input type="hidden" name="origin" value="' . esc_attr( $origin ) . '">';
			/* translators: %s: origin */
			echo '<button type="submit" class="button button-primary" name="allow" value="1" aria-label="' . esc_attr( sprintf( __( '%s erlauben', 'stadttraum' ), $origin ) ) . '">' . esc_html__( 'Erlauben', 'stadttraum' ) . '</button> ';
			/* translators: %s: origin */
			echo '<button type="submit" class="button" name="forget" value="1" aria-label="' . esc_attr( sprintf( __( '%s aus der Liste entfernen', 'stadttraum' ), $origin ) ) . '">' . esc_html__( 'Entfernen', 'stadttraum' ) . '</button>';
			echo '</form></td></tr>';
		}
		echo '</tbody></table>';
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
		if ( isset( $_GET['stadttraum_origin'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- display only.
			echo '<div class="notice notice-success"><p>' . esc_html( 'allowed' === $_GET['stadttraum_origin'] ? __( 'Die Website ist erlaubt: Ihre Ideenwand kann jetzt Unterstützungen und Ideen senden.', 'stadttraum' ) : __( 'Die Website wurde aus der Liste entfernt.', 'stadttraum' ) ) . '</p></div>'; // phpcs:ignore WordPress.Security.NonceVerification
		}
		self::refused_list();
		echo '<h2>' . esc_html__( 'Einbinden', 'stadttraum' ) . '</h2>';
		echo '<p>' . esc_html__( 'Im Block-Editor: Block „Ideenwand“, „Mitfahrbänke“, „Ehrenamtskarte“ oder „Partnerlogos“ einfügen. Im klassischen Editor:', 'stadttraum' ) . '</p>';
		echo '<p><code>[stadttraum_idea_wall]</code> <code>[stadttraum_mitfahrbank_map src="https://…/baenke.json"]</code> <code>[stadttraum_ehrenamt_card src="…"]</code> <code>[stadttraum_partner_logos src="…"]</code></p>';
		echo '<p>' . esc_html__( 'Die kurzen Namen ohne „stadttraum_“ ([idea_wall] …) gehen weiterhin, solange kein anderes Plugin sie belegt.', 'stadttraum' ) . '</p>';
		echo '<p>' . esc_html__( 'Adresse des Ideen-Feeds (für andere Websites, z. B. das TYPO3 der Gemeinde):', 'stadttraum' ) . ' <code>' . esc_html( rest_url( 'stadttraum/v1/ideas' ) ) . '</code></p>';
		echo '<p>' . esc_html__( 'Soll man dort auch unterstützen und einreichen können, tragen Sie die Adresse jener Website oben unter „Weitere Websites mit der Ideenwand“ ein.', 'stadttraum' ) . ' <code>support-endpoint="' . esc_html( rest_url( 'stadttraum/v1/support' ) ) . '"</code> <code>submit-endpoint="' . esc_html( rest_url( 'stadttraum/v1/ideas' ) ) . '"</code></p>';
		echo '</div>';
	}
}
