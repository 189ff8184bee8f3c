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
			'delete_content'   => false,
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
			wp_die( esc_html__( 'You are not allowed to do that.', 'stadttraum' ), 403 );
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
			wp_die( esc_html__( 'You are not allowed to do that.', 'stadttraum' ), 403 );
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
		echo '<div class="notice notice-warning"><p><strong>' . esc_html__( 'stadttraum: idea walls on other websites now need your approval.', 'stadttraum' ) . '</strong> ';
		echo esc_html__( 'To protect against forgery, the plugin now accepts supports and new ideas only from this website. If you also show the idea wall on another website (e.g. the town\'s TYPO3), enter that site\'s address under “Embedding on other websites” – otherwise clicks there no longer count.', 'stadttraum' ) . '</p>';
		if ( $refused ) {
			/* translators: %s: comma-separated origins */
			echo '<p>' . esc_html( sprintf( __( 'Already refused: %s', 'stadttraum' ), implode( ', ', array_keys( $refused ) ) ) ) . '</p>';
		}
		printf(
			'<p><a class="button button-primary" href="%s">%s</a> <a class="button" href="%s">%s</a></p></div>',
			esc_url( admin_url( 'options-general.php?page=stadttraum#st-refused' ) ),
			esc_html__( 'Go to the settings', 'stadttraum' ),
			esc_url( wp_nonce_url( admin_url( 'admin-post.php?action=stadttraum_dismiss_upgrade' ), 'stadttraum_dismiss_upgrade' ) ),
			esc_html__( 'Understood, hide', 'stadttraum' )
		);
	}

	public static function action_links( $links ) {
		$url = admin_url( 'options-general.php?page=stadttraum' );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'stadttraum' ) . '</a>' );
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
		add_settings_section( 'stadttraum_map', __( 'Maps (ride-share benches, volunteer card)', 'stadttraum' ), array( __CLASS__, 'map_intro' ), 'stadttraum' );
		add_settings_field( 'tile_url', __( 'Tile server', 'stadttraum' ), array( __CLASS__, 'field_text' ), 'stadttraum', 'stadttraum_map', array( 'key' => 'tile_url', 'label_for' => 'st-tile_url', 'help' => __( 'Address with {z}, {x} and {y}. Default: the tiles of the OpenStreetMap Foundation. A tile server of your own avoids passing data to third parties.', 'stadttraum' ) ) );
		add_settings_field( 'tile_attribution', __( 'Attribution', 'stadttraum' ), array( __CLASS__, 'field_text' ), 'stadttraum', 'stadttraum_map', array( 'key' => 'tile_attribution', 'label_for' => 'st-tile_attribution', 'help' => __( 'Shown on the map. [Text](https://…) becomes a link.', 'stadttraum' ) ) );
		add_settings_field( 'tile_provider', __( 'Name of the provider', 'stadttraum' ), array( __CLASS__, 'field_text' ), 'stadttraum', 'stadttraum_map', array( 'key' => 'tile_provider', 'label_for' => 'st-tile_provider', 'help' => __( 'Named in the consent question, e.g. “OpenStreetMap Foundation (United Kingdom)”. Empty: the server\'s name.', 'stadttraum' ) ) );
		add_settings_field( 'max_zoom', __( 'Highest zoom level', 'stadttraum' ), array( __CLASS__, 'field_number' ), 'stadttraum', 'stadttraum_map', array( 'key' => 'max_zoom', 'label_for' => 'st-max_zoom' ) );
		add_settings_field( 'consent_mode', __( 'Consent to the map', 'stadttraum' ), array( __CLASS__, 'field_consent' ), 'stadttraum', 'stadttraum_map' );
		add_settings_section( 'stadttraum_general', __( 'General', 'stadttraum' ), '__return_false', 'stadttraum' );
		add_settings_field( 'lang', __( 'Language of the widgets', 'stadttraum' ), array( __CLASS__, 'field_lang' ), 'stadttraum', 'stadttraum_general', array( 'label_for' => 'st-lang' ) );
		add_settings_field( 'support_cap', __( 'Supports per idea, day and connection', 'stadttraum' ), array( __CLASS__, 'field_number' ), 'stadttraum', 'stadttraum_general', array( 'key' => 'support_cap', 'label_for' => 'st-support_cap', 'help' => __( 'Default 40: enough for a school class or many phones behind a mobile provider\'s shared address; beyond that, an idea does not count further from the same internet connection that day. Set it higher for a town meeting on the town hall\'s Wi-Fi.', 'stadttraum' ) ) );
		add_settings_field( 'feed_page_size', __( 'Ideas per page of the feed', 'stadttraum' ), array( __CLASS__, 'field_number' ), 'stadttraum', 'stadttraum_general', array( 'key' => 'feed_page_size', 'label_for' => 'st-feed_page_size', 'help' => __( 'More ideas are on further pages (“next”); the wall loads them when needed.', 'stadttraum' ) ) );
		add_settings_section( 'stadttraum_writes', __( 'Embedding on other websites, and proxies', 'stadttraum' ), array( __CLASS__, 'writes_intro' ), 'stadttraum' );
		add_settings_field( 'allowed_origins', __( 'Other sites with the idea wall', 'stadttraum' ), array( __CLASS__, 'field_lines' ), 'stadttraum', 'stadttraum_writes', array( 'key' => 'allowed_origins', 'label_for' => 'st-allowed_origins', 'help' => __( 'One address per line, e.g. https://www.harzstedt.de. The plugin accepts supports and ideas only from this website and from these addresses.', 'stadttraum' ) ) );
		add_settings_field( 'trusted_proxies', __( 'Trusted proxies', 'stadttraum' ), array( __CLASS__, 'field_lines' ), 'stadttraum', 'stadttraum_writes', array( 'key' => 'trusted_proxies', 'label_for' => 'st-trusted_proxies', 'help' => __( 'IP addresses or ranges (e.g. 10.0.0.0/8) of your reverse proxy or CDN, one per line. Only for requests from there does the forwarded visitor address (X-Forwarded-For) count; otherwise the plugin would see all visitors as one.', 'stadttraum' ) ) );
		add_settings_field( 'delete_content', __( 'Uninstall', 'stadttraum' ), array( __CLASS__, 'field_delete_content' ), 'stadttraum', 'stadttraum_general' );
		add_settings_field( 'submit_limit', __( 'New ideas per hour and connection', 'stadttraum' ), array( __CLASS__, 'field_number' ), 'stadttraum', 'stadttraum_general', array( 'key' => 'submit_limit', 'label_for' => 'st-submit_limit', 'help' => __( 'Protection against mass submissions. In a workshop many people share one internet connection – set it higher then.', 'stadttraum' ) ) );
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
		$out['delete_content']   = ! empty( $in['delete_content'] );
		$origins                 = array();
		foreach ( preg_split( '/\s+/', isset( $in['allowed_origins'] ) ? (string) $in['allowed_origins'] : '' ) as $line ) {
			$origin = Stadttraum_Guard::origin_of( $line );
			if ( $origin ) {
				$origins[] = $origin;
			} elseif ( '' !== trim( $line ) ) {
				/* translators: %s: what the admin typed */
				add_settings_error( self::OPTION, 'allowed_origins', sprintf( __( '“%s” is not an address with http:// or https:// and was left out.', 'stadttraum' ), $line ) );
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
			add_settings_error( self::OPTION, 'tile_url', __( 'The tile server must start with https:// and contain {z}, {x}, {y}. The default was restored.', 'stadttraum' ) );
		}
		return $out;
	}

	public static function writes_intro() {
		echo '<p>' . esc_html__( 'The plugin accepts supports and submissions only from pages of this website, so that no foreign page can make its visitors vote for an idea unnoticed. An idea wall on another website needs that site\'s address in the list.', 'stadttraum' ) . '</p>';
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
		echo '<h2 id="st-refused">' . esc_html__( 'Refused sites', 'stadttraum' ) . '</h2>';
		if ( ! $refused ) {
			echo '<p>' . esc_html__( 'No other website has tried to write here so far.', 'stadttraum' ) . '</p>';
			return;
		}
		echo '<p>' . esc_html__( 'Supports or ideas from these websites were refused. If it is your own embedding, allow it; unknown addresses may be forgery attempts.', 'stadttraum' ) . '</p>';
		echo '<table class="widefat striped" style="max-width:48rem"><thead><tr><th scope="col">' . esc_html__( 'Website', 'stadttraum' ) . '</th><th scope="col">' . esc_html__( 'Refused', 'stadttraum' ) . '</th><th scope="col">' . esc_html__( 'Last', 'stadttraum' ) . '</th><th scope="col"><span class="screen-reader-text">' . esc_html__( 'Action', 'stadttraum' ) . '</span></th></tr></thead><tbody>';
		foreach ( $refused as $origin => $seen ) {
			echo '<tr><td><code>' . esc_html( $origin ) . '</code></td><td>' . esc_html( (string) (int) $seen['count'] ) . '</td><td>' . esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) $seen['last'] ) ) . '</td><td>';
			echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '" style="display:inline">';
			wp_nonce_field( 'stadttraum_origin' );
			echo '<input type="hidden" name="action" value="stadttraum_origin"><input type="hidden" name="origin" value="' . esc_attr( $origin ) . '">';
			/* translators: %s: origin */
			echo '<button type="submit" class="button button-primary" name="allow" value="1" aria-label="' . esc_attr( sprintf( __( 'Allow %s', 'stadttraum' ), $origin ) ) . '">' . esc_html__( 'Allow', 'stadttraum' ) . '</button> ';
			/* translators: %s: origin */
			echo '<button type="submit" class="button" name="forget" value="1" aria-label="' . esc_attr( sprintf( __( 'Remove %s from the list', 'stadttraum' ), $origin ) ) . '">' . esc_html__( 'Remove', 'stadttraum' ) . '</button>';
			echo '</form></td></tr>';
		}
		echo '</tbody></table>';
	}

	public static function map_intro() {
		echo '<p>' . esc_html__( 'Maps load tiles from a tile server only after visitors have agreed. Before that, nothing is loaded from there.', 'stadttraum' ) . '</p>';
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

	/** Whether uninstalling also deletes the content (off by default: an uninstall cannot ask). */
	public static function field_delete_content() {
		printf(
			'<label><input type="checkbox" id="st-delete_content" name="%s[delete_content]" value="1"%s aria-describedby="st-delete_content-help"> %s</label><p class="description" id="st-delete_content-help">%s</p>',
			esc_attr( self::OPTION ),
			checked( (bool) self::get( 'delete_content' ), true, false ),
			esc_html__( 'Delete the content too when the plugin is deleted', 'stadttraum' ),
			esc_html__( 'Off: deleting the plugin removes its settings and technical data, and the ideas with their categories stay in the database. On: they are deleted as well, on every site of a network. Deactivating never deletes anything.', 'stadttraum' )
		);
	}

	public static function field_consent() {
		$mode = self::get( 'consent_mode' );
		$name = self::OPTION . '[consent_mode]';
		echo '<fieldset><legend class="screen-reader-text">' . esc_html__( 'Consent to the map', 'stadttraum' ) . '</legend>';
		printf(
			'<label><input type="radio" name="%s" value="widget"%s> %s</label><br>',
			esc_attr( $name ),
			checked( $mode, 'widget', false ),
			esc_html__( 'The map asks itself (placeholder with “Show map”).', 'stadttraum' )
		);
		printf(
			'<label><input type="radio" name="%s" value="cmp"%s> %s</label>',
			esc_attr( $name ),
			checked( $mode, 'cmp', false ),
			esc_html__( 'The site\'s consent manager already asks: the script “stadttraum-consent” grants consent for maps through window.stadttraum.consent.grant(\'map\').', 'stadttraum' )
		);
		echo '<p class="description">' . esc_html__( 'Let the consent manager block the script with the ID “stadttraum-consent-js” until consent is given (service: map tiles). Or call window.stadttraum.consent.grant(\'map\') in its opt-in code and window.stadttraum.consent.revoke(\'map\') in its opt-out code.', 'stadttraum' ) . '</p></fieldset>';
	}

	public static function field_lang() {
		$lang    = self::get( 'lang' );
		$options = array(
			''   => __( 'Language of the page (lang attribute)', 'stadttraum' ),
			'de' => __( 'German', 'stadttraum' ),
			'en' => __( 'English', 'stadttraum' ),
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
		echo '<div class="wrap"><h1>' . esc_html__( 'stadttraum – Settings', 'stadttraum' ) . '</h1>';
		echo '<form action="options.php" method="post">';
		settings_fields( 'stadttraum' );
		do_settings_sections( 'stadttraum' );
		submit_button();
		echo '</form>';
		if ( isset( $_GET['stadttraum_origin'] ) ) { // phpcs:ignore WordPress.Security.NonceVerification -- display only.
			echo '<div class="notice notice-success"><p>' . esc_html( 'allowed' === $_GET['stadttraum_origin'] ? __( 'The website is allowed: your idea wall there can now send supports and ideas.', 'stadttraum' ) : __( 'The website was removed from the list.', 'stadttraum' ) ) . '</p></div>'; // phpcs:ignore WordPress.Security.NonceVerification
		}
		self::refused_list();
		echo '<h2>' . esc_html__( 'Embedding', 'stadttraum' ) . '</h2>';
		echo '<p>' . esc_html__( 'In the block editor: add the block “Idea wall”, “Ride-share benches”, “Volunteer card” or “Partner logos”. In the classic editor:', 'stadttraum' ) . '</p>';
		echo '<p><code>[stadttraum_idea_wall]</code> <code>[stadttraum_mitfahrbank_map src="https://…/baenke.json"]</code> <code>[stadttraum_ehrenamt_card src="…"]</code> <code>[stadttraum_partner_logos src="…"]</code></p>';
		echo '<p>' . esc_html__( 'The short names without “stadttraum_” ([idea_wall] …) keep working as long as no other plugin uses them.', 'stadttraum' ) . '</p>';
		echo '<p>' . esc_html__( 'Address of the ideas feed (for other websites, e.g. the town\'s TYPO3):', 'stadttraum' ) . ' <code>' . esc_html( rest_url( 'stadttraum/v1/ideas' ) ) . '</code></p>';
		echo '<p>' . esc_html__( 'If people should also support and submit there, enter that website\'s address above under “Other sites with the idea wall”.', 'stadttraum' ) . ' <code>support-endpoint="' . esc_html( rest_url( 'stadttraum/v1/support' ) ) . '"</code> <code>submit-endpoint="' . esc_html( rest_url( 'stadttraum/v1/ideas' ) ) . '"</code></p>';
		echo '</div>';
	}
}
