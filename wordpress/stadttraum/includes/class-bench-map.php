<?php
/**
 * The map picker in the bench editor (assets/bench-map.js): a small map under the latitude and
 * longitude fields. It asks before anything is loaded from the tile server (third party; the
 * fields work without it), then sets the position by click, drag or keyboard and follows what is
 * typed. Leaflet is the plugin's own copy in assets/vendor/ (from the widgets' pinned Leaflet,
 * copied by `npm run package`); the tile server and attribution are those of the settings page.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** Markup and assets of the bench editor's map. */
final class Stadttraum_Bench_Map {
	public static function assets( $hook ) {
		$screen = get_current_screen();
		if ( ! $screen || Stadttraum_Benches::POST_TYPE !== $screen->post_type || ! in_array( $hook, array( 'post.php', 'post-new.php' ), true ) ) {
			return;
		}
		wp_enqueue_style( 'stadttraum-leaflet', STADTTRAUM_URL . 'assets/vendor/leaflet.css', array(), STADTTRAUM_VERSION );
		wp_add_inline_style(
			'stadttraum-leaflet',
			'#st-bench-map .st-map-stage{height:320px;max-width:40rem;border:1px solid #8c8f94}'
			. '#st-bench-map .st-map-stage:focus-visible{outline:2px solid #2271b1;outline-offset:2px}'
			. '#st-bench-map .button{min-height:44px}'
			. '.st-bench-pin{background:#b32d2e;border:3px solid #fff;border-radius:50% 50% 50% 0;transform:rotate(-45deg);box-shadow:0 0 0 1px #1d2327}'
			. '.st-bench-pin:focus-visible{outline:3px solid #2271b1;outline-offset:2px}'
		);
		wp_enqueue_script( 'stadttraum-bench-map', STADTTRAUM_URL . 'assets/bench-map.js', array(), STADTTRAUM_VERSION, true );
	}

	/** Where the map starts without a position: the middle of the published benches, else Germany. */
	private static function centre() {
		$sum   = array( 0.0, 0.0 );
		$count = 0;
		foreach ( Stadttraum_Benches::feed()['benches'] as $bench ) {
			$sum[0] += $bench['position']['lat'];
			$sum[1] += $bench['position']['lon'];
			++$count;
		}
		return $count ? array( array( round( $sum[0] / $count, 6 ), round( $sum[1] / $count, 6 ) ), 12 ) : array( array( 51.16, 10.45 ), 6 );
	}

	public static function render() {
		$settings = Stadttraum_Settings::all();
		$host     = (string) wp_parse_url( $settings['tile_url'], PHP_URL_HOST );
		$provider = '' !== $settings['tile_provider'] ? $settings['tile_provider'] : $host;
		list( $centre, $zoom ) = self::centre();
		$texts    = array(
			/* translators: 1: latitude, 2: longitude */
			'at'      => __( 'Marker on the map at %1$s, %2$s.', 'stadttraum' ),
			'none'    => __( 'No position yet: click the map or use “Set the position to the map’s centre”.', 'stadttraum' ),
			'loading' => __( 'Loading the map …', 'stadttraum' ),
			'failed'  => __( 'The map could not be loaded. Type the coordinates into the fields above.', 'stadttraum' ),
			'map'     => __( 'Map for the bench’s position', 'stadttraum' ),
			'marker'  => __( 'Position of the bench (drag, or arrow keys)', 'stadttraum' ),
		);
		echo '<div id="st-bench-map" data-leaflet="' . esc_url( STADTTRAUM_URL . 'assets/vendor/leaflet.js?ver=' . STADTTRAUM_VERSION ) . '" data-tiles="' . esc_attr( $settings['tile_url'] ) . '" data-max-zoom="' . esc_attr( (string) (int) $settings['max_zoom'] ) . '" data-centre="' . esc_attr( (string) wp_json_encode( $centre ) ) . '" data-zoom="' . esc_attr( (string) $zoom ) . '" data-texts="' . esc_attr( (string) wp_json_encode( $texts ) ) . '">';
		echo '<div class="st-map-consent"><p id="st-bench-map-consent">' . esc_html(
			sprintf(
				/* translators: %s: the tile server's operator or host */
				__( 'The map loads its images from %s, which then sees your IP address. Nothing is loaded until you ask for it; the fields above work without the map.', 'stadttraum' ),
				$provider
			)
		) . '</p>';
		echo '<p><button type="button" class="button st-map-show" aria-describedby="st-bench-map-consent">' . esc_html__( 'Show the map to pick the position', 'stadttraum' ) . '</button></p></div>';
		echo '<div class="st-map-stage" hidden tabindex="0"></div>';
		echo '<div class="st-map-tools" hidden><p class="description" id="st-bench-map-help">' . esc_html__( 'Click the map or drag the marker. With the keyboard: arrow keys move the map, + and − zoom; then set the position to the map’s centre. The focused marker moves with the arrow keys (Shift: smaller steps).', 'stadttraum' ) . '</p>';
		echo '<p><button type="button" class="button st-map-centre">' . esc_html__( 'Set the position to the map’s centre', 'stadttraum' ) . '</button></p>';
		echo '<p class="description">' . esc_html( self::attribution( $settings['tile_attribution'] ) ) . '</p></div>';
		echo '<p class="st-map-status" role="status" aria-live="polite"></p>';
		echo '</div>';
	}

	/** The attribution as text ("[OpenStreetMap](https://…)" shows as "OpenStreetMap"). */
	private static function attribution( $text ) {
		return (string) preg_replace( '/\[([^\]]*)\]\([^)]*\)/', '$1', (string) $text );
	}
}
