<?php
/**
 * The widgets' one script, `widgets/<version>/stadttraum.js`, always as `type="module"`:
 * with the Script Modules API where WordPress has it (6.5+), otherwise as a classic
 * registered script whose tag gets `type="module"` (6.1–6.4). Enqueued only while a block or
 * shortcode renders, so pages without a widget load nothing.
 *
 * Next to it `widgets/<version>/stadttraum.css`, a normal stylesheet for the <head> that keeps
 * each widget's space free until the script has defined its tag (no layout shift). It is
 * enqueued on `wp_enqueue_scripts` for a singular page whose content has one of the blocks or
 * shortcodes; a widget the check cannot see (widget area, synced pattern, archive) enqueues it
 * while it renders, and WordPress then prints it late, in the footer.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** Script registration and on-demand enqueueing. */
final class Stadttraum_Assets {
	const HANDLE  = 'stadttraum';
	const CONSENT = 'stadttraum-consent';
	/** What loads the widgets in the iframed editor canvas (block.json `script`); admin only. */
	const EDITOR = 'stadttraum-editor';

	/** Handles whose tags must be `type="module"` on the classic-script path. */
	private static $modules = array( self::HANDLE );

	private static $enqueued = false;

	public static function init() {
		add_action( 'init', array( __CLASS__, 'register' ), 5 ); // before the blocks name the handles
		add_action( 'wp_enqueue_scripts', array( __CLASS__, 'enqueue_style_early' ) );
		add_filter( 'script_loader_tag', array( __CLASS__, 'module_tag' ), 10, 3 );
		add_action( 'admin_notices', array( __CLASS__, 'missing_notice' ) );
		add_action( 'enqueue_block_assets', array( __CLASS__, 'enqueue_in_canvas' ) );
	}

	/** URL of the loader of this plugin version. */
	public static function loader_url() {
		return STADTTRAUM_URL . 'widgets/' . STADTTRAUM_VERSION . '/stadttraum.js';
	}

	/** URL of the stylesheet that reserves the widgets' space before the script runs. */
	public static function style_url() {
		return STADTTRAUM_URL . 'widgets/' . STADTTRAUM_VERSION . '/stadttraum.css';
	}

	/** Whether the stylesheet is there (zips before it existed, or a git checkout, lack it). */
	public static function style_available() {
		return file_exists( STADTTRAUM_DIR . 'widgets/' . STADTTRAUM_VERSION . '/stadttraum.css' );
	}

	/** Whether the built widgets are there (they are in the release zip, not in a git checkout). */
	public static function available() {
		return file_exists( STADTTRAUM_DIR . 'widgets/' . STADTTRAUM_VERSION . '/stadttraum.js' );
	}

	/** Whether this WordPress has the Script Modules API (6.5+). */
	public static function has_script_modules() {
		return function_exists( 'wp_register_script_module' ) && function_exists( 'wp_enqueue_script_module' );
	}

	public static function register() {
		// The path is versioned, so no ?ver= is needed; chunks resolve against the loader's URL.
		if ( self::has_script_modules() ) {
			wp_register_script_module( self::HANDLE, self::loader_url(), array(), null );
		}
		// Classic path (WP < 6.5, and the block editor of every version).
		wp_register_script( self::HANDLE, self::loader_url(), array(), null, true );
		// Without the script the reserved space would stay empty; so only with both files.
		if ( self::available() && self::style_available() ) {
			wp_register_style( self::HANDLE, self::style_url(), array(), null );
		}
		// The editor canvas is an iframe (6.1's site editor, every editor from 7.0): it loads the
		// blocks' `script` handles, but no script modules. A small classic script imports the
		// loader in there. Only in the admin: on the front end the loader comes as a module, and
		// an unregistered handle that a block enqueues prints nothing.
		if ( is_admin() ) {
			wp_register_script( self::EDITOR, STADTTRAUM_URL . 'assets/editor-canvas.js', array(), STADTTRAUM_VERSION, false );
		}
		// Consent bridge: a classic script a consent manager can block until the visitor agrees.
		wp_register_script( self::CONSENT, STADTTRAUM_URL . 'assets/consent-bridge.js', array(), STADTTRAUM_VERSION, true );
	}

