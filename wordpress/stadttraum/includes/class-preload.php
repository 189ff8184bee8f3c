<?php
/**
 * Preload hints in the <head> of a page with widgets: one round trip fewer on a phone network.
 *
 * Without them the browser learns of the widgets' code only from the loader, and of the feed
 * only once the loader runs: page, loader, then code and feed, three round trips. With a
 * `<link rel="modulepreload">` for the loader and for exactly the chunks each widget on the page
 * needs for its first render (from the build's `widgets/<version>/preload.json`), the code comes
 * together with the loader. A widget the editor marked "Load at once" (`eager`) also gets its
 * feed preloaded (`<link rel="preload" as="fetch" crossorigin>`, the very request the loader makes):
 * eager widgets read their feed at page load anyway, the others only near the viewport, so no
 * hint may start theirs. Nothing for a map's Leaflet or tiles: those wait for consent.
 *
 * Only for a singular page whose content has the blocks or shortcodes; a widget in a widget area
 * or synced pattern works as before, without hints.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The <head> lines for the widgets in a page's content. */
final class Stadttraum_Preload {

	public static function init() {
		// Early in the <head>, before styles and scripts: the sooner the browser knows, the better.
		add_action( 'wp_head', array( __CLASS__, 'print_hints' ), 2 );
		add_filter( 'rest_pre_serve_request', array( __CLASS__, 'public_cors' ), 11, 4 );
	}

	/** The GET routes whose answers are public feeds (the same for every reader, read without cookies). */
	private static function feed_routes() {
		$ns = '/' . Stadttraum_Rest::NS;
		return array( $ns . '/ideas', $ns . Stadttraum_Benches::ROUTE, $ns . Stadttraum_Card_Programme::ROUTE, $ns . Stadttraum_Logos::ROUTE, $ns . Stadttraum_Partners::ROUTE, '/' . Stadttraum_Voting::NS . '/vote/feed' );
	}

	/**
	 * `rest_pre_serve_request`, after WordPress's CORS headers: a public feed says
	 * `Access-Control-Allow-Origin: *` (no credentials) instead of echoing the Origin with
	 * `Vary: Origin`. Why: a `<link rel="preload" as="fetch" crossorigin>` is sent with an Origin
	 * header, the widget's own same-origin read without one, and Chromium does not hand a preload
	 * to a read it "varies" from (measured: the feed was fetched twice). The widgets read feeds
	 * without cookies, so nothing they do needs the credentialed form.
	 */
	public static function public_cors( $served, $result, $request, $server ) {
		if ( 'GET' !== $request->get_method() || ! in_array( $request->get_route(), self::feed_routes(), true ) || headers_sent() ) {
			return $served;
		}
		$vary = array();
		foreach ( headers_list() as $line ) {
			if ( 0 === stripos( $line, 'Vary:' ) ) {
				$vary = array_merge( $vary, array_map( 'trim', explode( ',', substr( $line, 5 ) ) ) );
			}
		}
		header_remove( 'Vary' );
		$vary = array_filter( $vary, function ( $v ) {
			return '' !== $v && 0 !== strcasecmp( $v, 'Origin' );
		} );
		if ( $vary ) {
			header( 'Vary: ' . implode( ', ', array_unique( $vary ) ) );
		}
		header_remove( 'Access-Control-Allow-Credentials' );
		header( 'Access-Control-Allow-Origin: *' );
		return $served;
	}

