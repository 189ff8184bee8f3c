<?php
/**
 * Settings → Jugendbudget-Abstimmung: the organisers' page for voting in <jugend-budget>. Budget,
 * rule, voting window, ballot rules and projects; code batches (CSV or a printable sheet, shown
 * once); turnout per batch; paper ballots. Works without JavaScript (plain forms to admin-post.php).
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The admin page; the work is done by Stadttraum_Voting. */
final class Stadttraum_Voting_Admin {
	const SLUG = 'stadttraum-vote';

	public static function init() {
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_action( 'admin_post_stadttraum_vote_config', array( __CLASS__, 'save' ) );
		add_action( 'admin_post_stadttraum_vote_batch', array( __CLASS__, 'batch' ) );
		add_action( 'admin_post_stadttraum_vote_paper', array( __CLASS__, 'paper' ) );
		add_action( 'admin_post_stadttraum_vote_new_round', array( __CLASS__, 'new_round' ) );
	}

	public static function menu() {
		add_options_page( __( 'Youth budget vote', 'stadttraum' ), __( 'Youth budget vote', 'stadttraum' ), 'manage_options', self::SLUG, array( __CLASS__, 'page' ) );
	}

	private static function back( $notice, $error = false ) {
		wp_safe_redirect( add_query_arg( array( 'page' => self::SLUG, 'st_notice' => rawurlencode( $notice ), 'st_error' => $error ? '1' : '0' ), admin_url( 'options-general.php' ) ) );
		exit;
	}

	/** Local date and time (the site's time zone) ↔ Unix time. */
	private static function to_time( $local ) {
		if ( ! is_string( $local ) || '' === $local ) {
			return 0;
		}
		try {
			return ( new DateTimeImmutable( $local, wp_timezone() ) )->getTimestamp();
		} catch ( Exception $e ) {
			return 0;
		}
	}

	/** An amount as typed: "1.800,50" and "1800,5" (German), "1800.50", "5.000" (thousands). */
	private static function amount( $v ) {
		$v = trim( (string) $v );
		if ( false !== strpos( $v, ',' ) ) {
			$v = str_replace( array( '.', ',' ), array( '', '.' ), $v );
		} elseif ( preg_match( '/^\d{1,3}(\.\d{3})+$/', $v ) ) {
			$v = str_replace( '.', '', $v );
		}
		return max( 0, (float) $v );
	}

	private static function to_local( $time ) {
		return $time ? wp_date( 'Y-m-d\TH:i', $time ) : '';
	}

	public static function save() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You are not allowed to do this.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_vote_config' );
		$in       = wp_unslash( $_POST ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- sanitised in save_config
		$projects = array();
		foreach ( (array) ( $in['projects'] ?? array() ) as $p ) {
			if ( is_array( $p ) ) {
				$projects[] = array(
					'id'                => $p['id'] ?? '',
					'title'             => $p['title'] ?? '',
					'description'       => $p['description'] ?? '',
					'cost'              => self::amount( $p['cost'] ?? '0' ),
					'feasible'          => empty( $p['infeasible'] ),
					'feasibilityReason' => $p['reason'] ?? '',
				);
			}
		}
		$rules = array( 'withinBudget' => ! empty( $in['withinBudget'] ) );
		foreach ( array( 'maxProjects', 'minProjects' ) as $k ) {
			if ( isset( $in[ $k ] ) && '' !== $in[ $k ] ) {
				$rules[ $k ] = max( 0, (int) $in[ $k ] );
			}
		}
		if ( isset( $in['minShare'] ) && '' !== $in['minShare'] ) {
			$rules['minShare'] = max( 0, min( 100, (float) str_replace( ',', '.', $in['minShare'] ) ) ) / 100;
		}
		$opens  = self::to_time( $in['opens'] ?? '' );
		$closes = self::to_time( $in['closes'] ?? '' );
		if ( $opens && $closes && $closes <= $opens ) {
			self::back( __( 'Voting must close after it opens. Nothing was saved.', 'stadttraum' ), true );
		}
		Stadttraum_Voting::save_config(
			array(
				'title'       => $in['title'] ?? '',
				'budget'      => self::amount( $in['budget'] ?? '0' ),
				'currency'    => strtoupper( (string) ( $in['currency'] ?? 'EUR' ) ),
				'rule'        => in_array( $in['rule'] ?? '', Stadttraum_Budget_Rules::CHOICES, true ) ? $in['rule'] : 'greedy',
				'opens'       => $opens,
				'closes'      => $closes,
				'rules'       => $rules,
				'projects'    => $projects,
				'access'      => 'browser' === ( $in['access'] ?? '' ) ? 'browser' : 'code',
				'address_cap' => max( 1, (int) ( $in['address_cap'] ?? 40 ) ),
			)
		);
		self::back( __( 'Saved.', 'stadttraum' ) );
	}

