<?php
// Installs a fresh WordPress (step "install") and fills it for the browser tests (step
// "content"): the plugin activated, categories, ideas, and pages with every shortcode and block.
// Run with PHP's CLI: php setup.php install|content <wordpress dir> <site url>
// phpcs:disable

list( , $step, $dir, $url ) = $argv;
$host                   = parse_url( $url, PHP_URL_HOST ) . ':' . parse_url( $url, PHP_URL_PORT );
$_SERVER['HTTP_HOST']   = $host;
$_SERVER['SERVER_NAME'] = parse_url( $url, PHP_URL_HOST );
$_SERVER['REQUEST_URI'] = '/';

if ( 'install' === $step ) {
	define( 'WP_INSTALLING', true );
	require $dir . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$result = wp_install( 'Harzstedt bewegt', 'admin', 'admin@example.org', false, '', 'stadttraum-test' );
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'WPLANG', '' );
	echo json_encode( array( 'user' => $result['user_id'] ) ), "\n";
	exit;
}

require $dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user( 1 );
$activated = activate_plugin( 'stadttraum/stadttraum.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() . "\n" );
	exit( 1 );
}
// The plugin file is included now; run what the request would have run on init.
Stadttraum_Ideas::register();
flush_rewrite_rules();
update_option( 'show_avatars', 0 );
// The plugin's default language (the site itself is English: no wordpress-l10n here).
update_option( 'stadttraum_settings', array( 'lang' => 'de' ) );

$cats = array();
foreach ( array( 'begegnung' => array( 'Begegnung & Kultur', '#c2410c' ), 'mobilitaet' => array( 'Mobilität', '#0369a1' ) ) as $slug => list( $name, $color ) ) {
	$term = wp_insert_term( $name, 'stadttraum_kategorie', array( 'slug' => $slug ) );
	update_term_meta( $term['term_id'], 'st_color', $color );
	$cats[ $slug ] = $term['term_id'];
}

function idea( $title, $content, $cat, $meta, $date ) {
	$id = wp_insert_post(
		array(
			'post_type'    => 'stadttraum_idee',
			'post_status'  => 'publish',
			'post_title'   => $title,
			'post_content' => $content,
			'post_date'    => $date,
			'meta_input'   => $meta,
		)
	);
	wp_set_object_terms( $id, $cat, 'stadttraum_kategorie' );
	return $id;
}
idea(
	'Das rollende Sofa',
	"Ein altes Sofa auf einem Fahrradanhänger, das jede Woche an einem anderen Ort steht.\n\nWer sich setzt, kommt ins Gespräch.",
	$cats['begegnung'],
	array(
		'_st_status'      => 'in-progress',
		'_st_answer_text' => 'Die Stadt stellt den Anhänger aus dem Fuhrpark des Bauhofs zur Verfügung.',
		'_st_answer_date' => '2024-12-05',
		'_st_answer_by'   => 'Bürgermeisterin Karin Vollmer',
		'_st_progress'    => '60',
		'_st_supporters'  => '48',
		'_st_next_steps'  => 'Ab Mai jeden Samstag an einem neuen Ort.',
		'_st_responsible' => 'Kulturverein Harzstedt e.V.',
		'_st_due'         => '2025-05-03',
		'_st_timeline'    => array( array( 'date' => '2024-10-18', 'text' => 'Idee in der Visionswerkstatt entwickelt' ) ),
	),
	'2024-10-18 10:00:00'
);
idea(
	'Mitfahrbank am Bahnhof',
	'<p>Eine Bank mit Klappschildern für Ziele in der Umgebung, damit man ohne Auto weiterkommt.</p>',
	$cats['mobilitaet'],
	array( '_st_status' => 'planned' ),
	'2024-10-19 10:00:00'
);
// A title with markup (an editor may type it): the no-JavaScript fallback list must show it as text.
idea( 'Bank <b>am Markt</b>', 'Eine Bank am Markt.', $cats['begegnung'], array( '_st_status' => 'new' ), '2024-10-01 10:00:00' );