	/** The build's table (dist/preload.json), or an empty array when the file is missing or bad. */
	public static function manifest() {
		static $manifest = null;
		if ( null === $manifest ) {
			$file     = STADTTRAUM_DIR . 'widgets/' . STADTTRAUM_VERSION . '/preload.json';
			$manifest = is_readable( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file of the plugin
			if ( ! is_array( $manifest ) || empty( $manifest['widgets'] ) || ! is_array( $manifest['widgets'] ) ) {
				$manifest = array();
			}
		}
		return $manifest;
	}

	/**
	 * The widgets in a post's content, in order, as blocks (also nested) and shortcodes.
	 *
	 * @return array<int,array{tag:string,input:array,inline:bool,mode:string}>
	 */
	public static function widgets_in( $post ) {
		$found = array();
		$walk  = function ( $blocks ) use ( &$walk, &$found ) {
			foreach ( $blocks as $block ) {
				if ( isset( $block['blockName'] ) && is_string( $block['blockName'] ) && 0 === strpos( $block['blockName'], 'stadttraum/' ) ) {
					$attrs   = is_array( $block['attrs'] ) ? $block['attrs'] : array();
					$found[] = array(
						'tag'    => substr( $block['blockName'], strlen( 'stadttraum/' ) ),
						'input'  => $attrs,
						'inline' => isset( $attrs['data'] ) && '' !== trim( (string) $attrs['data'] ),
						'mode'   => 'block',
					);
				}
				if ( ! empty( $block['innerBlocks'] ) ) {
					$walk( $block['innerBlocks'] );
				}
			}
		};
		if ( has_blocks( $post->post_content ) ) {
			$walk( parse_blocks( $post->post_content ) );
		}
		$names = array();
		foreach ( Stadttraum_Widgets::definitions() as $tag => $def ) {
			foreach ( Stadttraum_Widgets::shortcodes( $def ) as $name ) {
				$names[ $name ] = $tag;
			}
		}
		if ( preg_match_all( '/' . get_shortcode_regex( array_keys( $names ) ) . '/', $post->post_content, $matches, PREG_SET_ORDER ) ) {
			foreach ( $matches as $m ) {
				if ( '[' === $m[1] && ']' === $m[6] ) {
					continue; // [[idea_wall]] is the escaped text, not a widget.
				}
				$input = array();
				$atts  = shortcode_parse_atts( $m[3] );
				foreach ( is_array( $atts ) ? $atts : array() as $key => $value ) {
					// As Stadttraum_Widgets::shortcode() reads them: a bare word is a boolean.
					if ( is_int( $key ) ) {
						$input[ strtolower( str_replace( '_', '-', (string) $value ) ) ] = true;
					} else {
						$input[ strtolower( str_replace( '_', '-', $key ) ) ] = $value;
					}
				}
				$found[] = array(
					'tag'    => $names[ $m[2] ],
					'input'  => $input,
					'inline' => '' !== trim( wp_strip_all_tags( (string) $m[5] ) ),
					'mode'   => 'shortcode',
				);
			}
		}
		return $found;
	}

	/**
	 * The hints for these widgets: `code` the files (relative to the widgets' folder, loader
	 * first, none twice) and `feeds` the feed addresses to preload.
	 *
	 * @return array{code:string[],feeds:string[]}
	 */
	public static function hints( $widgets ) {
		$manifest = self::manifest();
		$code     = array();
		$feeds    = array();
		if ( ! $manifest || ! $widgets ) {
			return array(
				'code'  => $code,
				'feeds' => $feeds,
			);
		}
		$code[] = $manifest['loader'];
		foreach ( $widgets as $w ) {
			if ( ! isset( $manifest['widgets'][ $w['tag'] ] ) ) {
				continue;
			}
			$entry = $manifest['widgets'][ $w['tag'] ];
			$code  = array_merge( $code, $entry['code'] );
			$attrs = Stadttraum_Widgets::element_attributes( $w['tag'], $w['input'], $w['mode'] );
			if ( $w['inline'] && ( 'idea-wall' !== $w['tag'] || isset( $w['input']['src'] ) ) ) {
				unset( $attrs['src'] ); // Inline data is the source (as Stadttraum_Widgets::render()).
			}
			// Feeds and their formats as the loader reads them (src/stadttraum.ts).
			foreach ( array( 'src' => 'format', 'partners-src' => 'partners-format' ) as $src => $format_attr ) {
				if ( empty( $attrs[ $src ] ) ) {
					continue;
				}
				$format = isset( $attrs[ $format_attr ] ) ? $attrs[ $format_attr ] : ( preg_match( '/csv/i', $attrs[ $src ] ) ? 'csv' : '' );
				if ( isset( $entry['formats'][ $format ] ) ) {
					$code = array_merge( $code, $entry['formats'][ $format ] );
				}
				// Decidim and CONSUL are read by POST, which no preload can make.
				$readable = ! in_array( $format, array( 'decidim', 'consul' ), true );
				/**
				 * Whether to preload a widget's feed in the <head>. By default only for a widget set to
				 * load at once (`eager`): the others read their feed when scrolled near, and a hint would
				 * read it for visitors who never get there.
				 *
				 * @param bool   $preload Whether the feed is preloaded.
				 * @param string $tag     The widget's tag.
				 * @param array  $attrs   The element's checked attributes.
				 */
				if ( $readable && apply_filters( 'stadttraum_preload_feed', ! empty( $attrs['eager'] ), $w['tag'], $attrs ) ) {
					$feeds[] = $attrs[ $src ];
				}
			}
		}
		return array(
			'code'  => array_values( array_unique( $code ) ),
			'feeds' => array_values( array_unique( $feeds ) ),
		);
	}

	/** `wp_head`: the hints for the queried singular page's widgets. */
	public static function print_hints() {
		if ( is_admin() || ! is_singular() || ! Stadttraum_Assets::available() ) {
			return;
		}
		$post = get_queried_object();
		if ( ! $post instanceof WP_Post ) {
			return;
		}
		/**
		 * Whether to print the widgets' preload hints in this page's <head>.
		 *
		 * @param bool    $enabled Default true.
		 * @param WP_Post $post    The queried post.
		 */
		if ( ! apply_filters( 'stadttraum_preload_hints', true, $post ) ) {
			return;
		}
		$hints = self::hints( self::widgets_in( $post ) );
		$base  = STADTTRAUM_URL . 'widgets/' . STADTTRAUM_VERSION . '/';
		foreach ( $hints['code'] as $file ) {
			echo '<link rel="modulepreload" href="' . esc_url( $base . $file ) . '">' . "\n";
		}
		foreach ( $hints['feeds'] as $url ) {
			// crossorigin: the loader reads feeds in CORS mode; without it the browser would not reuse this.
			echo '<link rel="preload" as="fetch" href="' . esc_url( $url ) . '" crossorigin="anonymous">' . "\n";
		}
	}
}
