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

if ( 'bulk' === $step ) {
	// php setup.php bulk <dir> <url> <n>: n more published ideas (the feed benchmark's 2,000).
	require $dir . '/wp-load.php';
	wp_set_current_user( 1 );
	wp_defer_term_counting( true );
	$n     = (int) $argv[4];
	$terms = get_terms( array( 'taxonomy' => 'stadttraum_kategorie', 'hide_empty' => false, 'fields' => 'ids' ) );
	$words = array( 'Bank', 'Brunnen', 'Radweg', 'Spielplatz', 'Bücherschrank', 'Bushaltestelle', 'Blühwiese', 'Treffpunkt' );
	for ( $i = 1; $i <= $n; $i++ ) {
		$id = wp_insert_post(
			array(
				'post_type'    => 'stadttraum_idee',
				'post_status'  => 'publish',
				'post_title'   => sprintf( 'Idee %d: %s am Ort %d', $i, $words[ $i % count( $words ) ], $i % 97 ),
				'post_content' => str_repeat( "Eine Beschreibung der Idee Nummer $i, damit der Text so lang ist wie auf einer echten Wand. ", 3 ),
				'post_date'    => gmdate( 'Y-m-d H:i:s', 1700000000 - $i * 3600 ),
				'meta_input'   => array(
					'_st_status'      => $i % 5 ? 'new' : 'planned',
					'_st_supporters'  => (string) ( $i % 40 ),
					'_st_answer_text' => $i % 3 ? '' : 'Die Verwaltung prüft den Vorschlag.',
					'_st_timeline'    => array( array( 'date' => '2024-10-18', 'text' => 'Eingereicht' ) ),
				),
			)
		);
		wp_set_object_terms( $id, (int) $terms[ $i % count( $terms ) ], 'stadttraum_kategorie' );
	}
	wp_defer_term_counting( false );
	echo json_encode( array( 'ideas' => $n ) ), "\n";
	exit;
}

if ( 'touch' === $step ) {
	// php setup.php touch <dir> <url>: saves the newest idea (what an editor does), for the benchmark.
	require $dir . '/wp-load.php';
	wp_set_current_user( 1 );
	$latest = get_posts( array( 'post_type' => 'stadttraum_idee', 'posts_per_page' => 1, 'post_status' => 'publish' ) );
	wp_update_post( array( 'ID' => $latest[0]->ID, 'post_title' => $latest[0]->post_title ) );
	echo "{}\n";
	exit;
}

if ( 'edit' === $step ) {
	// php setup.php edit <dir> <url> <feed id> <json>: an editor saves one idea. Keys starting with
	// "_st_" are its meta, the others post fields (post_title, post_password, post_date …).
	require $dir . '/wp-load.php';
	wp_set_current_user( 1 );
	$post    = get_page_by_path( $argv[4], OBJECT, 'stadttraum_idee' );
	$changes = json_decode( $argv[5], true );
	$fields  = array( 'ID' => $post->ID );
	foreach ( $changes as $key => $value ) {
		if ( 0 === strpos( $key, '_st_' ) ) {
			$fields['meta_input'][ $key ] = $value;
		} else {
			$fields[ $key ] = $value;
		}
	}
	if ( isset( $fields['post_date'] ) ) {
		$fields['edit_date'] = true;
	}
	wp_update_post( wp_slash( $fields ) );
	echo "{}\n";
	exit; // the plugin's shutdown hook moves the feed's stamp now
}

if ( 'feedcache' === $step ) {
	// php setup.php feedcache <dir> <url>: the cached unfiltered feed pages, and how many are current.
	require $dir . '/wp-load.php';
	$version = get_option( 'stadttraum_feed_version' );
	$keys    = get_transient( 'stadttraum_feed_keys' );
	$out     = array(
		'pages'   => 0,
		'current' => 0,
	);
	foreach ( is_array( $keys ) ? $keys : array() as $key ) {
		$page = get_transient( $key );
		if ( is_array( $page ) ) {
			++$out['pages'];
			$out['current'] += $page['version'] === $version ? 1 : 0;
		}
	}
	echo json_encode( $out ), "\n";
	exit;
}

