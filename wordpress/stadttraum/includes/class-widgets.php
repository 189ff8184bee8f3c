<?php
/**
 * The five widgets as blocks (sidebar settings, live preview) and shortcodes. One table of
 * attributes drives both; every value is checked against it and escaped on output.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** Definitions, rendering, shortcodes and blocks. */
final class Stadttraum_Widgets {

	/**
	 * Labels of the attributes every widget has (see the README's shared attributes). Kinds,
	 * defaults, options and limits are in attributes.generated.php (from the components' JSDoc);
	 * `options` here names the values ('' = the widget's default, when it has none of its own).
	 */
	private static function common() {
		return array(
			'src'           => array( 'label' => __( 'Address of the data (URL)', 'stadttraum' ), 'help' => __( 'JSON from this or another server (CORS).', 'stadttraum' ) ),
			'format'        => array( 'label' => __( 'Data format', 'stadttraum' ), 'help' => __( 'Empty: the widget\'s own JSON.', 'stadttraum' ) ),
			'theme'         => array( 'label' => __( 'Colour scheme', 'stadttraum' ), 'options' => array( 'light' => __( 'light (default)', 'stadttraum' ), 'dark' => __( 'dark', 'stadttraum' ), 'auto' => __( 'as the page (dark only on a dark background)', 'stadttraum' ) ) ),
			'lang'          => array( 'label' => __( 'Language', 'stadttraum' ), 'options' => array( '' => __( 'Plugin setting', 'stadttraum' ), 'de' => 'Deutsch', 'en' => 'English' ) ),
			'heading-level' => array( 'label' => __( 'Heading level (2–6)', 'stadttraum' ) ),
			'refresh'       => array( 'label' => __( 'Refresh every N seconds (0 = never)', 'stadttraum' ) ),
			'timeout'       => array( 'label' => __( 'Timeout in seconds', 'stadttraum' ) ),
			'eager'         => array( 'label' => __( 'Load at once (not only when scrolled into view)', 'stadttraum' ) ),
			'strings'       => array( 'label' => __( 'Own texts (JSON)', 'stadttraum' ), 'help' => '{"de":{"retry":"Nochmal probieren"}}' ),
		);
	}

