<?php
/**
 * Plugin Name:       stadttraum – Ideenwand, Mitfahrbänke, Ehrenamtskarte, Partnerlogos
 * Plugin URI:        https://github.com/stadttraum/stadttraum
 * Description:       Barrierefreie Widgets für Kommunen und Vereine als Blöcke und Shortcodes: eine Ideenwand mit Unterstützen und Einreichen (Ideen werden in WordPress moderiert), Mitfahrbänke auf einer Karte erst nach Zustimmung, die Ehrenamtskarte und Partnerlogos. Ohne Cookies, ohne Drittanbieter vor einer Zustimmung.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            stadttraum
 * License:           MIT
 * Text Domain:       stadttraum
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
require_once STADTTRAUM_DIR . 'includes/class-widgets.php';
require_once STADTTRAUM_DIR . 'includes/class-ideas.php';
require_once STADTTRAUM_DIR . 'includes/class-supports.php';
require_once STADTTRAUM_DIR . 'includes/class-rest.php';
require_once STADTTRAUM_DIR . 'includes/class-ballot-rules.php';
require_once STADTTRAUM_DIR . 'includes/class-voting.php';
require_once STADTTRAUM_DIR . 'includes/class-voting-admin.php';

Stadttraum_Settings::init();
Stadttraum_Assets::init();
Stadttraum_Widgets::init();
Stadttraum_Ideas::init();
Stadttraum_Supports::init();
Stadttraum_Rest::init();
Stadttraum_Voting::init();
Stadttraum_Voting_Admin::init();

register_activation_hook( __FILE__, array( 'Stadttraum_Plugin', 'activate' ) );
register_deactivation_hook( __FILE__, array( 'Stadttraum_Plugin', 'deactivate' ) );

/** Activation and deactivation. */
final class Stadttraum_Plugin {
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
