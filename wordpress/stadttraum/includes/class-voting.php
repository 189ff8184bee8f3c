<?php
/**
 * Voting in a youth budget (<jugend-budget>): the backend contract of src/jugend-budget/README.md,
 * "The backend contract", in WordPress.
 *
 * - Budget, rule, projects, voting window and ballot rules: one option, set by organisers
 *   (`manage_options`) through POST /stadttraum/v1/vote/admin/config.
 * - Codes in batches (JSON, CSV or a printable sheet, shown once), stored as HMAC-SHA256 hashes;
 *   turnout per batch.
 * - Ballots stored with a random id and nothing that links them to a code; a code is claimed and
 *   the ballot stored in one transaction (UPDATE … WHERE used = 0), so the same code twice at once
 *   counts once and a failed insert leaves the code unused.
 * - Voting opens and closes by the server's clock; counts are hidden until it closes; paper ballots
 *   by organisers; the result by the round's rule (Stadttraum_Budget_Rules: greedy, equal shares/add1
 *   or add1-comparison, the widget's rules and ties) and all ballots in the feed after the close, and a
 *   Pabulib file.
 * - Ballots pass the write guard of ideas and supports (Stadttraum_Rest::write).
 * - Codes: no address-based limit (a whole school votes from one address). One vote per browser
 *   (`access: browser`, weaker): one ballot per browser token, at most `address_cap` a day per
 *   connection.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/class-budget-rules.php';

/** Voting routes, tables and the result. */
final class Stadttraum_Voting {
	const DB_VERSION = '2';
	const OPTION     = 'stadttraum_vote';
	const NS         = 'stadttraum/v1';

	public static function init() {
		add_action( 'plugins_loaded', array( __CLASS__, 'maybe_upgrade' ) );
		add_action( 'rest_api_init', array( __CLASS__, 'routes' ) );
		add_action( 'stadttraum_daily', array( __CLASS__, 'rotate' ) );
	}

	private static function t( $name ) {
		global $wpdb;
		return $wpdb->prefix . 'stadttraum_vote_' . $name;
	}