	/**
	 * `wp_enqueue_scripts`: the stylesheet in the <head> of a singular page whose content has one
	 * of the widgets as a block or shortcode. Other pages get nothing here.
	 */
	public static function enqueue_style_early() {
		if ( ! is_singular() ) {
			return;
		}
		$post = get_queried_object();
		if ( ! $post instanceof WP_Post ) {
			return;
		}
		/**
		 * Whether this page needs the widgets' stylesheet in its <head>.
		 *
		 * @param bool    $needed Whether the content has one of the plugin's blocks or shortcodes.
		 * @param WP_Post $post   The queried post.
		 */
		if ( apply_filters( 'stadttraum_head_style', self::has_widget( $post ), $post ) ) {
			self::enqueue_style();
		}
	}

	/** Whether a post's content has one of the widgets as a block or shortcode. */
	public static function has_widget( $post ) {
		foreach ( Stadttraum_Widgets::definitions() as $tag => $def ) {
			if ( has_block( 'stadttraum/' . $tag, $post ) ) {
				return true;
			}
			foreach ( Stadttraum_Widgets::shortcodes( $def ) as $name ) {
				if ( has_shortcode( $post->post_content, $name ) ) {
					return true;
				}
			}
		}
		return false;
	}

	/** Enqueues the stylesheet (once; WordPress keeps a handle only once) outside the admin. */
	public static function enqueue_style() {
		if ( ! is_admin() && wp_style_is( self::HANDLE, 'registered' ) ) {
			wp_enqueue_style( self::HANDLE );
		}
	}

	/** Called by every block and shortcode while it renders. */
	public static function enqueue() {
		if ( self::$enqueued ) {
			return;
		}
		self::$enqueued = true;
		// Already in the <head> if the early check found the widget; otherwise printed late.
		self::enqueue_style();
		if ( self::has_script_modules() && ! is_admin() ) {
			wp_enqueue_script_module( self::HANDLE );
		} else {
			wp_enqueue_script( self::HANDLE );
		}
		if ( 'cmp' === Stadttraum_Settings::get( 'consent_mode' ) ) {
			wp_enqueue_script( self::CONSENT );
		}
	}

	/** Enqueues the loader in the block editor, for the live preview. */
	public static function enqueue_in_editor() {
		wp_enqueue_script( self::HANDLE );
	}

	/**
	 * `enqueue_block_assets` runs for the iframed canvas too (6.3+), besides the blocks' `script`
	 * handles; in the admin only, the front end has its module.
	 */
	public static function enqueue_in_canvas() {
		if ( is_admin() && wp_script_is( self::EDITOR, 'registered' ) ) {
			wp_enqueue_script( self::EDITOR );
		}
	}

	/** `type="module"` for the loader's classic tag; WordPress 6.1 cannot say that itself. */
	public static function module_tag( $tag, $handle, $src ) {
		if ( ! in_array( $handle, self::$modules, true ) ) {
			return $tag;
		}
		if ( false !== strpos( $tag, 'type="module"' ) ) {
			return $tag;
		}
		$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
		return str_replace( '<script ', '<script type="module" ', $tag );
	}

	public static function missing_notice() {
		if ( self::available() || ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		echo '<div class="notice notice-error"><p>' . esc_html(
			sprintf(
				/* translators: %s: folder */
				__( 'stadttraum: the widgets are missing from the plugin folder (%s). Please install the plugin from its release ZIP file: Plugins → Add New → Upload Plugin.', 'stadttraum' ),
				'widgets/' . STADTTRAUM_VERSION . '/'
			)
		) . '</p></div>';
	}
}
