<?php
/**
 * How a youth budget's ballots become its result on the server, by the rules the widget computes
 * (src/jugend-budget/jugend-budget.rules.ts): greedy by votes within the budget, and the Method of
 * Equal Shares with the add1 completion (Pabulib `equalshares/add1`), optionally compared with
 * greedy afterwards (`equalshares/add1-comparison`, Wieliczka 2023). Same steps, same float
 * tolerances, same ties: more votes, then lower cost, then feed order. test/wordpress/budget-rules.test.mjs
 * holds both to the published selections of real elections and to each other.
 *
 * An election: { budget, projects: [ { id, cost, votes, feasible } ], ballots: [ [ project index … ] ] }.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

/** The counting rules (pure: no WordPress calls, so the tests run them with php-cli alone). */
final class Stadttraum_Budget_Rules {
	/** The rules organisers can choose for a round (the admin page, the block's rule attribute). */
	const CHOICES = array( 'greedy', 'equalshares/add1', 'equalshares/add1-comparison' );

	/** Changes when a rule counts differently (2: add1 as Pabulib's, not add1e), so kept results are counted anew. */
	const VERSION = 2;

	/** Rule names as feeds and Pabulib write them → the rule computed here (null: unknown); as the widget's ruleOf. */
	public static function rule_of( $name ) {
		$n = preg_replace( '#^(mes|equal-shares)(?=$|[/-])#', 'equalshares', strtolower( trim( (string) $name ) ) );
		if ( in_array( $n, array( 'greedy', 'greedy-by-votes', 'utilitarian' ), true ) ) {
			return 'greedy';
		}
		if ( in_array( $n, array( 'equalshares', 'equalshares/add1', 'equalshares-comparison', 'equalshares/add1-comparison' ), true ) ) {
			return $n;
		}
		return null;
	}

	/**
	 * The result by a rule's name: { rule, selected (ids in the order chosen), cost }, and with a
	 * comparison rule `comparison` { shares, greedy, chosen }. Unknown rules count greedy.
	 */
	public static function run( $rule, array $e ) {
		$rule = self::rule_of( $rule ) ?? 'greedy';
		if ( 'greedy' === $rule || empty( $e['ballots'] ) ) {
			return self::greedy( $e );
		}
		return self::equal_shares( $e, 0 === strpos( $rule, 'equalshares/add1' ), '-comparison' === substr( $rule, -11 ) );
	}

	/** The documented tie order as a comparison of two project indexes. */
	private static function tie( array $projects ) {
		return function ( $a, $b ) use ( $projects ) {
			return ( $projects[ $b ]['votes'] <=> $projects[ $a ]['votes'] ) ?: ( ( $projects[ $a ]['cost'] <=> $projects[ $b ]['cost'] ) ?: ( $a <=> $b ) );
		};
	}

	private static function candidate( array $p ) {
		return $p['feasible'] && $p['cost'] >= 0 && $p['votes'] > 0;
	}

	/** Greedy by votes: the most-voted project first, each funded when it still fits. */
	public static function greedy( array $e ) {
		$p     = self::projects( $e );
		$order = array_keys( $p );
		usort( $order, self::tie( $p ) );
		$left     = (float) $e['budget'];
		$selected = array();
		foreach ( $order as $i ) {
			if ( $p[ $i ]['feasible'] && $p[ $i ]['votes'] > 0 && $p[ $i ]['cost'] <= $left + 1e-9 ) {
				$selected[] = $p[ $i ]['id'];
				$left      -= $p[ $i ]['cost'];
			}
		}
		return array(
			'rule'     => 'greedy',
			'selected' => $selected,
			'cost'     => (float) $e['budget'] - $left,
		);
	}

	/** Projects with their fields as numbers (votes counted from the ballots when these are given). */
	private static function projects( array $e ) {
		$out = array();
		foreach ( array_values( $e['projects'] ) as $p ) {
			$out[] = array(
				'id'       => (string) $p['id'],
				'cost'     => (float) ( $p['cost'] ?? 0 ),
				'votes'    => (int) ( $p['votes'] ?? 0 ),
				'feasible' => ! isset( $p['feasible'] ) || false !== $p['feasible'],
			);
		}
		return $out;
	}

	/** Voters per project: project index => list of voter indexes. */
	private static function approvers( array $e, $n ) {
		$lists = array_fill( 0, $n, array() );
		foreach ( array_values( $e['ballots'] ?? array() ) as $voter => $ballot ) {
			foreach ( $ballot as $i ) {
				if ( is_int( $i ) && $i >= 0 && $i < $n ) {
					$lists[ $i ][] = $voter;
				}
			}
		}
		return $lists;
	}