if ( in_array( $step, array( 'setting', 'count', 'hidden', 'notice', 'privacy', 'user', 'page', 'cron', 'voters', 'uninstall', 'upgrade' ), true ) ) {
	if ( 'privacy' === $step && 'policy' === $argv[4] ) {
		define( 'WP_ADMIN', true ); // wp_add_privacy_policy_content() works in the admin only.
	}
	require $dir . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/user.php';
	global $wpdb;
	$out = array();
	if ( 'setting' === $step ) {
		// php setup.php setting <dir> <url> <key> <json value>: one plugin setting, the others kept.
		$all              = get_option( 'stadttraum_settings', array() );
		$all[ $argv[4] ]  = json_decode( $argv[5], true );
		update_option( 'stadttraum_settings', $all );
		$out = $all;
	} elseif ( 'count' === $step ) {
		// What a write could leave behind: ideas by status, remembered requests, options rows.
		$out['ideas']    = (array) wp_count_posts( 'stadttraum_idee' );
		$out['requests'] = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}stadttraum_requests" );
		$out['options']  = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options}" );
		$out['supports'] = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}stadttraum_supports" );
		if ( isset( $argv[4] ) ) {
			$out['titled'] = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'stadttraum_idee' AND post_title = %s", $argv[4] ) );
		}
	} elseif ( 'hidden' === $step ) {
		// Ideas that must never be in the feed: protected, private, draft, trashed (+ one pending).
		wp_set_current_user( 1 );
		foreach ( array( 'protected' => 'publish', 'private' => 'private', 'draft' => 'draft', 'trash' => 'publish', 'pending' => 'pending' ) as $kind => $status ) {
			$id = wp_insert_post(
				array(
					'post_type'     => 'stadttraum_idee',
					'post_status'   => $status,
					'post_title'    => "Geheim $kind",
					'post_name'     => "geheim-$kind",
					'post_content'  => "Vertraulicher Text ($kind).",
					'post_password' => 'protected' === $kind ? 'passwort' : '',
					'meta_input'    => array( '_st_answer_text' => "Vertrauliche Antwort ($kind)" ),
				)
			);
			if ( 'trash' === $kind ) {
				wp_trash_post( $id );
			}
			$out[ $kind ] = $id;
		}
	} elseif ( 'page' === $step ) {
		// php setup.php page <dir> <url> <content>: a published page, its address.
		$id  = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Seite ' . wp_generate_password( 6, false ), 'post_content' => wp_slash( $argv[4] ) ) );
		$out = array( 'url' => get_permalink( $id ) );
	} elseif ( 'voters' === $step ) {
		// php setup.php voters <dir> <url> <tokens as JSON>: what the vote keeps of browsers that voted
		// (one vote per browser), then the daily clean-up as if those ballots were two days old.
		$table  = $wpdb->prefix . 'stadttraum_vote_voters';
		$rows   = $wpdb->get_results( "SELECT * FROM $table", ARRAY_A );
		$stored = $wpdb->get_var( "SELECT GROUP_CONCAT(CONCAT_WS('|', hash, addr)) FROM $table" ) . '|' . $wpdb->get_var( 'SELECT GROUP_CONCAT(projects) FROM ' . $wpdb->prefix . 'stadttraum_vote_ballots' );
		$clear  = 0;
		foreach ( json_decode( $argv[4], true ) as $token ) {
			$clear += false !== stripos( $stored, $token ) ? 1 : 0;
		}
		$wpdb->query( $wpdb->prepare( "UPDATE $table SET day = day - %d", 2 ) );
		do_action( 'stadttraum_daily' );
		$out = array( 'rows' => count( $rows ), 'with_addr' => count( array_filter( array_column( $rows, 'addr' ) ) ), 'tokens_in_clear' => $clear, 'addr_after' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM $table WHERE addr <> ''" ) );
	} elseif ( 'cron' === $step ) {
		// An answer that expired and one that did not; the daily clean-up must delete only the first.
		$table = $wpdb->prefix . 'stadttraum_requests';
		$wpdb->insert( $table, array( 'request_key' => hash( 'sha256', 'old' . microtime() ), 'status' => 202, 'answer' => '{}', 'created' => time() - 2 * DAY_IN_SECONDS, 'expires' => time() - DAY_IN_SECONDS ) );
		$wpdb->insert( $table, array( 'request_key' => hash( 'sha256', 'new' . microtime() ), 'status' => 202, 'answer' => '{}', 'created' => time(), 'expires' => time() + DAY_IN_SECONDS ) );
		$before = (int) $wpdb->get_var( "SELECT COUNT(*) FROM $table" );
		do_action( 'stadttraum_daily' );
		$out = array( 'before' => $before, 'after' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM $table" ), 'expired' => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $table WHERE expires < %d", time() ) ), 'scheduled' => (bool) wp_next_scheduled( 'stadttraum_daily' ) );
	} elseif ( 'upgrade' === $step ) {
		// The site as 0.1.0 left it: db version 1 and its transients; then the update runs.
		update_option( 'stadttraum_db_version', '1' );
		set_transient( 'st_idem_' . md5( 'x' ), array( 200, array() ), DAY_IN_SECONDS );
		Stadttraum_Supports::maybe_upgrade();
		$out = array( 'notice' => (bool) get_option( 'stadttraum_upgrade_notice' ), 'old_transients' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_st\\_idem\\_%'" ) );
	} elseif ( 'uninstall' === $step ) {
		// Runs uninstall.php, reports what is left, then puts the plugin's tables and settings back.
		$settings = get_option( 'stadttraum_settings' );
		if ( isset( $argv[4] ) && 'content' === $argv[4] ) {
			update_option( 'stadttraum_settings', array_merge( $settings, array( 'delete_content' => true ) ) );
		}
		set_transient( 'stadttraum_rl_probe', 1, HOUR_IN_SECONDS );
		set_transient( 'st_fremd', 1, HOUR_IN_SECONDS ); // another plugin's, with a similar name
		update_option( 'stabil_fremd', 'bleibt' );
		define( 'WP_UNINSTALL_PLUGIN', 'stadttraum/stadttraum.php' );
		include WP_PLUGIN_DIR . '/stadttraum/uninstall.php';
		wp_cache_flush();
		$out = array(
			'settings'  => false !== get_option( 'stadttraum_settings' ),
			'tables'    => (int) $wpdb->get_var( "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE '{$wpdb->prefix}stadttraum\\_%'" ),
			'ours'      => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%stadttraum\\_%'" ),
			'foreign'   => false !== get_transient( 'st_fremd' ) && 'bleibt' === get_option( 'stabil_fremd' ),
			'ideas'     => (int) wp_count_posts( 'stadttraum_idee' )->publish,
			'ideaRows'  => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = 'stadttraum_idee'" ),
			'ideaMeta'  => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->postmeta} m LEFT JOIN {$wpdb->posts} p ON p.ID = m.post_id WHERE p.ID IS NULL" ),
			'terms'     => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->term_taxonomy} WHERE taxonomy = 'stadttraum_kategorie'" ),
			'pages'     => (int) wp_count_posts( 'page' )->publish,
		);
		Stadttraum_Supports::install();
		update_option( 'stadttraum_settings', $settings );
	} elseif ( 'user' === $step ) {
		// php setup.php user <dir> <url> <login> <role>
		$id  = wp_insert_user( array( 'user_login' => $argv[4], 'user_pass' => 'stadttraum-test', 'user_email' => $argv[4] . '@example.org', 'role' => $argv[5] ) );
		$out = array( 'id' => $id );
	} elseif ( 'notice' === $step ) {
		// php setup.php notice <dir> <url> <user id> <post id>: the "published" notice as that user sees it.
		wp_set_current_user( (int) $argv[4] );
		$_GET['stadttraum_published'] = $argv[5];
		ob_start();
		Stadttraum_Ideas::published_notice();
		$out = array( 'html' => ob_get_clean() );
	} elseif ( 'privacy' === $step ) {
		// php setup.php privacy <dir> <url> export|erase|policy <address>
		if ( 'policy' === $argv[4] ) {
			require_once ABSPATH . 'wp-admin/includes/admin.php';
			do_action( 'admin_init' );
			$out = array( 'text' => implode( "\n", wp_list_pluck( WP_Privacy_Policy_Content::get_suggested_policy_text(), 'policy_text' ) ) );
		} else {
			$list = apply_filters( 'export' === $argv[4] ? 'wp_privacy_personal_data_exporters' : 'wp_privacy_personal_data_erasers', array() );
			$out  = call_user_func( $list['stadttraum']['callback'], $argv[5], 1 );
		}
	}
	echo wp_json_encode( $out ), "\n";
	exit;
}

