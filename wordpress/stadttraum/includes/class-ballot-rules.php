<?php
/**
 * The ballot rules of <jugend-budget> in PHP: the same rules as src/jugend-budget/jugend-budget.ballot.ts
 * (approval within the budget, at most / at least N projects, a minimum share of the budget) and the
 * same voting codes. Tested against the same table of cases (test/jugend-budget/ballot-cases.json,
 * test/wordpress/ballot-rules.test.mjs). No WordPress functions: plain PHP 7.4.
 *
 * @package stadttraum
 */

/** Ballot checks and voting codes. */
final class Stadttraum_Ballot_Rules {
	/** No two characters look alike (see the TypeScript module). */
	const CODE_ALPHABET = '0134679ACEFHJKMNPRTWXY';
	const CODE_LENGTH   = 10;

	/** Rules with defaults: within the budget, at least one project, no maximum, no minimum share. */
	public static function normalize( array $rules ) {
		$max   = isset( $rules['maxProjects'] ) && is_numeric( $rules['maxProjects'] ) && $rules['maxProjects'] >= 1 ? (int) floor( $rules['maxProjects'] ) : PHP_INT_MAX;
		$min   = isset( $rules['minProjects'] ) && is_numeric( $rules['minProjects'] ) && $rules['minProjects'] >= 0 ? (int) floor( $rules['minProjects'] ) : 1;
		$min   = max( 1, min( $min, $max ) );
		$share = isset( $rules['minShare'] ) && is_numeric( $rules['minShare'] ) && $rules['minShare'] > 0 ? min( (float) $rules['minShare'], 1.0 ) : 0.0;
		return array(
			'budget'       => max( 0.0, (float) ( $rules['budget'] ?? 0 ) ),
			'withinBudget' => ! ( isset( $rules['withinBudget'] ) && false === $rules['withinBudget'] ),
			'maxProjects'  => $max,
			'minProjects'  => $min,
			'minShare'     => $share,
		);
	}

	private static function cents( $n ) {
		return (int) round( (float) $n * 100 );
	}

	/**
	 * The state of a choice: total, problems (in the TypeScript module's order), blocked projects.
	 *
	 * @param array $rules    Ballot rules.
	 * @param array $projects List of [ 'id' => string, 'cost' => number ].
	 * @param array $chosen   Project ids.
	 */
	public static function state( array $rules, array $projects, array $chosen ) {
		$r     = self::normalize( $rules );
		$by_id = array();
		foreach ( $projects as $p ) {
			$by_id[ (string) $p['id'] ] = $p;
		}
		$problems = array();
		$seen     = array();
		$total    = 0;
		foreach ( $chosen as $id ) {
			$id = (string) $id;
			if ( ! isset( $by_id[ $id ] ) ) {
				if ( ! in_array( 'unknown-project', $problems, true ) ) {
					$problems[] = 'unknown-project';
				}
				continue;
			}
			if ( isset( $seen[ $id ] ) ) {
				if ( ! in_array( 'duplicate', $problems, true ) ) {
					$problems[] = 'duplicate';
				}
				continue;
			}
			$seen[ $id ] = true;
			$total      += self::cents( $by_id[ $id ]['cost'] );
		}
		$count     = count( $seen );
		$budget    = self::cents( $r['budget'] );
		$min_total = (int) ceil( $budget * $r['minShare'] - 1e-6 );
		if ( 0 === $count ) {
			$problems[] = 'empty';
		} elseif ( $count < $r['minProjects'] ) {
			$problems[] = 'min-count';
		}
		if ( $count > $r['maxProjects'] ) {
			$problems[] = 'too-many';
		}
		if ( $r['withinBudget'] && $total > $budget ) {
			$problems[] = 'over-budget';
		}
		if ( $count > 0 && $total < $min_total ) {
			$problems[] = 'min-share';
		}
		$blocked = array();
		foreach ( $projects as $p ) {
			$id = (string) $p['id'];
			if ( isset( $seen[ $id ] ) ) {
				continue;
			}
			if ( $count >= $r['maxProjects'] ) {
				$blocked[ $id ] = 'max';
			} elseif ( $r['withinBudget'] && $total + self::cents( $p['cost'] ) > $budget ) {
				$blocked[ $id ] = 'budget';
			}
		}
		return array(
			'total'    => $total / 100,
			'count'    => $count,
			'left'     => max( 0, $budget - $total ) / 100,
			'minTotal' => $min_total / 100,
			'castable' => ! $problems,
			'problems' => $problems,
			'blocked'  => $blocked,
		);
	}

	/**
	 * What a server checks on arrival: known, distinct ids that keep every rule.
	 *
	 * @return array [ 'ok' => true, 'ids' => [...] ] or [ 'ok' => false, 'problem' => code ].
	 */
	public static function check( array $rules, array $projects, $chosen ) {
		if ( ! is_array( $chosen ) || array_values( $chosen ) !== $chosen ) {
			return array( 'ok' => false, 'problem' => 'unknown-project' );
		}
		foreach ( $chosen as $c ) {
			if ( ! is_string( $c ) ) {
				return array( 'ok' => false, 'problem' => 'unknown-project' );
			}
		}
		$s = self::state( $rules, $projects, $chosen );
		return $s['castable'] ? array( 'ok' => true, 'ids' => array_values( array_unique( $chosen ) ) ) : array( 'ok' => false, 'problem' => $s['problems'][0] );
	}

	/** A typed code in its canonical form, or null (see normalizeCode in the TypeScript module). */
	public static function normalize_code( $input ) {
		if ( ! is_string( $input ) ) {
			return null;
		}
		if ( class_exists( 'Normalizer' ) ) {
			$input = Normalizer::normalize( $input, Normalizer::FORM_KC );
		}
		$s   = preg_replace( '/[\s\-_.·\/]+/u', '', strtoupper( $input ) );
		$s   = strtr( $s, array( 'O' => '0', 'Q' => '0', 'D' => '0', 'I' => '1', 'L' => '1', '|' => '1', '!' => '1', 'G' => '6' ) );
		if ( strlen( $s ) !== self::CODE_LENGTH || strspn( $s, self::CODE_ALPHABET ) !== self::CODE_LENGTH ) {
			return null;
		}
		return $s;
	}

	/** A new random code (random_int: a CSPRNG). */
	public static function new_code() {
		$s = '';
		for ( $i = 0; $i < self::CODE_LENGTH; $i++ ) {
			$s .= self::CODE_ALPHABET[ random_int( 0, strlen( self::CODE_ALPHABET ) - 1 ) ];
		}
		return $s;
	}

	/** As printed: AC3F7-KMN9X. */
	public static function format_code( $code ) {
		return substr( $code, 0, 5 ) . '-' . substr( $code, 5 );
	}
}