	/** The five widgets: tag => title, shortcode, the labels of their own attributes. */
	public static function definitions() {
		$privacy = array( 'label' => __( 'Privacy policy (URL)', 'stadttraum' ), 'help' => __( 'Empty: this website\'s privacy policy page.', 'stadttraum' ) );
		return array(
			'idea-wall'       => array(
				'title'       => __( 'Idea wall', 'stadttraum' ),
				'description' => __( 'Filter, search, support and submit ideas. Without a data source: the ideas kept under “Ideas” in WordPress.', 'stadttraum' ),
				'shortcode'   => 'idea_wall',
				'icon'        => 'lightbulb',
				'fallback'    => __( 'The idea wall needs JavaScript.', 'stadttraum' ),
				'attrs'       => array(
					'support'          => array( 'label' => __( 'Allow supporting', 'stadttraum' ), 'help' => __( 'Only for the ideas from WordPress.', 'stadttraum' ) ),
					'submit'           => array( 'label' => __( 'Let people submit new ideas', 'stadttraum' ), 'help' => __( 'New ideas appear only after approval under “Ideas”.', 'stadttraum' ) ),
					'layout'           => array( 'label' => __( 'Display', 'stadttraum' ), 'options' => array( 'wall' => __( 'Wall (cards)', 'stadttraum' ), 'list' => __( 'List', 'stadttraum' ) ) ),
					'sort'             => array( 'label' => __( 'Order', 'stadttraum' ), 'options' => array( 'newest' => __( 'newest first', 'stadttraum' ), 'support' => __( 'most support', 'stadttraum' ), 'status' => __( 'by status', 'stadttraum' ), 'random' => __( 'random', 'stadttraum' ) ) ),
					'page-size'        => array( 'label' => __( 'Ideas per page', 'stadttraum' ) ),
					'url-state'        => array( 'label' => __( 'Filters and the open idea in the address (linkable)', 'stadttraum' ) ),
					'privacy-url'      => $privacy,
					'support-endpoint' => array( 'label' => __( 'Own endpoint for supports', 'stadttraum' ) ),
					'submit-endpoint'  => array( 'label' => __( 'Own endpoint for new ideas', 'stadttraum' ) ),
				),
			),
			'mitfahrbank-map' => array(
				'title'       => __( 'Ride-share benches', 'stadttraum' ),
				'description' => __( 'Ride-share benches (Mitfahrbänke) on a map (only after consent) and as a list.', 'stadttraum' ),
				'shortcode'   => 'mitfahrbank_map',
				'icon'        => 'location-alt',
				'fallback'    => __( 'The map of ride-share benches needs JavaScript.', 'stadttraum' ),
				'attrs'       => array(
					'view'           => array( 'label' => __( 'Show first', 'stadttraum' ), 'options' => array( 'map' => __( 'Map', 'stadttraum' ), 'list' => __( 'List', 'stadttraum' ) ) ),
					'privacy-url'    => $privacy,
					'label-property' => array( 'label' => __( 'Property with the bench\'s name (GeoJSON/Overpass)', 'stadttraum' ) ),
				),
			),
			'ehrenamt-card'   => array(
				'title'       => __( 'Volunteer card', 'stadttraum' ),
				'description' => __( 'What the volunteer card (Ehrenamtskarte) is, who gets it and where it is accepted.', 'stadttraum' ),
				'shortcode'   => 'ehrenamt_card',
				'icon'        => 'id',
				'fallback'    => __( 'The information on the volunteer card needs JavaScript.', 'stadttraum' ),
				'attrs'       => array(
					'sections'        => array( 'label' => __( 'Sections', 'stadttraum' ), 'help' => 'card check partners map' ),
					'partners-src'    => array( 'label' => __( 'More partners (URL)', 'stadttraum' ) ),
					'partners-format' => array( 'label' => __( 'Format of the partners', 'stadttraum' ), 'options' => array( '' => 'JSON', 'csv' => 'CSV' ) ),
					'page-size'       => array( 'label' => __( 'Partners per page', 'stadttraum' ) ),
					'privacy-url'     => $privacy,
				),
			),
			'partner-logos'   => array(
				'title'       => __( 'Partner logos', 'stadttraum' ),
				'description' => __( '“A joint project of … / Funded by …”', 'stadttraum' ),
				'shortcode'   => 'partner_logos',
				'icon'        => 'groups',
				'fallback'    => '',
				'attrs'       => array(
					'layout'     => array( 'label' => __( 'Arrangement', 'stadttraum' ), 'options' => array( 'grid' => __( 'Grid', 'stadttraum' ), 'row' => __( 'one row per group', 'stadttraum' ), 'strip' => __( 'Ticker', 'stadttraum' ) ) ),
					'min-height' => array( 'label' => __( 'Minimum height of the logos (px)', 'stadttraum' ) ),
					'greyscale'  => array( 'label' => __( 'Logos in greyscale', 'stadttraum' ) ),
					'text-only'  => array( 'label' => __( 'Names only, no logos', 'stadttraum' ) ),
					'target'     => array( 'label' => __( 'Links', 'stadttraum' ), 'options' => array( '' => __( 'in the same tab', 'stadttraum' ), '_blank' => __( 'in a new tab', 'stadttraum' ) ) ),
				),
			),
			// The vote itself (budget, projects, window, codes or one vote per browser) is set on
			// Settings → Youth budget vote; the block shows it, or any other youth budget feed.
			'jugend-budget'   => array(
				'title'       => __( 'Youth budget', 'stadttraum' ),
				'description' => __( 'A youth budget from proposals to the vote, the result and what was built. Without a data source: the vote run under Settings → Youth budget vote.', 'stadttraum' ),
				'shortcode'   => 'jugend_budget',
				'icon'        => 'chart-bar',
				'fallback'    => __( 'The youth budget needs JavaScript.', 'stadttraum' ),
				'attrs'       => array(
					'phase'  => array( 'label' => __( 'Show first', 'stadttraum' ), 'options' => array( '' => __( 'the current phase', 'stadttraum' ), 'proposals' => __( 'proposals', 'stadttraum' ), 'check' => __( 'check by the administration', 'stadttraum' ), 'vote' => __( 'vote', 'stadttraum' ), 'result' => __( 'result', 'stadttraum' ), 'implementation' => __( 'implementation', 'stadttraum' ) ) ),
					'budget' => array( 'label' => __( 'Budget, when the data does not give it', 'stadttraum' ) ),
					'rule'   => array( 'label' => __( 'Counting rule, when the data does not name one', 'stadttraum' ), 'options' => array( '' => __( 'from the data', 'stadttraum' ), 'greedy' => __( 'By votes, while the money lasts', 'stadttraum' ), 'equalshares/add1' => __( 'Method of Equal Shares (add1)', 'stadttraum' ), 'equalshares/add1-comparison' => __( 'Method of Equal Shares (add1), compared with “by votes”', 'stadttraum' ) ) ),
				),
			),
		);
	}