if ( 'bigvote' === $step ) {
	// php setup.php bigvote <dir> <url> <ballots> <memory limit>: a closed round of that many ballots
	// (one to four of twelve projects each), read through the feed as the first request after the
	// close is, under a small host's memory_limit; then an empty round with the settings of before.
	require $dir . '/wp-load.php';
	global $wpdb;
	$n        = (int) $argv[4];
	$kept     = get_option( Stadttraum_Voting::OPTION );
	$projects = array();
	for ( $i = 0; $i < 12; $i++ ) {
		$projects[] = array( 'id' => "p$i", 'title' => "Projekt $i", 'cost' => 1000 + 500 * $i );
	}
	Stadttraum_Voting::new_round();
	Stadttraum_Voting::save_config( array( 'budget' => 20000, 'rule' => 'equalshares/add1-comparison', 'projects' => $projects, 'opens' => time() - 7200, 'closes' => time() - 60 ) );
	mt_srand( 7 );
	$cast = 0;
	for ( $i = 0; $i < $n; $i += 1000 ) {
		$rows = array();
		for ( $j = $i; $j < min( $n, $i + 1000 ); $j++ ) {
			$pick   = array();
			$wanted = mt_rand( 1, 4 );
			while ( count( $pick ) < $wanted ) {
				$pick[ 'p' . mt_rand( 0, 11 ) ] = true;
			}
			$cast  += $wanted;
			$rows[] = $wpdb->prepare( '(%s, %s, 0)', bin2hex( random_bytes( 16 ) ), wp_json_encode( array_keys( $pick ) ) );
		}
		$wpdb->query( "INSERT INTO {$wpdb->prefix}stadttraum_vote_ballots (id, projects, paper) VALUES " . implode( ',', $rows ) );
	}
	unset( $rows );
	ini_set( 'memory_limit', $argv[5] );
	$feed = Stadttraum_Voting::feed()->get_data();
	$sent = strlen( wp_json_encode( $feed ) ); // what the REST server then sends
	$out  = array(
		'ballots'  => count( $feed['ballots'] ),
		'votes'    => array_sum( array_column( $feed['projects'], 'votes' ) ),
		'cast'     => $cast,
		'selected' => $feed['result']['selected'],
		'limit'    => ini_get( 'memory_limit' ),
		'peak_mb'  => round( memory_get_peak_usage() / 1048576 ),
		'sent_mb'  => round( $sent / 1048576, 1 ),
	);
	Stadttraum_Voting::new_round();
	false === $kept ? delete_option( Stadttraum_Voting::OPTION ) : update_option( Stadttraum_Voting::OPTION, $kept, false );
	echo wp_json_encode( $out ), "\n";
	exit;
}