	/**
	 * Equal shares with a fixed budget: each voter holds an equal share; the next project is the
	 * one whose voters pay least per unit of its cost (highest effective vote count). Returns the
	 * funded indexes in order.
	 */
	private static function fixed( array $p, array $approvers, $voters, $total ) {
		$winners = array();
		if ( ! $voters ) {
			return $winners;
		}
		$money = array_fill( 0, $voters, $total / $voters );
		$tie   = self::tie( $p );
		$prev  = array();
		foreach ( $p as $i => $project ) {
			if ( self::candidate( $project ) && $project['cost'] > 0 && count( $approvers[ $i ] ) ) {
				$prev[ $i ] = (float) count( $approvers[ $i ] );
			}
		}
		for ( ;; ) {
			$best     = -1;
			$best_evc = 0.0;
			$order    = array_keys( $prev );
			usort(
				$order,
				function ( $a, $b ) use ( $prev, $tie ) {
					return ( $prev[ $b ] <=> $prev[ $a ] ) ?: $tie( $a, $b );
				}
			);
			foreach ( $order as $c ) {
				if ( $prev[ $c ] < $best_evc * ( 1 - 1e-12 ) ) {
					break; // cannot beat the best so far
				}
				$cost   = $p[ $c ]['cost'];
				$shares = array();
				$sum    = 0.0;
				foreach ( $approvers[ $c ] as $v ) {
					$shares[] = $money[ $v ];
					$sum     += $money[ $v ];
				}
				if ( $sum < $cost * ( 1 - 1e-9 ) ) {
					unset( $prev[ $c ] ); // its voters cannot afford it any more
					continue;
				}
				sort( $shares, SORT_NUMERIC );
				$paid   = 0.0;
				$payers = count( $shares );
				foreach ( $shares as $s ) {
					$share = ( $cost - $paid ) / $payers;
					if ( $share > $s ) {
						$paid += $s;
						$payers--;
						continue;
					}
					$evc        = $cost / $share;
					$prev[ $c ] = $evc;
					$same       = abs( $evc - $best_evc ) <= 1e-9 * $evc;
					if ( ( $evc > $best_evc && ! $same ) || ( $same && $best >= 0 && $tie( $c, $best ) < 0 ) ) {
						$best     = $c;
						$best_evc = $evc;
					}
					break;
				}
			}
			if ( $best < 0 ) {
				return $winners;
			}
			$winners[] = $best;
			unset( $prev[ $best ] );
			$share = $p[ $best ]['cost'] / $best_evc;
			foreach ( $approvers[ $best ] as $v ) {
				$money[ $v ] = $money[ $v ] > $share ? $money[ $v ] - $share : 0.0;
			}
		}
	}

	/**
	 * The Method of Equal Shares; with $completion the add1 completion: run again with every
	 * voter's share one currency unit higher (from the whole units of the fair share) and keep the
	 * last outcome that still fits the real budget. It goes on until an outcome would cost more
	 * than the budget (or every project with votes is funded), even when the money left fits no
	 * further project: a higher share can swap projects and spend more (stopping earlier is add1e,
	 * which misses Wieliczka 2023 by three projects). With $comparison the comparison step after.
	 */
	public static function equal_shares( array $e, $completion = true, $comparison = false ) {
		$p         = self::projects( $e );
		$voters    = count( $e['ballots'] ?? array() );
		$approvers = self::approvers( $e, count( $p ) );
		$budget    = (float) $e['budget'];
		$winners   = self::fixed( $p, $approvers, $voters, $budget );
		if ( $completion && $voters ) {
			$b = floor( $budget / $voters ) * $voters;
			for ( ;; ) {
				$chosen = array_flip( $winners );
				$more   = false;
				foreach ( $p as $i => $project ) {
					if ( ! isset( $chosen[ $i ] ) && self::candidate( $project ) && count( $approvers[ $i ] ) > 0 ) {
						$more = true;
						break;
					}
				}
				if ( ! $more ) {
					break;
				}
				$b   += $voters;
				$next = self::fixed( $p, $approvers, $voters, $b );
				if ( self::cost_of( $p, $next ) > $budget ) {
					break;
				}
				$winners = $next;
			}
		}
		$rule = 'equalshares' . ( $completion ? '/add1' : '' ) . ( $comparison ? '-comparison' : '' );
		if ( $comparison ) {
			return self::compare( $e, $p, $approvers, $voters, $winners, $rule );
		}
		return array(
			'rule'     => $rule,
			'selected' => self::ids( $p, $winners ),
			'cost'     => self::cost_of( $p, $winners ),
		);
	}

	/**
	 * The comparison step: equal shares' outcome against greedy's; each voter prefers the outcome
	 * that funds more of the projects they approved. Greedy's counts only when strictly more voters
	 * prefer it (a tie keeps equal shares).
	 */
	private static function compare( array $e, array $p, array $approvers, $voters, array $winners, $rule ) {
		$other = self::greedy( $e );
		$index = array();
		foreach ( $p as $i => $project ) {
			$index[ $project['id'] ] = $i;
		}
		$by_shares = array_fill( 0, $voters, 0 );
		$by_greedy = $by_shares;
		foreach ( $winners as $i ) {
			foreach ( $approvers[ $i ] as $v ) {
				$by_shares[ $v ]++;
			}
		}
		foreach ( $other['selected'] as $id ) {
			foreach ( $approvers[ $index[ $id ] ] as $v ) {
				$by_greedy[ $v ]++;
			}
		}
		$shares = 0;
		$greedy = 0;
		for ( $v = 0; $v < $voters; $v++ ) {
			if ( $by_shares[ $v ] > $by_greedy[ $v ] ) {
				$shares++;
			} elseif ( $by_greedy[ $v ] > $by_shares[ $v ] ) {
				$greedy++;
			}
		}
		$chosen = $greedy > $shares ? 'greedy' : 'shares';
		$funded = 'greedy' === $chosen ? array_map(
			function ( $id ) use ( $index ) {
				return $index[ $id ];
			},
			$other['selected']
		) : $winners;
		return array(
			'rule'       => $rule,
			'selected'   => self::ids( $p, $funded ),
			'cost'       => self::cost_of( $p, $funded ),
			'comparison' => array(
				'shares' => $shares,
				'greedy' => $greedy,
				'chosen' => $chosen,
			),
		);
	}

	/** The summed cost of project indexes. */
	private static function cost_of( array $p, array $winners ) {
		$sum = 0.0;
		foreach ( $winners as $i ) {
			$sum += $p[ $i ]['cost'];
		}
		return $sum;
	}

	/** Project indexes as ids, in order. */
	private static function ids( array $p, array $winners ) {
		return array_map(
			function ( $i ) use ( $p ) {
				return $p[ $i ]['id'];
			},
			$winners
		);
	}
}
