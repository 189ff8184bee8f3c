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
	}

	public static function menu() {
		add_options_page( __( 'Jugendbudget-Abstimmung', 'stadttraum' ), __( 'Jugendbudget-Abstimmung', 'stadttraum' ), 'manage_options', self::SLUG, array( __CLASS__, 'page' ) );
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
			wp_die( esc_html__( 'Keine Berechtigung.', 'stadttraum' ), 403 );
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
			self::back( __( 'Das Ende der Abstimmung muss nach ihrem Beginn liegen. Nichts wurde gespeichert.', 'stadttraum' ), true );
		}
		Stadttraum_Voting::save_config(
			array(
				'title'    => $in['title'] ?? '',
				'budget'   => self::amount( $in['budget'] ?? '0' ),
				'currency' => strtoupper( (string) ( $in['currency'] ?? 'EUR' ) ),
				'rule'     => in_array( $in['rule'] ?? '', array( 'greedy', 'equalshares/add1' ), true ) ? $in['rule'] : 'greedy',
				'opens'    => $opens,
				'closes'   => $closes,
				'rules'    => $rules,
				'projects' => $projects,
			)
		);
		self::back( __( 'Gespeichert.', 'stadttraum' ) );
	}

	public static function batch() {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Keine Berechtigung.', 'stadttraum' ), 403 );
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
			wp_die( esc_html__( 'Keine Berechtigung.', 'stadttraum' ), 403 );
		}
		check_admin_referer( 'stadttraum_vote_paper' );
		$ids    = array_map( 'sanitize_text_field', array_values( (array) wp_unslash( $_POST['projects'] ?? array() ) ) );
		$result = Stadttraum_Voting::add_paper( $ids );
		if ( 'stored' === $result ) {
			self::back( __( 'Papier-Stimmzettel gezählt.', 'stadttraum' ) );
		}
		self::back( __( 'Nicht gezählt:', 'stadttraum' ) . ' ' . ( 'server' === $result ? __( 'Speichern fehlgeschlagen.', 'stadttraum' ) : Stadttraum_Voting::problem_message( $result ) ), true );
	}

	public static function page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$c       = Stadttraum_Voting::config();
		$turnout = Stadttraum_Voting::turnout_data();
		$states  = array(
			'before' => __( 'noch nicht begonnen', 'stadttraum' ),
			'open'   => __( 'läuft – Stimmen werden erst nach dem Ende gezeigt', 'stadttraum' ),
			'closed' => __( 'beendet – das Ergebnis steht im Feed', 'stadttraum' ),
		);
		$notice = isset( $_GET['st_notice'] ) ? sanitize_text_field( wp_unslash( $_GET['st_notice'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- display only
		$error  = ! empty( $_GET['st_error'] ) && '1' === $_GET['st_error']; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		$rules  = is_array( $c['rules'] ) ? $c['rules'] : array();
		$rows   = array_merge( $c['projects'], array_fill( 0, 3, array() ) );
		$post   = admin_url( 'admin-post.php' );
		?>
		<div class="wrap">
			<h1><?php esc_html_e( 'Jugendbudget-Abstimmung', 'stadttraum' ); ?></h1>
			<?php if ( $notice ) : ?>
				<div class="notice <?php echo $error ? 'notice-error' : 'notice-success'; ?>" role="<?php echo $error ? 'alert' : 'status'; ?>"><p><?php echo esc_html( $notice ); ?></p></div>
			<?php endif; ?>
			<p><strong><?php esc_html_e( 'Stand:', 'stadttraum' ); ?></strong> <?php echo esc_html( $states[ $turnout['state'] ] ); ?>.
				<?php esc_html_e( 'Im Widget als Feed-Adresse:', 'stadttraum' ); ?> <code><?php echo esc_html( rest_url( 'stadttraum/v1/vote/feed' ) ); ?></code></p>

			<h2><?php esc_html_e( 'Budget, Zeitraum und Regeln', 'stadttraum' ); ?></h2>
			<form method="post" action="<?php echo esc_url( $post ); ?>">
				<input type="hidden" name="action" value="stadttraum_vote_config">
				<?php wp_nonce_field( 'stadttraum_vote_config' ); ?>
				<table class="form-table" role="presentation">
					<tr><th scope="row"><label for="st-title"><?php esc_html_e( 'Titel', 'stadttraum' ); ?></label></th><td><input id="st-title" name="title" class="regular-text" value="<?php echo esc_attr( $c['title'] ); ?>"></td></tr>
					<tr><th scope="row"><label for="st-budget"><?php esc_html_e( 'Budget', 'stadttraum' ); ?></label></th><td><input id="st-budget" name="budget" inputmode="decimal" value="<?php echo esc_attr( $c['budget'] ); ?>"> <label for="st-currency" class="screen-reader-text"><?php esc_html_e( 'Währung', 'stadttraum' ); ?></label><input id="st-currency" name="currency" size="4" value="<?php echo esc_attr( $c['currency'] ); ?>"></td></tr>
					<tr><th scope="row"><label for="st-rule"><?php esc_html_e( 'Auszählung', 'stadttraum' ); ?></label></th><td><select id="st-rule" name="rule">
						<option value="greedy" <?php selected( $c['rule'], 'greedy' ); ?>><?php esc_html_e( 'Nach Stimmen, solange das Geld reicht', 'stadttraum' ); ?></option>
						<option value="equalshares/add1" <?php selected( $c['rule'], 'equalshares/add1' ); ?>><?php esc_html_e( 'Methode der gleichen Anteile (add1)', 'stadttraum' ); ?></option>
					</select></td></tr>
					<tr><th scope="row"><label for="st-opens"><?php esc_html_e( 'Abstimmung beginnt', 'stadttraum' ); ?></label></th><td><input id="st-opens" type="datetime-local" name="opens" value="<?php echo esc_attr( self::to_local( $c['opens'] ) ); ?>"></td></tr>
					<tr><th scope="row"><label for="st-closes"><?php esc_html_e( 'Abstimmung endet', 'stadttraum' ); ?></label></th><td><input id="st-closes" type="datetime-local" name="closes" value="<?php echo esc_attr( self::to_local( $c['closes'] ) ); ?>"> <p class="description"><?php esc_html_e( 'Zeitzone der Website; es gilt die Uhr des Servers.', 'stadttraum' ); ?></p></td></tr>
					<tr><th scope="row"><?php esc_html_e( 'Stimmzettel', 'stadttraum' ); ?></th><td>
						<p><label><input type="checkbox" name="withinBudget" value="1" <?php checked( ! isset( $rules['withinBudget'] ) || $rules['withinBudget'] ); ?>> <?php esc_html_e( 'Die gewählten Projekte dürfen zusammen höchstens das Budget kosten', 'stadttraum' ); ?></label></p>
						<p><label for="st-max"><?php esc_html_e( 'Höchstens so viele Projekte (leer: beliebig)', 'stadttraum' ); ?></label> <input id="st-max" name="maxProjects" type="number" min="1" class="small-text" value="<?php echo esc_attr( $rules['maxProjects'] ?? '' ); ?>"></p>
						<p><label for="st-min"><?php esc_html_e( 'Mindestens so viele Projekte', 'stadttraum' ); ?></label> <input id="st-min" name="minProjects" type="number" min="0" class="small-text" value="<?php echo esc_attr( $rules['minProjects'] ?? '' ); ?>"></p>
						<p><label for="st-share"><?php esc_html_e( 'Mindestanteil am Budget in Prozent', 'stadttraum' ); ?></label> <input id="st-share" name="minShare" type="number" min="0" max="100" class="small-text" value="<?php echo esc_attr( isset( $rules['minShare'] ) ? round( $rules['minShare'] * 100, 2 ) : '' ); ?>"></p>
					</td></tr>
				</table>
				<h3><?php esc_html_e( 'Projekte', 'stadttraum' ); ?></h3>
				<p class="description"><?php esc_html_e( 'Eine Zeile je Projekt; leere Zeilen werden ignoriert. Nach dem Speichern kommen drei leere Zeilen dazu.', 'stadttraum' ); ?></p>
				<table class="widefat striped">
					<thead><tr><th scope="col"><?php esc_html_e( 'Kennung', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Titel', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Beschreibung', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Kosten', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Nicht umsetzbar, weil …', 'stadttraum' ); ?></th></tr></thead>
					<tbody>
					<?php foreach ( $rows as $i => $p ) : ?>
						<?php /* translators: %d: row number */ $row = sprintf( __( 'Projekt %d', 'stadttraum' ), $i + 1 ); ?>
						<tr>
							<td><input name="projects[<?php echo (int) $i; ?>][id]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'Kennung', 'stadttraum' ) ); ?>" size="12" value="<?php echo esc_attr( $p['id'] ?? '' ); ?>"></td>
							<td><input name="projects[<?php echo (int) $i; ?>][title]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'Titel', 'stadttraum' ) ); ?>" value="<?php echo esc_attr( $p['title'] ?? '' ); ?>"></td>
							<td><textarea name="projects[<?php echo (int) $i; ?>][description]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'Beschreibung', 'stadttraum' ) ); ?>" rows="2"><?php echo esc_textarea( $p['description'] ?? '' ); ?></textarea></td>
							<td><input name="projects[<?php echo (int) $i; ?>][cost]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'Kosten', 'stadttraum' ) ); ?>" inputmode="decimal" size="8" value="<?php echo esc_attr( isset( $p['cost'] ) ? $p['cost'] : '' ); ?>"></td>
							<td><label><input type="checkbox" name="projects[<?php echo (int) $i; ?>][infeasible]" value="1" <?php checked( isset( $p['feasible'] ) && false === $p['feasible'] ); ?>> <?php esc_html_e( 'nicht umsetzbar', 'stadttraum' ); ?></label>
								<input name="projects[<?php echo (int) $i; ?>][reason]" aria-label="<?php echo esc_attr( $row . ': ' . __( 'Begründung', 'stadttraum' ) ); ?>" value="<?php echo esc_attr( $p['feasibilityReason'] ?? '' ); ?>"></td>
						</tr>
					<?php endforeach; ?>
					</tbody>
				</table>
				<?php submit_button( __( 'Speichern', 'stadttraum' ) ); ?>
			</form>

			<h2><?php esc_html_e( 'Abstimm-Codes', 'stadttraum' ); ?></h2>
			<p><?php esc_html_e( 'Codes für eine Schule, Klasse oder einen Jugendtreff. Sie werden nur dieses eine Mal ausgegeben; gespeichert wird nur ein Prüfwert, der Code selbst nicht.', 'stadttraum' ); ?></p>
			<form method="post" action="<?php echo esc_url( $post ); ?>" target="_blank">
				<input type="hidden" name="action" value="stadttraum_vote_batch">
				<?php wp_nonce_field( 'stadttraum_vote_batch' ); ?>
				<p><label for="st-label"><?php esc_html_e( 'Für', 'stadttraum' ); ?></label> <input id="st-label" name="label" placeholder="<?php esc_attr_e( 'Sekundarschule, Klasse 8b', 'stadttraum' ); ?>">
				<label for="st-count"><?php esc_html_e( 'Anzahl', 'stadttraum' ); ?></label> <input id="st-count" name="count" type="number" min="1" max="5000" value="30" class="small-text">
				<label for="st-format"><?php esc_html_e( 'als', 'stadttraum' ); ?></label> <select id="st-format" name="format"><option value="html"><?php esc_html_e( 'Druckbogen', 'stadttraum' ); ?></option><option value="csv">CSV</option></select>
				<?php submit_button( __( 'Codes erzeugen', 'stadttraum' ), 'secondary', 'submit', false ); ?></p>
			</form>

			<h2><?php esc_html_e( 'Beteiligung', 'stadttraum' ); ?></h2>
			<table class="widefat striped">
				<caption class="screen-reader-text"><?php esc_html_e( 'Beteiligung je Stapel', 'stadttraum' ); ?></caption>
				<thead><tr><th scope="col"><?php esc_html_e( 'Stapel', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'Codes', 'stadttraum' ); ?></th><th scope="col"><?php esc_html_e( 'benutzt', 'stadttraum' ); ?></th></tr></thead>
				<tbody>
				<?php foreach ( $turnout['batches'] as $b ) : ?>
					<tr><th scope="row"><?php echo esc_html( $b['label'] ); ?></th><td><?php echo esc_html( number_format_i18n( $b['issued'] ) ); ?></td><td><?php echo esc_html( number_format_i18n( $b['used'] ) ); ?></td></tr>
				<?php endforeach; ?>
				</tbody>
			</table>
			<p><?php /* translators: 1: online ballots, 2: paper ballots */ echo esc_html( sprintf( __( 'Stimmzettel: %1$s online, %2$s auf Papier.', 'stadttraum' ), number_format_i18n( $turnout['ballots']['online'] ), number_format_i18n( $turnout['ballots']['paper'] ) ) ); ?></p>

			<h2><?php esc_html_e( 'Papier-Stimmzettel eintragen', 'stadttraum' ); ?></h2>
			<form method="post" action="<?php echo esc_url( $post ); ?>">
				<input type="hidden" name="action" value="stadttraum_vote_paper">
				<?php wp_nonce_field( 'stadttraum_vote_paper' ); ?>
				<fieldset><legend class="screen-reader-text"><?php esc_html_e( 'Angekreuzte Projekte', 'stadttraum' ); ?></legend>
				<?php foreach ( Stadttraum_Voting::ballot_projects() as $i => $p ) : ?>
					<p><label><input type="checkbox" name="projects[]" value="<?php echo esc_attr( $p['id'] ); ?>"> <?php echo esc_html( $p['title'] ); ?></label></p>
				<?php endforeach; ?>
				</fieldset>
				<?php submit_button( __( 'Stimmzettel zählen', 'stadttraum' ), 'secondary' ); ?>
			</form>
		</div>
		<?php
	}
}