if ( 'blocks' === $step ) {
	// php setup.php blocks <dir> <url>: how WordPress registered the plugin's blocks.
	require $dir . '/wp-load.php';
	$out = array();
	foreach ( WP_Block_Type_Registry::get_instance()->get_all_registered() as $name => $type ) {
		if ( 0 !== strpos( $name, 'stadttraum/' ) ) {
			continue;
		}
		$out[ $name ] = array(
			'apiVersion'   => $type->api_version,
			'title'        => $type->title,
			'textdomain'   => $type->textdomain,
			'attributes'   => array_keys( $type->attributes ),
			'supports'     => $type->supports,
			'editorScript' => isset( $type->editor_script_handles ) ? $type->editor_script_handles : array( $type->editor_script ),
			'script'       => isset( $type->script_handles ) ? $type->script_handles : array( $type->script ),
			'definitions'  => array_keys( Stadttraum_Widgets::attributes( substr( $name, 11 ) ) ),
			'render'       => is_callable( $type->render_callback ),
		);
	}
	echo wp_json_encode( array( 'version' => get_bloginfo( 'version' ), 'modules' => function_exists( 'wp_enqueue_script_module' ), 'blocks' => $out ) ), "\n";
	exit;
}

if ( 'attachment' === $step ) {
	// php setup.php attachment <dir> <url> <title> <width> <height>: a PNG in the media library
	// (written by hand: no GD needed), with its title as alt text.
	require $dir . '/wp-load.php';
	require_once ABSPATH . 'wp-admin/includes/image.php';
	wp_set_current_user( 1 );
	list( $title, $w, $h ) = array( $argv[4], (int) $argv[5], (int) $argv[6] );
	$raw = '';
	for ( $y = 0; $y < $h; $y++ ) {
		$raw .= "\0" . str_repeat( "\x1d\x4e\xd8", $w );
	}
	$chunk = function ( $type, $data ) {
		return pack( 'N', strlen( $data ) ) . $type . $data . pack( 'N', crc32( $type . $data ) );
	};
	$png    = "\x89PNG\r\n\x1a\n" . $chunk( 'IHDR', pack( 'NNCCCCC', $w, $h, 8, 2, 0, 0, 0 ) ) . $chunk( 'IDAT', gzcompress( $raw ) ) . $chunk( 'IEND', '' );
	$upload = wp_upload_bits( sanitize_title( $title ) . '.png', null, $png );
	$id     = wp_insert_attachment( array( 'post_title' => $title, 'post_mime_type' => 'image/png', 'post_status' => 'inherit' ), $upload['file'] );
	wp_update_attachment_metadata( $id, wp_generate_attachment_metadata( $id, $upload['file'] ) );
	update_post_meta( $id, '_wp_attachment_image_alt', $title );
	echo wp_json_encode( array( 'id' => $id, 'url' => $upload['url'] ) ), "\n";
	exit;
}