$partners = file_get_contents( $dir . '/daten/partners.json' );
$pages    = array(
	'shortcodes' => array(
		'Mitmachen (Shortcodes)',
		"Hier sammeln wir Ideen.\n\n[idea_wall eager]\n\n[mitfahrbank_map src=\"/daten/benches.json\" view=\"list\" eager]\n\n[ehrenamt_card src=\"/daten/ehrenamt.json\" eager]\n\n[partner_logos eager]\n" . $partners . "\n[/partner_logos]",
	),
	'blocks'     => array(
		'Mitmachen (Blöcke)',
		"<!-- wp:paragraph --><p>Blöcke:</p><!-- /wp:paragraph -->\n"
		. "<!-- wp:stadttraum/idea-wall {\"layout\":\"list\",\"eager\":true,\"submit\":false} /-->\n"
		. "<!-- wp:stadttraum/mitfahrbank-map {\"src\":\"/daten/benches.json\",\"view\":\"list\",\"eager\":true} /-->\n"
		. "<!-- wp:stadttraum/ehrenamt-card {\"src\":\"/daten/ehrenamt.json\",\"eager\":true} /-->\n"
		. '<!-- wp:stadttraum/partner-logos ' . wp_json_encode( array( 'data' => $partners, 'eager' => true ) ) . " /-->\n",
	),
	'escaping'   => array(
		'Escaping',
		"[partner_logos src=\"javascript:alert(1)\" heading-level=\"9\" layout=\"&lt;script&gt;alert(2)&lt;/script&gt;\" target='\"onmouseover=alert(3) x=\"' strings='{\"de\":{\"retry\":\"Noch & mal\"}}']\n\n[idea_wall src='javascript:alert(5)' sort='\" onmouseover=\"alert(6)' page-size='3\" onclick=\"alert(7)']",
	),
	'plain'      => array( 'Impressum', 'Kein Widget auf dieser Seite.' ),
);
// A synced pattern (reusable block) with a widget: has_block() on the page's content cannot see
// it, so the plugin has to enqueue its stylesheet while the widget renders.
$pattern         = wp_insert_post(
	array(
		'post_type'    => 'wp_block',
		'post_status'  => 'publish',
		'post_title'   => 'Partner (synchronisiert)',
		'post_content' => wp_slash( '<!-- wp:stadttraum/partner-logos ' . wp_json_encode( array( 'data' => $partners, 'eager' => true ) ) . ' /-->' ),
	)
);
$pages['synced'] = array( 'Partner', "<!-- wp:paragraph --><p>Unsere Partner:</p><!-- /wp:paragraph -->\n<!-- wp:block {\"ref\":$pattern} /-->" );

// A minimal classic theme with a widget area, used for requests with ?classic (a must-use plugin
// switches to it). Unlike a block theme, it renders the content after wp_head(): only the
// plugin's check of the queried post can put the stylesheet into the <head>, and a widget in
// the widget area is found only while it renders (its stylesheet then comes late, in the footer).
$theme = $dir . '/wp-content/themes/st-classic';
@mkdir( $theme, 0777, true );
file_put_contents( $theme . '/style.css', "/*\nTheme Name: ST Classic (test)\n*/\n" );
file_put_contents( $theme . '/functions.php', "<?php\nadd_action( 'widgets_init', function () { register_sidebar( array( 'id' => 'footer', 'name' => 'Footer' ) ); } );\n" );
file_put_contents(
	$theme . '/index.php',
	'<!doctype html><html><head><meta charset="utf-8"><title>Test</title><?php wp_head(); ?></head><body>'
	. '<main><?php while ( have_posts() ) { the_post(); the_content(); } ?></main>'
	. '<aside><?php dynamic_sidebar( \'footer\' ); ?></aside><?php wp_footer(); ?></body></html>'
);
@mkdir( $dir . '/wp-content/mu-plugins', 0777, true );
file_put_contents(
	$dir . '/wp-content/mu-plugins/st-classic-switch.php',
	"<?php\nif ( isset( \$_GET['classic'] ) ) {\n\tadd_filter( 'template', function () { return 'st-classic'; } );\n\tadd_filter( 'stylesheet', function () { return 'st-classic'; } );\n}\n"
);
// The widget area holds the partner logos as a block widget (only the classic theme shows it).
update_option( 'widget_block', array( 2 => array( 'content' => '<!-- wp:stadttraum/partner-logos ' . wp_json_encode( array( 'data' => $partners, 'eager' => true ) ) . ' /-->' ), '_multiwidget' => 1 ) );
update_option( 'sidebars_widgets', array( 'wp_inactive_widgets' => array(), 'footer' => array( 'block-2' ), 'array_version' => 3 ) );

$out      = array();
foreach ( $pages as $key => list( $title, $content ) ) {
	$id          = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_title'   => $title,
			'post_content' => wp_slash( $content ),
		)
	);
	$out[ $key ] = get_permalink( $id );
	$out[ $key . 'Id' ] = $id;
}
echo json_encode( $out ), "\n";