	/**
	 * All attributes of one widget, its own and then the shared ones: kind, default, options and
	 * limits as generated from the manifest, with the plugin's translated labels. A select's ''
	 * is the widget's default (named by the label of the default value).
	 */
	public static function attributes( $tag ) {
		static $generated = null;
		if ( null === $generated ) {
			$generated = require STADTTRAUM_DIR . 'includes/attributes.generated.php';
		}
		$defs   = self::definitions();
		$labels = array_merge( self::common(), $defs[ $tag ]['attrs'] );
		$out    = array();
		// A widget missing there is caught by the generator's check in CI; here it just has none.
		foreach ( isset( $generated[ $tag ] ) ? $generated[ $tag ] : array() as $name => $a ) {
			$l          = isset( $labels[ $name ] ) ? $labels[ $name ] : array( 'label' => $name );
			$a['label'] = $l['label'];
			if ( isset( $l['help'] ) ) {
				$a['help'] = $l['help'];
			}
			if ( 'select' === $a['kind'] ) {
				$names   = isset( $l['options'] ) ? $l['options'] : array();
				$default = isset( $a['default'] ) ? $a['default'] : '';
				$options = array( '' => isset( $names[ $default ] ) ? $names[ $default ] : $default );
				foreach ( $a['options'] as $value ) {
					if ( $value !== $default ) {
						$options[ $value ] = isset( $names[ $value ] ) ? $names[ $value ] : $value;
					}
				}
				$a['options'] = $options;
			}
			$out[ $name ] = $a;
		}
		return $out;
	}

	public static function init() {
		add_action( 'init', array( __CLASS__, 'register' ) );
		add_filter( 'no_texturize_shortcodes', array( __CLASS__, 'no_texturize' ) );
		add_action( 'enqueue_block_editor_assets', array( __CLASS__, 'editor_assets' ) );
		add_filter( 'wp_theme_json_data_theme', array( __CLASS__, 'palette_only' ) );
	}

	/**
	 * A widget's shortcode names: the prefixed one (`stadttraum_idea_wall`), which no other plugin
	 * claims, and the short one of 0.1.0 (`idea_wall`) as an alias, so existing pages keep working.
	 */
	public static function shortcodes( $def ) {
		return array( 'stadttraum_' . $def['shortcode'], $def['shortcode'] );
	}

	public static function no_texturize( $list ) {
		foreach ( self::definitions() as $def ) {
			$list = array_merge( $list, self::shortcodes( $def ) );
		}
		return $list;
	}

	public static function register() {
		foreach ( self::definitions() as $tag => $def ) {
			$render = function ( $atts, $content = '' ) use ( $tag ) {
				return Stadttraum_Widgets::shortcode( $tag, $atts, $content );
			};
			foreach ( self::shortcodes( $def ) as $i => $name ) {
				// The short alias only where no other plugin registered that name first.
				if ( 0 === $i || ! shortcode_exists( $name ) ) {
					add_shortcode( $name, $render );
				}
			}
		}
		// The editor script before the blocks that name it in their block.json.
		wp_register_script(
			'stadttraum-blocks',
			STADTTRAUM_URL . 'assets/blocks.js',
			array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-i18n' ),
			STADTTRAUM_VERSION,
			true
		);
		wp_set_script_translations( 'stadttraum-blocks', 'stadttraum', STADTTRAUM_DIR . 'languages' );
		foreach ( array_keys( self::definitions() ) as $tag ) {
			// blocks/<tag>/block.json: name, apiVersion 3, attributes, supports, textdomain.
			register_block_type(
				STADTTRAUM_DIR . 'blocks/' . $tag,
				array(
					'render_callback' => function ( $attrs, $content = '', $block = null ) use ( $tag ) {
						return Stadttraum_Widgets::render( $tag, $attrs, isset( $attrs['data'] ) ? $attrs['data'] : '', 'block' );
					},
				)
			);
		}
	}