	public static function batch() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You are not allowed to do this.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_vote_batch' );
		$label                      = sanitize_text_field( wp_unslash( $_POST['label'] ?? '' ) );
		$count                      = (int) ( $_POST['count'] ?? 0 );
		$format                     = 'csv' === ( $_POST['format'] ?? '' ) ? 'csv' : 'html';
		list( $batch, $label, $codes ) = Stadttraum_Voting::create_batch( $label, $count );
		Stadttraum_Voting::send_codes( $format, $batch, $label, $codes );
	}

	public static function paper() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You are not allowed to do this.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_vote_paper' );
		$ids    = array_map( 'sanitize_text_field', array_values( (array) wp_unslash( $_POST['projects'] ?? array() ) ) );
		$result = Stadttraum_Voting::add_paper( $ids );
		if ( 'stored' === $result ) {
			self::back( __( 'Paper ballot counted.', 'stadttraum' ) );
		}
		self::back( __( 'Not counted:', 'stadttraum' ) . ' ' . ( 'server' === $result ? __( 'Saving failed.', 'stadttraum' ) : Stadttraum_Voting::problem_message( $result ) ), true );
	}

	public static function new_round() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'You are not allowed to do this.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_vote_new_round' );
		if ( empty( $_POST['saved'] ) ) {
			self::back( __( 'Nothing was deleted: first confirm that the result is saved.', 'stadttraum' ), true );
		}
		Stadttraum_Voting::new_round();
		self::back( __( 'A new round has started: ballots and codes of the last one are deleted.', 'stadttraum' ) );
	}

	public static function page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$c       = Stadttraum_Voting::config();
		$turnout = Stadttraum_Voting::turnout_data();
		$states  = array(
			'before' => __( 'not started yet', 'stadttraum' ),
			'open'   => __( 'open – votes are shown only after it closes', 'stadttraum' ),
			'closed' => __( 'closed – the result is in the feed', 'stadttraum' ),
		);
		$notice = isset( $_GET['st_notice'] ) ? sanitize_text_field( wp_unslash( $_GET['st_notice'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- display only
		$error  = ! empty( $_GET['st_error'] ) && '1' === $_GET['st_error']; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		$rules  = is_array( $c['rules'] ) ? $c['rules'] : array();
		$rows   = array_merge( $c['projects'], array_fill( 0, 3, array() ) );
		$post   = admin_url( 'admin-post.php' );
		?>
		<div class="wrap">
			<h1><?php esc_html_e( 'Youth budget vote', 'stadttraum' ); ?></h1>
			<?php if ( $notice ) : ?>
				<div class="notice <?php echo $error ? 'notice-error' : 'notice-success'; ?>" role="<?php echo $error ? 'alert' : 'status'; ?>"><p><?php echo esc_html( $notice ); ?></p></div>
			<?php endif; ?>
			<p><strong><?php esc_html_e( 'Status:', 'stadttraum' ); ?></strong> <?php echo esc_html( $states[ $turnout['state'] ] ); ?>.
				<?php esc_html_e( 'Feed address for the widget:', 'stadttraum' ); ?> <code><?php echo esc_html( rest_url( 'stadttraum/v1/vote/feed' ) ); ?></code></p>

			<h2><?php esc_html_e( 'Budget, voting period and rules', 'stadttraum' ); ?></h2>
			<form method="post" action="<?php echo esc_url( $post ); ?>">
				<input type="hidden" name="action" value="stadttraum_vote_config">
				<?php wp_nonce_field( 'stadttraum_vote_config' ); ?>
				<table class="form-table" role="presentation">
					<tr><th scope="row"><label for="st-title"><?php esc_html_e( 'Title', 'stadttraum' ); ?></label></th><td><input id="st-title" name="title" class="regular-text" value="<?php echo esc_attr( $c['title'] ); ?>"></td></tr>
					<tr><th scope="row"><label for="st-budget"><?php esc_html_e( 'Budget', 'stadttraum' ); ?></label></th><td><input id="st-budget" name="budget" inputmode="decimal" value="<?php echo esc_attr( $c['budget'] ); ?>"> <label for="st-currency" class="screen-reader-text"><?php esc_html_e( 'Currency', 'stadttraum' ); ?></label><input id="st-currency" name="currency" size="4" value="<?php echo esc_attr( $c['currency'] ); ?>"></td></tr>
					<tr><th scope="row"><label for="st-rule"><?php esc_html_e( 'Counting', 'stadttraum' ); ?></label></th><td><select id="st-rule" name="rule" aria-describedby="st-rule-help">
						<option value="greedy" <?php selected( $c['rule'], 'greedy' ); ?>><?php esc_html_e( 'By votes, while the money lasts', 'stadttraum' ); ?></option>
						<option value="equalshares/add1" <?php selected( $c['rule'], 'equalshares/add1' ); ?>><?php esc_html_e( 'Method of Equal Shares (add1)', 'stadttraum' ); ?></option>
						<option value="equalshares/add1-comparison" <?php selected( $c['rule'], 'equalshares/add1-comparison' ); ?>><?php esc_html_e( 'Method of Equal Shares (add1), compared with “by votes”', 'stadttraum' ); ?></option>
					</select>
						<p class="description" id="st-rule-help"><?php esc_html_e( 'By votes: the projects with the most votes, as long as the money lasts. Equal shares: every voter gets an equal part of the budget, so smaller groups get projects too; add1 spends what would be left over. Compared with “by votes”: the result by votes counts instead when more voters get more of their projects from it (as in Wieliczka 2023). The result is computed when voting closes.', 'stadttraum' ); ?></p></td></tr>
					<tr><th scope="row"><label for="st-opens"><?php esc_html_e( 'Voting opens', 'stadttraum' ); ?></label></th><td><input id="st-opens" type="datetime-local" name="opens" value="<?php echo esc_attr( self::to_local( $c['opens'] ) ); ?>"></td></tr>
					<tr><th scope="row"><label for="st-closes"><?php esc_html_e( 'Voting closes', 'stadttraum' ); ?></label></th><td><input id="st-closes" type="datetime-local" name="closes" value="<?php echo esc_attr( self::to_local( $c['closes'] ) ); ?>"> <p class="description"><?php esc_html_e( 'In the site’s time zone; the server’s clock decides.', 'stadttraum' ); ?></p></td></tr>
					<tr><th scope="row"><label for="st-access"><?php esc_html_e( 'Who may vote', 'stadttraum' ); ?></label></th><td><select id="st-access" name="access" aria-describedby="st-access-help">
						<option value="code" <?php selected( $c['access'], 'code' ); ?>><?php esc_html_e( 'Whoever has a one-time voting code (codes below)', 'stadttraum' ); ?></option>
						<option value="browser" <?php selected( $c['access'], 'browser' ); ?>><?php esc_html_e( 'One vote per browser, without codes', 'stadttraum' ); ?></option>
					</select>
						<p class="description" id="st-access-help"><?php esc_html_e( 'One vote per browser is weaker than codes: whoever opens a second browser or deletes the browser’s stored data can vote again. Against that, only a limited number of votes per internet connection and day count (the connection is kept only as a hash with a salt of the day, deleted after two days); a whole school on one connection therefore needs codes.', 'stadttraum' ); ?></p>
						<p><label for="st-cap"><?php esc_html_e( 'Votes per internet connection and day (one vote per browser only)', 'stadttraum' ); ?></label> <input id="st-cap" name="address_cap" type="number" min="1" class="small-text" value="<?php echo esc_attr( Stadttraum_Voting::address_cap( $c ) ); ?>"></p>
					</td></tr>
					<tr><th scope="row"><?php esc_html_e( 'Ballot', 'stadttraum' ); ?></th><td>
						<p><label><input type="checkbox" name="withinBudget" value="1" <?php checked( ! isset( $rules['withinBudget'] ) || $rules['withinBudget'] ); ?>> <?php esc_html_e( 'Together, the chosen projects may cost at most the budget', 'stadttraum' ); ?></label></p>
						<p><label for="st-max"><?php esc_html_e( 'At most this many projects (empty: any number)', 'stadttraum' ); ?></label> <input id="st-max" name="maxProjects" type="number" min="1" class="small-text" value="<?php echo esc_attr( $rules['maxProjects'] ?? '' ); ?>"></p>
						<p><label for="st-min"><?php esc_html_e( 'At least this many projects', 'stadttraum' ); ?></label> <input id="st-min" name="minProjects" type="number" min="0" class="small-text" value="<?php echo esc_attr( $rules['minProjects'] ?? '' ); ?>"></p>
						<p><label for="st-share"><?php esc_html_e( 'Minimum share of the budget in per cent', 'stadttraum' ); ?></label> <input id="st-share" name="minShare" type="number" min="0" max="100" class="small-text" value="<?php echo esc_attr( isset( $rules['minShare'] ) ? round( $rules['minShare'] * 100, 2 ) : '' ); ?>"></p>
					</td></tr>
				</table>
				<h3><?php esc_html_e( 'Projects', 'stadttraum' ); ?></h3>
				<p class="description"><?php esc_html_e( 'One row per project; empty rows are ignored. Saving adds three empty rows.', 'stadttraum' ); ?></p>
				<table class="widefat striped">
					<thead><tr><th scope="col"><?php esc_html_e( 'ID', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Title', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Description', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Cost', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Not feasible, because …', 'stadttraum' ); ?></th></tr></thead>
					<tbody>
					<?php foreach ( $rows as $i => $p ) : ?>
						<?php /* translators: %d: row number */ $row = sprintf( __( 'Project %d', 'stadttraum' ), $i + 1 ); ?>
						<tr>
							<td><input name="projects[<?php echo (int) $i; ?>][id]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'ID', 'stadttraum' ) ); ?>" size="12" value="<?php echo esc_attr( $p['id'] ?? '' ); ?>"></td>
							<td><input name="projects[<?php echo (int) $i; ?>][title]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'Title', 'stadttraum' ) ); ?>" value="<?php echo esc_attr( $p['title'] ?? '' ); ?>"></td>
							<td><textarea name="projects[<?php echo (int) $i; ?>][description]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'Description', 'stadttraum' ) ); ?>" rows="2"><?php echo esc_textarea( $p['description'] ?? '' ); ?></textarea></td>
							<td><input name="projects[<?php echo (int) $i; ?>][cost]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'Cost', 'stadttraum' ) ); ?>" inputmode="decimal" size="8" value="<?php echo esc_attr( isset( $p['cost'] ) ? $p['cost'] : '' ); ?>"></td>
							<td><label><input type="checkbox" name="projects[<?php echo (int) $i; ?>][infeasible]" value="1" <?php checked( isset( $p['feasible'] ) && false === $p['feasible'] ); ?>> <?php esc_html_e( 'not feasible', 'stadttraum' ); ?></label>
								<input name="projects[<?php echo (int) $i; ?>][reason]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'Reason', 'stadttraum' ) ); ?>" value="<?php echo esc_attr( $p['feasibilityReason'] ?? '' ); ?>"></td>
						</tr>
					<?php endforeach; ?>
					</tbody>
				</table>
				<?php submit_button( __( 'Save', 'stadttraum' ) ); ?>
			</form>

			<h2><?php esc_html_e( 'Voting codes', 'stadttraum' ); ?></h2>
			<p><?php esc_html_e( 'Codes for a school, a class or a youth centre. They are shown this once only; only a check value is stored, never the code itself.', 'stadttraum' ); ?></p>
			<form method="post" action="<?php echo esc_url( $post ); ?>" target="_blank">
				<input type="hidden" name="action" value="stadttraum_vote_batch">
				<?php wp_nonce_field( 'stadttraum_vote_batch' ); ?>
				<p><label for="st-label"><?php esc_html_e( 'For', 'stadttraum' ); ?></label> <input id="st-label" name="label" placeholder="<?php esc_attr_e( 'Secondary school, class 8b', 'stadttraum' ); ?>">
				<label for="st-count"><?php esc_html_e( 'Number', 'stadttraum' ); ?></label> <input id="st-count" name="count" type="number" min="1" max="5000" value="30" class="small-text">
				<label for="st-format"><?php esc_html_e( 'as', 'stadttraum' ); ?></label> <select id="st-format" name="format"><option value="html"><?php esc_html_e( 'Printable sheet', 'stadttraum' ); ?></option><option value="csv">CSV</option></select>
				<?php submit_button( __( 'Create codes', 'stadttraum' ), 'secondary', 'submit', false ); ?></p>
			</form>

			<h2><?php esc_html_e( 'Turnout', 'stadttraum' ); ?></h2>
			<table class="widefat striped">
				<caption class="screen-reader-text"><?php esc_html_e( 'Turnout per batch', 'stadttraum' ); ?></caption>
				<thead><tr><th scope="col"><?php esc_html_e( 'Batch', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Codes', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'used', 'stadttraum' ); ?></th></tr></thead>
				<tbody>
				<?php foreach ( $turnout['batches'] as $b ) : ?>
					<tr><th scope="row"><?php echo esc_html( $b['label'] ); ?></th><td><?php echo esc_html( number_format_i18n( $b['issued'] ) ); ?></td><td><?php echo esc_html( number_format_i18n( $b['used'] ) ); ?></td></tr>
				<?php endforeach; ?>
				</tbody>
			</table>
			<p><?php /* translators: 1: online ballots, 2: paper ballots */ echo esc_html( sprintf( __( 'Ballots: %1$s online, %2$s on paper.', 'stadttraum' ), number_format_i18n( $turnout['ballots']['online'] ), number_format_i18n( $turnout['ballots']['paper'] ) ) ); ?></p>

			<h2><?php esc_html_e( 'Enter paper ballots', 'stadttraum' ); ?></h2>
			<form method="post" action="<?php echo esc_url( $post ); ?>">
				<input type="hidden" name="action" value="stadttraum_vote_paper">
				<?php wp_nonce_field( 'stadttraum_vote_paper' ); ?>
				<fieldset><legend class="screen-reader-text"><?php esc_html_e( 'Projects ticked', 'stadttraum' ); ?></legend>
				<?php foreach ( Stadttraum_Voting::ballot_projects() as $i => $p ) : ?>
					<p><label><input type="checkbox" name="projects[]" value="<?php echo esc_attr( $p['id'] ); ?>"> <?php echo esc_html( $p['title'] ); ?></label></p>
				<?php endforeach; ?>
				</fieldset>
				<?php submit_button( __( 'Count this ballot', 'stadttraum' ), 'secondary' ); ?>
			</form>

			<h2><?php esc_html_e( 'New round', 'stadttraum' ); ?></h2>
			<p><?php esc_html_e( 'Deletes all ballots, codes and batches and the marks of browsers that voted; budget, projects and rules stay. Save the result first (Pabulib file):', 'stadttraum' ); ?> <a href="<?php echo esc_url( rest_url( 'stadttraum/v1/vote/result' ) ); ?>"><?php esc_html_e( 'Download the result', 'stadttraum' ); ?></a></p>
			<form method="post" action="<?php echo esc_url( $post ); ?>">
				<input type="hidden" name="action" value="stadttraum_vote_new_round">
				<?php wp_nonce_field( 'stadttraum_vote_new_round' ); ?>
				<p><label><input type="checkbox" name="saved" value="1" required> <?php esc_html_e( 'The result of this round is saved.', 'stadttraum' ); ?></label></p>
				<?php submit_button( __( 'Start a new round', 'stadttraum' ), 'delete' ); ?>
			</form>
		</div>
		<?php
	}
}
