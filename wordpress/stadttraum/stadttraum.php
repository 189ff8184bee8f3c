<?php
/**
 * Plugin Name:       stadttraum
 * Plugin URI:        https://github.com/stadttraum/stadttraum
 * Description:       Accessible widgets for towns and associations as blocks and shortcodes: an idea wall with supporting and submitting (ideas are moderated in WordPress), ride-share benches on a map shown only after consent, the volunteer card (Ehrenamtskarte) and partner logos. No cookies, no third party before consent.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            the stadttraum contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       stadttraum
 * Domain Path:       /languages
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** Plugin version; the built widgets live in widgets/<this version>/ (written by `npm run package`). */
define( 'STADTTRAUM_VERSION', '0.1.0' );
define( 'STADTTRAUM_FILE', __FILE__ );
define( 'STADTTRAUM_DIR', plugin_dir_path( __FILE__ ) );
define( 'STADTTRAUM_URL', plugin_dir_url( __FILE__ ) );

require_once STADTTRAUM_DIR . 'includes/class-settings.php';
require_once STADTTRAUM_DIR . 'includes/class-assets.php';
require_once STADTTRAUM_DIR . 'includes/class-preload.php';
require_once STADTTRAUM_DIR . 'includes/class-widgets.php';
require_once STADTTRAUM_DIR . 'includes/class-ideas.php';
require_once STADTTRAUM_DIR . 'includes/class-visitor.php';
require_once STADTTRAUM_DIR . 'includes/class-guard.php';
require_once STADTTRAUM_DIR . 'includes/class-idempotency.php';
require_once STADTTRAUM_DIR . 'includes/class-feed.php';
require_once STADTTRAUM_DIR . 'includes/class-privacy.php';
require_once STADTTRAUM_DIR . 'includes/class-supports.php';
require_once STADTTRAUM_DIR . 'includes/class-rest.php';
require_once STADTTRAUM_DIR . 'includes/class-content-type.php';
require_once STADTTRAUM_DIR . 'includes/class-benches.php';
require_once STADTTRAUM_DIR . 'includes/class-bench-map.php';
require_once STADTTRAUM_DIR . 'includes/class-partners.php';
require_once STADTTRAUM_DIR . 'includes/class-card-programme.php';
require_once STADTTRAUM_DIR . 'includes/class-logos.php';
require_once STADTTRAUM_DIR . 'includes/class-logos-import.php';
require_once STADTTRAUM_DIR . 'includes/class-ballot-rules.php';
require_once STADTTRAUM_DIR . 'includes/class-voting.php';
require_once STADTTRAUM_DIR . 'includes/class-voting-admin.php';

Stadttraum_Settings::init();
Stadttraum_Assets::init();
Stadttraum_Preload::init();
Stadttraum_Widgets::init();
Stadttraum_Ideas::init();
Stadttraum_Supports::init();
Stadttraum_Rest::init();
Stadttraum_Guard::init();
Stadttraum_Feed::init();
Stadttraum_Privacy::init();
Stadttraum_Benches::init();
Stadttraum_Partners::init();
Stadttraum_Card_Programme::init();
Stadttraum_Logos::init();
Stadttraum_Voting::init();
Stadttraum_Voting_Admin::init();

add_action( 'init', array( 'Stadttraum_Plugin', 'load_textdomain' ), 1 );
register_activation_hook( __FILE__, array( 'Stadttraum_Plugin', 'activate' ) );
register_deactivation_hook( __FILE__, array( 'Stadttraum_Plugin', 'deactivate' ) );

/** Activation and deactivation. */
final class Stadttraum_Plugin {
	/**
	 * The German translations shipped in languages/ (de_DE, de_DE_formal); a language pack from
	 * translate.wordpress.org in wp-content/languages/plugins/ wins, WordPress loads that first.
	 */
	public static function load_textdomain() {
		load_plugin_textdomain( 'stadttraum', false, dirname( plugin_basename( STADTTRAUM_FILE ) ) . '/languages' );
	}

	/** Creates the support table and registers the post type before rewrite rules are flushed. */
	public static function activate() {
		Stadttraum_Supports::install();
		Stadttraum_Ideas::register();
		flush_rewrite_rules();
	}

	/** Stops the daily clean-up; content and settings stay. */
	public static function deactivate() {
		wp_clear_scheduled_hook( 'stadttraum_daily' );
		flush_rewrite_rules();
	}
}