	/**
	 * Theme data for the blocks: colours only from the palette. A custom colour would reach the
	 * page as an inline `style=""`, which the strict CSP promise (no 'unsafe-inline') rules out;
	 * a palette colour is a class (`has-…-background-color`).
	 */
	public static function palette_only( $theme_json ) {
		$blocks = array();
		foreach ( array_keys( self::definitions() ) as $tag ) {
			$blocks[ 'stadttraum/' . $tag ] = array( 'color' => array( 'custom' => false, 'customGradient' => false, 'gradients' => array() ) );
		}
		return $theme_json->update_with( array( 'version' => 2, 'settings' => array( 'blocks' => $blocks ) ) );
	}

	/** Definitions and the plugin's defaults for the editor script. */
	public static function editor_assets() {
		$defs = array();
		foreach ( self::definitions() as $tag => $def ) {
			$attrs = array();
			foreach ( self::attributes( $tag ) as $name => $a ) {
				unset( $a['pattern'] );
				$attrs[ $name ] = $a;
			}
			$defs[ $tag ] = array(
				'title'       => $def['title'],
				'description' => $def['description'],
				'icon'        => $def['icon'],
				'attrs'       => $attrs,
				'preview'     => self::element_attributes( $tag, array(), 'preview' ),
			);
		}
		$config = array(
			'widgets'   => $defs,
			'available' => Stadttraum_Assets::available(),
		);
		wp_add_inline_script( 'stadttraum-blocks', 'window.stadttraumBlocks = ' . wp_json_encode( $config ) . ';', 'before' );
		Stadttraum_Assets::enqueue_in_editor();
	}

	/** `[idea_wall layout="list"]`; enclosed content may be the feed as JSON. */
	public static function shortcode( $tag, $atts, $content ) {
		$atts  = is_array( $atts ) ? $atts : array();
		$clean = array();
		foreach ( $atts as $key => $value ) {
			if ( is_int( $key ) ) {
				// A bare word: [partner_logos greyscale] sets a boolean.
				$clean[ strtolower( str_replace( '_', '-', (string) $value ) ) ] = true;
				continue;
			}
			$clean[ strtolower( str_replace( '_', '-', $key ) ) ] = $value;
		}
		// wpautop may have wrapped enclosed JSON in <p> and <br>.
		$json = trim( html_entity_decode( wp_strip_all_tags( (string) $content ), ENT_QUOTES, 'UTF-8' ) );
		return self::render( $tag, $clean, $json, 'shortcode' );
	}

	/** Normalises a boolean from a shortcode ("ja", "yes", "1", "true", "on") or a block. */
	private static function truthy( $value ) {
		if ( is_bool( $value ) ) {
			return $value;
		}
		return in_array( strtolower( trim( (string) $value ) ), array( '1', 'true', 'yes', 'ja', 'on', '' ), true );
	}