	public static function install() {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$charset = $wpdb->get_charset_collate();
		dbDelta(
			'CREATE TABLE ' . self::t( 'batches' ) . " (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  label varchar(80) NOT NULL,
  issued int(10) unsigned NOT NULL DEFAULT 0,
  created datetime NOT NULL,
  PRIMARY KEY  (id)
) $charset;"
		);
		dbDelta(
			'CREATE TABLE ' . self::t( 'codes' ) . " (
  hash char(64) NOT NULL,
  batch_id bigint(20) unsigned NOT NULL,
  used tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY  (hash),
  KEY batch_id (batch_id)
) $charset;"
		);
		dbDelta(
			'CREATE TABLE ' . self::t( 'ballots' ) . " (
  id char(32) NOT NULL,
  projects text NOT NULL,
  paper tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY  (id)
) $charset;"
		);
		// Browsers that voted (access "browser"): a hash of their token, and for the daily cap a
		// hash of their connection with a salt of the day.
		dbDelta(
			'CREATE TABLE ' . self::t( 'voters' ) . " (
  hash char(64) NOT NULL,
  addr char(32) NOT NULL DEFAULT '',
  day int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (hash),
  KEY cap (addr,day)
) $charset;"
		);
		update_option( 'stadttraum_vote_db_version', self::DB_VERSION, false );
	}

	public static function maybe_upgrade() {
		if ( get_option( 'stadttraum_vote_db_version' ) !== self::DB_VERSION ) {
			self::install();
		}
	}

	/** The vote's settings with defaults. */
	public static function config() {
		$c = get_option( self::OPTION, array() );
		return array_merge(
			array(
				'title'       => __( 'Youth budget', 'stadttraum' ),
				'budget'      => 0,
				'currency'    => 'EUR',
				'rule'        => 'greedy',
				'projects'    => array(),
				'opens'       => 0,
				'closes'      => 0,
				'access'      => 'code',
				'address_cap' => 40,
				'rules'       => array(),
				'phases'      => array(),
			),
			is_array( $c ) ? $c : array()
		);
	}

	/** `before`, `open` or `closed` by the server's clock. */
	public static function state( $c = null ) {
		$c   = $c ?? self::config();
		$now = time();
		if ( ! $c['opens'] || $now < $c['opens'] ) {
			return 'before';
		}
		return $now < $c['closes'] ? 'open' : 'closed';
	}

	private static function secret() {
		$s = get_option( 'stadttraum_vote_secret' );
		if ( ! $s ) {
			$s = bin2hex( random_bytes( 32 ) );
			add_option( 'stadttraum_vote_secret', $s, '', false );
			$s = get_option( 'stadttraum_vote_secret' );
		}
		return $s;
	}

	private static function hash( $code ) {
		return hash_hmac( 'sha256', $code, self::secret() );
	}

	/** The projects on the ballot (not found infeasible), as the rules see them. */
	private static function on_ballot( $c ) {
		$list = array();
		foreach ( $c['projects'] as $p ) {
			if ( ! isset( $p['feasible'] ) || false !== $p['feasible'] ) {
				$list[] = array(
					'id'   => (string) $p['id'],
					'cost' => (float) ( $p['cost'] ?? 0 ),
				);
			}
		}
		return $list;
	}

	private static function ballot_rules( $c ) {
		return array_merge( is_array( $c['rules'] ) ? $c['rules'] : array(), array( 'budget' => (float) $c['budget'] ) );
	}

	public static function routes() {
		$admin = function () {
			return current_user_can( 'manage_options' );
		};
		register_rest_route( self::NS, '/vote/feed', array( 'methods' => 'GET', 'callback' => array( __CLASS__, 'feed' ), 'permission_callback' => '__return_true' ) );
		register_rest_route( self::NS, '/vote/ballot', array( 'methods' => 'POST', 'callback' => array( __CLASS__, 'cast' ), 'permission_callback' => '__return_true' ) );
		register_rest_route( self::NS, '/vote/result', array( 'methods' => 'GET', 'callback' => array( __CLASS__, 'pabulib' ), 'permission_callback' => '__return_true' ) );
		register_rest_route( self::NS, '/vote/admin/config', array( 'methods' => 'POST', 'callback' => array( __CLASS__, 'set_config' ), 'permission_callback' => $admin ) );
		register_rest_route( self::NS, '/vote/admin/batches', array( 'methods' => 'POST', 'callback' => array( __CLASS__, 'batch' ), 'permission_callback' => $admin ) );
		register_rest_route( self::NS, '/vote/admin/turnout', array( 'methods' => 'GET', 'callback' => array( __CLASS__, 'turnout' ), 'permission_callback' => $admin ) );
		register_rest_route( self::NS, '/vote/admin/paper', array( 'methods' => 'POST', 'callback' => array( __CLASS__, 'paper' ), 'permission_callback' => $admin ) );
		register_rest_route( self::NS, '/vote/admin/new-round', array( 'methods' => 'POST', 'callback' => array( __CLASS__, 'new_round_route' ), 'permission_callback' => $admin ) );
	}

	private static function error( $status, $code, $message ) {
		return new WP_REST_Response(
			array(
				'error' => array(
					'code'    => $code,
					'message' => $message,
				),
			),
			$status,
			array( 'Cache-Control' => 'no-store' )
		);
	}

	private static function ok( $status, $body ) {
		return new WP_REST_Response( $body, $status, array( 'Cache-Control' => 'no-store' ) );
	}

	private static function body( WP_REST_Request $request ) {
		$body = json_decode( (string) $request->get_body(), true );
		return is_array( $body ) && strlen( (string) $request->get_body() ) <= 64 * 1024 ? $body : null;
	}

	public static function problem_message( $code ) {
		return self::problem( $code )->get_data()['error']['message'];
	}

	private static function problem( $code ) {
		$messages = array(
			'empty'           => __( 'The ballot is empty.', 'stadttraum' ),
			'min-count'       => __( 'Too few projects are chosen.', 'stadttraum' ),
			'min-share'       => __( 'The chosen projects do not reach the minimum share of the budget.', 'stadttraum' ),
			'over-budget'     => __( 'The chosen projects cost more than the budget.', 'stadttraum' ),
			'too-many'        => __( 'Too many projects are chosen.', 'stadttraum' ),
			'unknown-project' => __( 'The ballot names a project that is not up for the vote.', 'stadttraum' ),
			'duplicate'       => __( 'The ballot names a project twice.', 'stadttraum' ),
		);
		return self::error( 422, $code, $messages[ $code ] ?? $code );
	}

	/**
	 * POST /vote/ballot: { code | voter, projects } with an Idempotency-Key, through the write guard
	 * of the ideas and supports (JSON only, this site or an allowed origin, else 403 with a code) and
	 * its idempotency table: the visitor's own retry gets the first answer, "your vote counted".
	 */
	public static function cast( WP_REST_Request $request ) {
		return Stadttraum_Rest::write( $request, 'vote', array( __CLASS__, 'count' ) );
	}

	/** Checks and stores one ballot (the guard has passed); the answer the visitor gets. */
	public static function count( array $body ) {
		$c     = self::config();
		$state = self::state( $c );
		if ( 'before' === $state ) {
			return self::error( 403, 'voting-not-open', __( 'Voting has not started yet.', 'stadttraum' ) );
		}
		if ( 'closed' === $state ) {
			return self::error( 403, 'voting-closed', __( 'Voting has ended.', 'stadttraum' ) );
		}
		if ( 'browser' === $c['access'] ) {
			return self::count_browser( $c, $body );
		}
		if ( ! isset( $body['code'] ) || ! is_string( $body['code'] ) || '' === trim( $body['code'] ) ) {
			return self::error( 422, 'code-missing', __( 'Please enter your voting code.', 'stadttraum' ) );
		}
		global $wpdb;
		$code = Stadttraum_Ballot_Rules::normalize_code( $body['code'] );
		$hash = $code ? self::hash( $code ) : '';
		$used = $hash ? $wpdb->get_var( $wpdb->prepare( 'SELECT used FROM ' . self::t( 'codes' ) . ' WHERE hash = %s', $hash ) ) : null; // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( null === $used ) {
			return self::error( 422, 'code-invalid', __( 'This code does not exist. Please check it on your slip.', 'stadttraum' ) );
		}
		$checked = Stadttraum_Ballot_Rules::check( self::ballot_rules( $c ), self::on_ballot( $c ), $body['projects'] ?? null );
		if ( ! $checked['ok'] ) {
			return self::problem( $checked['problem'] );
		}
		// Claim the code and store the ballot together: one of two parallel requests wins the UPDATE.
		$wpdb->query( 'START TRANSACTION' );
		$claimed = $wpdb->query( $wpdb->prepare( 'UPDATE ' . self::t( 'codes' ) . ' SET used = 1 WHERE hash = %s AND used = 0', $hash ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( 1 !== $claimed ) {
			$wpdb->query( 'ROLLBACK' );
			return self::error( 409, 'code-used', __( 'This code has already been used to vote.', 'stadttraum' ) );
		}
		return self::commit( $checked['ids'] );
	}

	/** Stores the ballot inside the open transaction and commits, or rolls everything back. */
	private static function commit( array $ids ) {
		global $wpdb;
		if ( ! self::store( $ids, false ) ) {
			$wpdb->query( 'ROLLBACK' );
			return self::error( 500, 'server', __( 'Your vote could not be saved. Please try again.', 'stadttraum' ) );
		}
		$wpdb->query( 'COMMIT' );
		return self::ok( 200, array( 'counted' => true ) );
	}

	/**
	 * "One vote per browser" (weaker than codes: a second browser or a cleared storage votes
	 * again): one ballot per browser token (stored only as an HMAC hash, not linked to the
	 * ballot), and per internet connection and day at most `address_cap` ballots (the issue-15
	 * dedupe: the address only as a hash with a salt of the day, blanked after two days).
	 */
	private static function count_browser( array $c, array $body ) {
		global $wpdb;
		$token = Stadttraum_Visitor::token( array( 'visitor' => $body['voter'] ?? '' ) );
		if ( '' === $token ) {
			return self::error( 422, 'voter-missing', __( 'Your browser did not send its voting token. Please reload the page and vote again.', 'stadttraum' ) );
		}
		$checked = Stadttraum_Ballot_Rules::check( self::ballot_rules( $c ), self::on_ballot( $c ), $body['projects'] ?? null );
		if ( ! $checked['ok'] ) {
			return self::problem( $checked['problem'] );
		}
		$voter = self::hash( 'voter|' . $token );
		$addr  = Stadttraum_Visitor::address_hash( 'vote' );
		$day   = Stadttraum_Visitor::day();
		$table = self::t( 'voters' );
		// One address at a time, so parallel ballots from one connection cannot pass the cap together.
		$lock = 'stadttraum_vote_' . substr( md5( DB_NAME . $table . $addr ), 0, 16 );
		if ( 1 !== (int) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 10)', $lock ) ) ) {
			return self::error( 503, 'busy', __( 'Very many people are voting at the same time. Please try again in a moment.', 'stadttraum' ) );
		}
		try {
			if ( $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $table WHERE hash = %s", $voter ) ) > 0 ) { // phpcs:ignore WordPress.DB
				return self::error( 409, 'voter-used', __( 'Someone has already voted from this browser.', 'stadttraum' ) );
			}
			$cap = self::address_cap( $c );
			if ( (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM $table WHERE addr = %s AND day = %d", $addr, $day ) ) >= $cap ) { // phpcs:ignore WordPress.DB
				/* translators: %d: ballots per internet connection and day */
				return self::error( 429, 'vote-cap', sprintf( __( 'From this internet connection, %d votes have been cast today, the most allowed per day. Please try again tomorrow or ask the organisers for a voting code.', 'stadttraum' ), $cap ) );
			}
			$wpdb->query( 'START TRANSACTION' );
			$claimed = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO $table (hash, addr, day) VALUES (%s, %s, %d)", $voter, $addr, $day ) ); // phpcs:ignore WordPress.DB
			if ( 1 !== $claimed ) {
				$wpdb->query( 'ROLLBACK' );
				return self::error( 409, 'voter-used', __( 'Someone has already voted from this browser.', 'stadttraum' ) );
			}
			return self::commit( $checked['ids'] );
		} finally {
			$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
		}
	}

	/** Ballots per internet connection and day in browser mode (default 40: a class on one WLAN). */
	public static function address_cap( $c = null ) {
		$c = $c ?? self::config();
		return max( 1, (int) ( $c['address_cap'] ?? 40 ) );
	}

	/** Address hashes of browser ballots are needed for the daily cap only: blanked after two days. */
	public static function rotate() {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . self::t( 'voters' ) . " SET addr = '' WHERE addr <> '' AND day < %d", Stadttraum_Visitor::day() - 1 ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/** A ballot under a random id: nothing tells who cast it or when. */
	private static function store( array $ids, $paper ) {
		global $wpdb;
		return (bool) $wpdb->insert(
			self::t( 'ballots' ),
			array(
				'id'       => bin2hex( random_bytes( 16 ) ),
				'projects' => wp_json_encode( array_values( $ids ) ),
				'paper'    => $paper ? 1 : 0,
			),
			array( '%s', '%s', '%d' )
		);
	}

	/** All ballots as lists of project ids (in the order of their random ids). */
	private static function ballots() {
		global $wpdb;
		$rows = $wpdb->get_col( 'SELECT projects FROM ' . self::t( 'ballots' ) . ' ORDER BY id' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array_map(
			function ( $r ) {
				return json_decode( $r, true );
			},
			$rows
		);
	}

	/**
	 * The result once voting has closed, by the round's rule (Stadttraum_Budget_Rules, the widget's
	 * rules in PHP): votes per project and the selected ids. Computed once per set of ballots and
	 * settings and kept (a paper ballot, a changed project list or changed counting code computes it anew).
	 */
	private static function result( array $c, array $projects, array $ballots ) {
		$sig    = md5( wp_json_encode( array( Stadttraum_Budget_Rules::VERSION, $c['budget'], $c['rule'], $projects, count( $ballots ), md5( wp_json_encode( $ballots ) ) ) ) );
		$cached = get_option( 'stadttraum_vote_result' );
		if ( is_array( $cached ) && ( $cached['sig'] ?? '' ) === $sig ) {
			return $cached;
		}
		// Equal shares over many ballots takes a while in PHP (php-cli 8.2 on a loaded 2-core machine:
		// Świecie 2023, 2,553 ballots, 0.2–0.35 s; Wieliczka 2023 with the comparison, 6,586 ballots,
		// 0.4–0.7 s): the first request after the close counts, parallel ones wait for its result.
		global $wpdb;
		$lock = 'stadttraum_vote_result_' . substr( md5( DB_NAME . $wpdb->prefix ), 0, 16 );
		$held = 1 === (int) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 120)', $lock ) );
		try {
			wp_cache_delete( 'stadttraum_vote_result', 'options' );
			$cached = get_option( 'stadttraum_vote_result' );
			if ( is_array( $cached ) && ( $cached['sig'] ?? '' ) === $sig ) {
				return $cached;
			}
			if ( function_exists( 'set_time_limit' ) ) {
				set_time_limit( 300 ); // phpcs:ignore Squiz.PHP.DiscouragedFunctions.Discouraged -- counting must not stop halfway
			}
			return self::count_result( $c, $projects, $ballots, $sig );
		} finally {
			if ( $held ) {
				$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
			}
		}
	}

	/** Counts votes and runs the rule; keeps the result under its signature. */
	private static function count_result( array $c, array $projects, array $ballots, $sig ) {
		$index = array();
		foreach ( $projects as $i => $p ) {
			$index[ (string) $p['id'] ] = $i;
		}
		$votes   = array_fill( 0, count( $projects ), 0 );
		$as_ints = array();
		foreach ( $ballots as $b ) {
			$row = array();
			foreach ( (array) $b as $id ) {
				if ( isset( $index[ $id ] ) ) {
					$votes[ $index[ $id ] ]++;
					$row[] = $index[ $id ];
				}
			}
			$as_ints[] = $row;
		}
		$election = array(
			'budget'   => (float) $c['budget'],
			'projects' => array(),
			'ballots'  => $as_ints,
		);
		foreach ( $projects as $i => $p ) {
			$election['projects'][] = array(
				'id'       => (string) $p['id'],
				'cost'     => (float) ( $p['cost'] ?? 0 ),
				'votes'    => $votes[ $i ],
				'feasible' => ! isset( $p['feasible'] ) || false !== $p['feasible'],
			);
		}
		$outcome = Stadttraum_Budget_Rules::run( $c['rule'], $election );
		$result  = array(
			'sig'      => $sig,
			'votes'    => $votes,
			'rule'     => $outcome['rule'],
			'selected' => $outcome['selected'],
			'cost'     => $outcome['cost'],
		);
		if ( isset( $outcome['comparison'] ) ) {
			$result['comparison'] = $outcome['comparison']; // how many voters preferred which outcome
		}
		update_option( 'stadttraum_vote_result', $result, false );
		return $result;
	}

	/** GET /vote/feed: the <jugend-budget> feed; votes, ballots and the result only once closed. */
	public static function feed() {
		$c      = self::config();
		$state  = self::state( $c );
		$day    = function ( $t ) {
			return $t ? gmdate( 'Y-m-d', $t ) : null;
		};
		$phases = array();
		foreach ( array( 'proposals', 'check' ) as $id ) {
			if ( isset( $c['phases'][ $id ] ) && is_array( $c['phases'][ $id ] ) ) {
				$phases[] = array_merge( array( 'id' => $id ), $c['phases'][ $id ] );
			}
		}
		$phases[] = array_filter( array( 'id' => 'vote', 'start' => $day( $c['opens'] ), 'end' => $day( $c['closes'] ? $c['closes'] - 1 : 0 ) ) );
		$phases[] = array_filter( array( 'id' => 'result', 'start' => $day( $c['closes'] ) ) );
		$projects = array();
		foreach ( $c['projects'] as $p ) {
			$projects[] = array_intersect_key( $p, array_flip( array( 'id', 'title', 'description', 'group', 'category', 'cost', 'feasible', 'feasibilityReason' ) ) );
		}
		$feed = array(
			'schemaVersion' => 1,
			'title'         => $c['title'],
			'budget'        => (float) $c['budget'],
			'currency'      => $c['currency'],
			'rule'          => $c['rule'],
			'phase'         => 'before' === $state ? 'check' : ( 'open' === $state ? 'vote' : 'result' ),
			'phases'        => $phases,
			'voting'        => array_merge(
				array(
					'url'    => rest_url( self::NS . '/vote/ballot' ),
					'access' => 'browser' === $c['access'] ? 'browser' : 'code',
				),
				is_array( $c['rules'] ) ? $c['rules'] : array()
			),
			'projects'      => $projects,
		);
		if ( 'closed' === $state ) {
			// All ballots are loaded, counted and sent at once: with 100,000 of them the request peaks
			// at about 110 MB (WordPress included), more than the 40–64 MB many small hosts allow.
			// Raised as core does for images, up to WP_MAX_MEMORY_LIMIT (filter: stadttraum_vote_memory_limit).
			wp_raise_memory_limit( 'stadttraum_vote' );
			$ballots  = self::ballots();
			$result   = self::result( $c, $projects, $ballots );
			$selected = array_flip( $result['selected'] );
			foreach ( $feed['projects'] as $i => &$p ) {
				$p['votes']    = $result['votes'][ $i ];
				$p['selected'] = isset( $selected[ (string) $p['id'] ] );
			}
			unset( $p );
			// The rule the server counted by (the feed's `rule` names it too) and the funded ids in
			// the order it chose them; ties as documented: more votes, lower cost, feed order.
			$feed['rule']   = $result['rule'];
			$feed['result'] = array(
				'rule'     => $result['rule'],
				'selected' => $result['selected'],
				'cost'     => $result['cost'],
				'ties'     => 'votes,cost,order',
			);
			if ( isset( $result['comparison'] ) ) {
				$feed['result']['comparison'] = $result['comparison'];
			}
			$feed['ballots'] = $ballots;
		}
		return self::ok( 200, $feed );
	}

	/** GET /vote/result: the result as a Pabulib file (after the close). */
	public static function pabulib() {
		if ( 'closed' !== self::state() ) {
			return self::error( 403, 'hidden', __( 'The counts are shown only after voting has ended.', 'stadttraum' ) );
		}
		$feed  = self::feed()->get_data();
		$field = function ( $v ) {
			$v = (string) $v;
			return preg_match( '/[;"\n]/', $v ) ? '"' . str_replace( '"', '""', $v ) . '"' : $v;
		};
		$lines = array( 'META', 'key;value', 'description;' . $field( $feed['title'] ), 'num_projects;' . count( $feed['projects'] ), 'num_votes;' . count( $feed['ballots'] ), 'budget;' . $feed['budget'], 'vote_type;approval', 'rule;' . $feed['rule'], 'currency;' . $feed['currency'] );
		$lines[] = 'PROJECTS';
		$lines[] = 'project_id;cost;votes;name;selected';
		foreach ( $feed['projects'] as $p ) {
			$lines[] = implode( ';', array_map( $field, array( $p['id'], $p['cost'] ?? 0, $p['votes'], $p['title'], empty( $p['selected'] ) ? 0 : 1 ) ) );
		}
		$lines[] = 'VOTES';
		$lines[] = 'voter_id;vote';
		foreach ( $feed['ballots'] as $i => $b ) {
			$lines[] = ( $i + 1 ) . ';' . $field( implode( ',', $b ) );
		}
		header( 'Content-Type: text/plain; charset=utf-8' );
		header( 'Content-Disposition: attachment; filename="jugendbudget.pb"' );
		echo implode( "\n", $lines ) . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a text file
		exit;
	}

	/** POST /vote/admin/config: title, budget, currency, rule, projects, opens/closes (ISO or seconds), rules, phases. */
	public static function set_config( WP_REST_Request $request ) {
		$body = self::body( $request );
		if ( null === $body ) {
			return self::error( 400, 'bad-json', __( 'The request was not valid JSON.', 'stadttraum' ) );
		}
		$c = self::save_config( $body );
		return self::ok( 200, array( 'state' => self::state( $c ) ) );
	}

	/** Saves the settings a request or the admin page sends (only known fields, sanitised). */
	public static function save_config( array $body ) {
		$c    = self::config();
		$time = function ( $v ) {
			return is_numeric( $v ) ? (int) $v : ( is_string( $v ) ? (int) strtotime( $v ) : 0 );
		};
		foreach ( array( 'title', 'currency', 'rule' ) as $k ) {
			if ( isset( $body[ $k ] ) ) {
				$c[ $k ] = sanitize_text_field( (string) $body[ $k ] );
			}
		}
		if ( isset( $body['budget'] ) ) {
			$c['budget'] = max( 0, (float) $body['budget'] );
		}
		if ( isset( $body['access'] ) ) {
			$c['access'] = 'browser' === $body['access'] ? 'browser' : 'code';
		}
		if ( isset( $body['address_cap'] ) ) {
			$c['address_cap'] = max( 1, min( 100000, (int) $body['address_cap'] ) );
		}
		foreach ( array( 'opens', 'closes' ) as $k ) {
			if ( isset( $body[ $k ] ) ) {
				$c[ $k ] = $time( $body[ $k ] );
			}
		}
		if ( isset( $body['rules'] ) && is_array( $body['rules'] ) ) {
			$c['rules'] = array_intersect_key( $body['rules'], array_flip( array( 'withinBudget', 'maxProjects', 'minProjects', 'minShare' ) ) );
		}
		if ( isset( $body['phases'] ) && is_array( $body['phases'] ) ) {
			$c['phases'] = $body['phases'];
		}
		if ( isset( $body['projects'] ) && is_array( $body['projects'] ) ) {
			$c['projects'] = array();
			foreach ( $body['projects'] as $p ) {
				if ( is_array( $p ) && isset( $p['id'], $p['title'] ) && '' !== trim( (string) $p['id'] ) && '' !== trim( (string) $p['title'] ) ) {
					$c['projects'][] = array(
						'id'                => sanitize_text_field( (string) $p['id'] ),
						'title'             => sanitize_text_field( (string) $p['title'] ),
						'description'       => sanitize_textarea_field( (string) ( $p['description'] ?? '' ) ),
						'cost'              => max( 0, (float) ( $p['cost'] ?? 0 ) ),
						'feasible'          => isset( $p['feasible'] ) ? ( true === $p['feasible'] || '1' === $p['feasible'] || 1 === $p['feasible'] ) : true,
						'feasibilityReason' => sanitize_text_field( (string) ( $p['feasibilityReason'] ?? '' ) ),
					);
				}
			}
		}
		update_option( self::OPTION, $c, false );
		return $c;
	}

	/** POST /vote/admin/batches: { label, count, format: json | csv | html }; the codes are shown this once. */
	public static function batch( WP_REST_Request $request ) {
		global $wpdb;
		$body = self::body( $request ) ?? array();
		list( $batch, $label, $codes ) = self::create_batch( $body['label'] ?? '', $body['count'] ?? 0 );
		$format                        = $body['format'] ?? 'json';
		if ( 'csv' === $format || 'html' === $format ) {
			self::send_codes( $format, $batch, $label, $codes );
		}
		return self::ok(
			201,
			array(
				'batch' => array(
					'id'     => $batch,
					'label'  => $label,
					'issued' => count( $codes ),
				),
				'codes' => $codes,
			)
		);
	}

	/** A new batch of codes: stores their hashes, returns [ id, label, codes as printed ]. */
	public static function create_batch( $label, $count ) {
		global $wpdb;
		$count = max( 1, min( 5000, (int) $count ) );
		$label = mb_substr( sanitize_text_field( (string) $label ), 0, 80 );
		$wpdb->insert( self::t( 'batches' ), array( 'label' => $label ? $label : __( 'Batch', 'stadttraum' ), 'issued' => 0, 'created' => current_time( 'mysql', true ) ) );
		$batch = (int) $wpdb->insert_id;
		$codes = array();
		while ( count( $codes ) < $count ) {
			$code = Stadttraum_Ballot_Rules::new_code();
			if ( $wpdb->insert( self::t( 'codes' ), array( 'hash' => self::hash( $code ), 'batch_id' => $batch, 'used' => 0 ) ) ) {
				$codes[] = Stadttraum_Ballot_Rules::format_code( $code );
			}
		}
		$wpdb->update( self::t( 'batches' ), array( 'issued' => count( $codes ) ), array( 'id' => $batch ) );
		return array( $batch, $label ? $label : __( 'Batch', 'stadttraum' ), $codes );
	}

	/** Sends the codes as a CSV download or a printable sheet, and ends the request. */
	public static function send_codes( $format, $batch, $label, array $codes ) {
		nocache_headers();
		if ( 'csv' === $format ) {
			header( 'Content-Type: text/csv; charset=utf-8' );
			header( 'Content-Disposition: attachment; filename="codes-' . $batch . '.csv"' );
			echo "batch;code\n";
			foreach ( $codes as $code ) {
				echo '"' . str_replace( '"', '""', $label ) . '";' . $code . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CSV
			}
			exit;
		}
		$c = self::config();
		header( 'Content-Type: text/html; charset=utf-8' );
		echo '<!DOCTYPE html><html lang="de"><meta charset="utf-8"><title>' . esc_html( $label ) . '</title><style>body{font:12pt system-ui,sans-serif;margin:1cm}.slips{display:grid;grid-template-columns:repeat(3,1fr)}.slip{border:1px dashed #555;padding:.5cm;break-inside:avoid}.code{font:bold 18pt monospace;letter-spacing:.1em}</style><div class="slips">';
		foreach ( $codes as $code ) {
			echo '<div class="slip"><p><strong>' . esc_html( $c['title'] ) . '</strong></p><p>' . esc_html__( 'Your voting code (valid once):', 'stadttraum' ) . '</p><p class="code">' . esc_html( $code ) . '</p><p>' . esc_html( $label ) . '</p></div>';
		}
		echo '</div></html>';
		exit;
	}

	/** GET /vote/admin/turnout: per batch codes issued and used; ballots online and on paper. */
	public static function turnout() {
		return self::ok( 200, self::turnout_data() );
	}

	/** Per batch codes issued and used; ballots online and on paper; the state. */
	public static function turnout_data() {
		global $wpdb;
		$rows  = $wpdb->get_results( 'SELECT b.id, b.label, b.issued, COALESCE(SUM(c.used), 0) AS used FROM ' . self::t( 'batches' ) . ' b LEFT JOIN ' . self::t( 'codes' ) . ' c ON c.batch_id = b.id GROUP BY b.id, b.label, b.issued ORDER BY b.id', ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$paper = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . self::t( 'ballots' ) . ' WHERE paper = 1' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$all   = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . self::t( 'ballots' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		return array(
				'state'   => self::state(),
				'batches' => array_map(
					function ( $r ) {
						return array(
							'id'     => (int) $r['id'],
							'label'  => $r['label'],
							'issued' => (int) $r['issued'],
							'used'   => (int) $r['used'],
						);
					},
					$rows
				),
				'ballots' => array(
					'online' => $all - $paper,
					'paper'  => $paper,
				),
		);
	}

	/** POST /vote/admin/paper: { projects } a paper ballot, checked by the same rules. */
	public static function paper( WP_REST_Request $request ) {
		$body   = self::body( $request ) ?? array();
		$result = self::add_paper( $body['projects'] ?? null );
		if ( 'stored' === $result ) {
			return self::ok( 201, array( 'stored' => true ) );
		}
		return 'server' === $result ? self::error( 500, 'server', __( 'The ballot could not be saved.', 'stadttraum' ) ) : self::problem( $result );
	}

	/** Stores a paper ballot checked by the rules: `stored`, a rule's problem code, or `server`. */
	public static function add_paper( $projects ) {
		$c       = self::config();
		$checked = Stadttraum_Ballot_Rules::check( self::ballot_rules( $c ), self::on_ballot( $c ), $projects );
		if ( ! $checked['ok'] ) {
			return $checked['problem'];
		}
		return self::store( $checked['ids'], true ) ? 'stored' : 'server';
	}

	/** The projects on the ballot with their titles (the admin page's paper ballot). */
	public static function ballot_projects() {
		$c = self::config();
		return array_values(
			array_filter(
				$c['projects'],
				function ( $p ) {
					return ! isset( $p['feasible'] ) || false !== $p['feasible'];
				}
			)
		);
	}

	/** POST /vote/admin/new-round { confirm: true }: starts the next round (see new_round). */
	public static function new_round_route( WP_REST_Request $request ) {
		$body = self::body( $request ) ?? array();
		if ( true !== ( $body['confirm'] ?? null ) ) {
			return self::error( 422, 'confirm', __( 'Send { "confirm": true } to delete this round’s ballots and codes.', 'stadttraum' ) );
		}
		self::new_round();
		return self::ok( 200, self::turnout_data() );
	}

	/**
	 * A new round: deletes the ballots, codes, batches and the marks of browsers that voted, and
	 * the kept result; budget, projects and rules stay for the organisers to change.
	 */
	public static function new_round() {
		global $wpdb;
		foreach ( array( 'ballots', 'codes', 'batches', 'voters' ) as $table ) {
			$wpdb->query( 'DELETE FROM ' . self::t( $table ) ); // phpcs:ignore WordPress.DB
		}
		delete_option( 'stadttraum_vote_result' );
	}
}