if ( 'locale' === $step ) {
	// php setup.php locale <dir> <url> <de_DE|de_DE_formal|''>: the site's language. Written past
	// sanitize_option(), which accepts only languages whose core files are installed: the test is
	// about the plugin's own translations, with or without Debian's wordpress-l10n.
	require $dir . '/wp-load.php';
	global $wpdb;
	update_option( 'WPLANG', '' );
	$wpdb->update( $wpdb->options, array( 'option_value' => $argv[4] ), array( 'option_name' => 'WPLANG' ) );
	wp_cache_delete( 'alloptions', 'options' );
	echo wp_json_encode( array( 'locale' => $argv[4] ) ), "\n";
	exit;
}

if ( 'option' === $step ) {
	// php setup.php option <dir> <url> <name> <json>: sets a site option (tests and benchmark).
	require $dir . '/wp-load.php';
	update_option( $argv[4], json_decode( $argv[5], true ) );
	echo "{}\n";
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
		"Hier sammeln wir Ideen.\n\n[idea_wall eager]\n\n[mitfahrbank_map src=\"/daten/benches.json\" view=\"list\" eager]\n\n[ehrenamt_card src=\"/daten/ehrenamt.json\" eager]\n\n[jugend_budget eager]\n\n[partner_logos eager]\n" . $partners . "\n[/partner_logos]",
	),
	'blocks'     => array(
		'Mitmachen (Blöcke)',
		"<!-- wp:paragraph --><p>Blöcke:</p><!-- /wp:paragraph -->\n"
		. "<!-- wp:stadttraum/idea-wall {\"layout\":\"list\",\"eager\":true,\"submit\":false} /-->\n"
		. "<!-- wp:stadttraum/mitfahrbank-map {\"src\":\"/daten/benches.json\",\"view\":\"list\",\"eager\":true} /-->\n"
		. "<!-- wp:stadttraum/ehrenamt-card {\"src\":\"/daten/ehrenamt.json\",\"eager\":true} /-->\n"
		. "<!-- wp:stadttraum/jugend-budget {\"eager\":true} /-->\n"
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
// ?noreferrer: the page is served with Referrer-Policy: no-referrer (its same-origin POSTs then
// carry `Origin: null`; the write guard has to decide by Sec-Fetch-Site).
file_put_contents(
	$dir . '/wp-content/mu-plugins/st-noreferrer.php',
	"<?php\nif ( isset( \$_GET['noreferrer'] ) ) {\n\tadd_action( 'send_headers', function () { header( 'Referrer-Policy: no-referrer' ); } );\n}\n"
);
// The widget area holds the partner logos as a block widget (only the classic theme shows it).
update_option( 'widget_block', array( 2 => array( 'content' => '<!-- wp:stadttraum/partner-logos ' . wp_json_encode( array( 'data' => $partners, 'eager' => true ) ) . ' /-->' ), '_multiwidget' => 1 ) );
update_option( 'sidebars_widgets', array( 'wp_inactive_widgets' => array(), 'footer' => array( 'block-2' ), 'array_version' => 3 ) );

// A template of the active block theme with two widgets, for the site editor, whose canvas is
// an iframe already in 6.1.
$template = wp_insert_post(
	array(
		'post_type'    => 'wp_template',
		'post_status'  => 'publish',
		'post_name'    => 'stadttraum-vorschau',
		'post_title'   => 'stadttraum Vorschau',
		'post_content' => wp_slash( "<!-- wp:stadttraum/idea-wall {\"eager\":true} /-->\n<!-- wp:stadttraum/partner-logos " . wp_json_encode( array( 'data' => $partners, 'eager' => true ) ) . ' /-->' ),
		'tax_input'    => array( 'wp_theme' => array( get_stylesheet() ) ),
	)
);
wp_set_post_terms( $template, get_stylesheet(), 'wp_theme' );

$out      = array( 'template' => get_stylesheet() . '//stadttraum-vorschau' );
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