	/**
	 * Checked attribute values for the element: only known names, values validated by kind.
	 *
	 * @param string $tag   Widget tag.
	 * @param array  $input Raw values (shortcode or block attributes).
	 * @param string $mode  `shortcode`, `block` or `preview` (editor: no write endpoints).
	 * @return array<string,string|true> Attribute name => value (true: boolean attribute).
	 */
	public static function element_attributes( $tag, $input, $mode ) {
		$out = array();
		foreach ( self::attributes( $tag ) as $name => $a ) {
			if ( ! empty( $a['virtual'] ) || ! array_key_exists( $name, $input ) ) {
				continue;
			}
			$value = $input[ $name ];
			switch ( $a['kind'] ) {
				case 'bool':
					if ( self::truthy( $value ) ) {
						$out[ $name ] = true;
					}
					break;
				case 'int':
					if ( '' !== trim( (string) $value ) && is_numeric( $value ) ) {
						$out[ $name ] = (string) max( $a['min'], min( $a['max'], (int) $value ) );
					}
					break;
				case 'select':
					if ( '' !== (string) $value && array_key_exists( (string) $value, $a['options'] ) ) {
						$out[ $name ] = (string) $value;
					}
					break;
				case 'url':
					$url = esc_url_raw( trim( (string) $value ), array( 'http', 'https' ) );
					if ( '' !== $url ) {
						$out[ $name ] = $url;
					}
					break;
				case 'json':
					$decoded = json_decode( (string) $value, true );
					if ( is_array( $decoded ) ) {
						$out[ $name ] = wp_json_encode( $decoded, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
					}
					break;
				default:
					$text = sanitize_text_field( (string) $value );
					if ( '' !== $text && ( empty( $a['pattern'] ) || preg_match( $a['pattern'], $text ) ) ) {
						$out[ $name ] = $text;
					}
			}
		}
		$lang = Stadttraum_Settings::get( 'lang' );
		if ( empty( $out['lang'] ) && $lang ) {
			$out['lang'] = $lang;
		}
		if ( 'idea-wall' === $tag ) {
			$out = self::idea_wall_defaults( $out, $input, $mode );
		}
		if ( 'mitfahrbank-map' === $tag && empty( $out['src'] ) ) {
			// No address of its own: the benches kept in WordPress (inline data still wins).
			$out['src'] = rest_url( Stadttraum_Rest::NS . Stadttraum_Benches::ROUTE );
		}
		if ( 'jugend-budget' === $tag && empty( $out['src'] ) ) {
			// No address of its own: the vote run on Settings → Youth budget vote (its ballot posts back here).
			$out['src'] = rest_url( Stadttraum_Voting::NS . '/vote/feed' );
			unset( $out['format'] );
		}
		if ( 'partner-logos' === $tag && empty( $out['src'] ) && Stadttraum_Logos::any() ) {
			// The logo groups kept in WordPress (inline data from the block or shortcode still wins).
			$out['src'] = rest_url( Stadttraum_Rest::NS . Stadttraum_Logos::ROUTE );
		}
		if ( 'ehrenamt-card' === $tag && empty( $out['src'] ) && Stadttraum_Card_Programme::any() ) {
			// The programme text kept in WordPress (a foreign `src` or inline data still wins).
			$out['src'] = Stadttraum_Card_Programme::url();
		}
		if ( 'ehrenamt-card' === $tag && empty( $out['partners-src'] ) && Stadttraum_Partners::any() ) {
			// The partners kept in WordPress, next to those in the card's own data.
			$out['partners-src'] = rest_url( Stadttraum_Rest::NS . Stadttraum_Partners::ROUTE );
			unset( $out['partners-format'] );
		}
		if ( 'mitfahrbank-map' === $tag || 'ehrenamt-card' === $tag ) {
			$settings                 = Stadttraum_Settings::all();
			$out['tile-url']          = $settings['tile_url'];
			$out['tile-attribution']  = $settings['tile_attribution'];
			$out['max-zoom']          = (string) (int) $settings['max_zoom'];
			if ( '' !== $settings['tile_provider'] ) {
				$out['tile-provider'] = $settings['tile_provider'];
			}
		}
		if ( empty( $out['privacy-url'] ) && array_key_exists( 'privacy-url', self::attributes( $tag ) ) && get_privacy_policy_url() ) {
			$out['privacy-url'] = get_privacy_policy_url();
		}
		return $out;
	}

	/** Without a `src`, the wall shows WordPress's own ideas and uses its own write endpoints. */
	private static function idea_wall_defaults( $out, $input, $mode ) {
		if ( ! empty( $out['src'] ) ) {
			return $out; // Another backend: endpoints only if given.
		}
		$out['src'] = rest_url( 'stadttraum/v1/ideas' );
		if ( 'preview' === $mode ) {
			return $out;
		}
		$support = array_key_exists( 'support', $input ) ? self::truthy( $input['support'] ) : true;
		$submit  = array_key_exists( 'submit', $input ) ? self::truthy( $input['submit'] ) : true;
		if ( $support && empty( $out['support-endpoint'] ) ) {
			$out['support-endpoint'] = rest_url( 'stadttraum/v1/support' );
		}
		if ( $submit && empty( $out['submit-endpoint'] ) ) {
			$out['submit-endpoint'] = rest_url( 'stadttraum/v1/ideas' );
		}
		return $out;
	}

	/** The element's HTML: the tag, its escaped attributes, inline JSON data and fallback content. */
	public static function render( $tag, $input, $json, $mode ) {
		$defs = self::definitions();
		if ( ! isset( $defs[ $tag ] ) ) {
			return '';
		}
		Stadttraum_Assets::enqueue();
		$attrs = self::element_attributes( $tag, is_array( $input ) ? $input : array(), $mode );
		$data  = '';
		$json  = trim( (string) $json );
		if ( '' !== $json ) {
			$decoded = json_decode( $json );
			if ( null !== $decoded ) {
				// JSON_HEX_TAG: "</script>" inside the data cannot end the element.
				$data = '<script type="application/json">' . wp_json_encode( $decoded, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ) . '</script>';
				if ( 'idea-wall' !== $tag || isset( $input['src'] ) ) {
					unset( $attrs['src'] ); // Inline data is the source.
				}
			}
		}
		$html = '<' . $tag;
		foreach ( $attrs as $name => $value ) {
			$html .= true === $value ? ' ' . esc_attr( $name ) : ' ' . esc_attr( $name ) . '="' . esc_attr( $value ) . '"';
		}
		$html .= '>' . $data . self::fallback( $tag, $attrs ) . '</' . $tag . '>';
		$class = 'stadttraum-widget';
		if ( 'block' === $mode ) {
			$class .= ' ' . self::block_classes( $tag, $input );
		}
		return '<div class="' . esc_attr( trim( $class ) ) . '">' . $html . '</div>';
	}

	/**
	 * The block's classes from its supports (alignment, palette colours, extra class), through
	 * get_block_wrapper_attributes(). Only the classes are kept: a `style=""` would need
	 * 'unsafe-inline' under a strict CSP (custom colours are switched off, see palette_only()).
	 */
	private static function block_classes( $tag, $input ) {
		$wrapper = function_exists( 'get_block_wrapper_attributes' ) ? get_block_wrapper_attributes() : '';
		if ( preg_match( '/\bclass="([^"]*)"/', $wrapper, $m ) ) {
			$classes = preg_split( '/\s+/', html_entity_decode( $m[1], ENT_QUOTES ) );
		} else {
			// Rendered outside WP_Block (do_blocks in an old cache, a REST preview): by hand.
			$classes = array( 'wp-block-stadttraum-' . $tag );
			if ( isset( $input['align'] ) && in_array( $input['align'], array( 'wide', 'full' ), true ) ) {
				$classes[] = 'align' . $input['align'];
			}
			if ( ! empty( $input['className'] ) ) {
				$classes = array_merge( $classes, preg_split( '/\s+/', (string) $input['className'] ) );
			}
		}
		return implode( ' ', array_filter( array_map( 'sanitize_html_class', $classes ) ) );
	}

	/** Shown while no JavaScript runs: for the wall of WordPress ideas a plain list of them. */
	private static function fallback( $tag, $attrs ) {
		$defs = self::definitions();
		if ( 'idea-wall' === $tag && isset( $attrs['src'] ) && rest_url( 'stadttraum/v1/ideas' ) === $attrs['src'] ) {
			$titles = get_posts(
				array(
					'post_type'      => Stadttraum_Ideas::POST_TYPE,
					'post_status'    => 'publish',
					'posts_per_page' => 100,
					'fields'         => 'ids',
					'no_found_rows'  => true,
				)
			);
			if ( $titles ) {
				$items = '';
				foreach ( $titles as $id ) {
					$items .= '<li>' . esc_html( get_the_title( $id ) ) . '</li>';
				}
				return '<ul>' . $items . '</ul>';
			}
		}
		return '' === $defs[ $tag ]['fallback'] ? '' : '<p>' . esc_html( $defs[ $tag ]['fallback'] ) . '</p>';
	}
}
