/** What the host page can read about a result (the `result` property and the event's detail). */
export interface BudgetResult {
  /** Funded project ids, in the order the rule chose them (published: feed order). */
  readonly selected: readonly string[];
  /** What the funded projects cost together. */
  readonly totalCost: number;
  readonly budget: number;
  readonly currency: string;
  /** The rule as the feed names it (`greedy`, `equalshares/add1`, …). */
  readonly rule: string;
  /** `true` when the widget computed the result, `false` when the feed published it. */
  readonly computed: boolean;
}

/** Fired when the result is known (published or computed); bubbles and crosses the shadow boundary. */
export class StBudgetResultEvent extends Event {
  static readonly eventName = 'st-budget-result';
  readonly detail: BudgetResult;
  constructor(detail: BudgetResult) {
    super(StBudgetResultEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'st-budget-result': StBudgetResultEvent;
  }
}
