import { css } from 'lit';

export default css`
  :host {
    --_funded: var(--st-budget-funded, var(--_success));
    --_not: var(--st-budget-not-funded, var(--_danger));
    --st-loading-height: 24rem;
  }
  .base {
    display: grid;
    /* minmax(0, …): the wide table scrolls in its box instead of widening the widget past a phone's screen. */
    grid-template-columns: minmax(0, 1fr);
    gap: 1.25rem;
  }
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 0.25em;
    line-height: 1.25;
  }
  header p,
  .view > p {
    margin: 0 0 0.5em;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0.5rem 0 0;
  }
  .facts dt,
  .check dt {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .facts dd,
  .check dd {
    margin: 0;
    font-weight: 600;
  }
  .now {
    border-inline-start: 4px solid var(--_accent);
    background: var(--_canvas);
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
  }
  .now p {
    margin: 0.25rem 0;
  }
  .when,
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .phases {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.5rem;
  }
  .phase-button {
    display: grid;
    gap: 0.125rem;
    width: 100%;
    min-height: 44px;
    height: 100%;
    text-align: start;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    cursor: pointer;
  }
  .phase-button[aria-pressed='true'] {
    border: 2px solid var(--_accent);
    padding: calc(0.5rem - 1px) calc(0.75rem - 1px);
  }
  .current .phase-button {
    background: var(--_canvas);
  }
  .step {
    display: inline-grid;
    place-items: center;
    width: 1.75em;
    height: 1.75em;
    border-radius: 50%;
    border: 2px solid currentColor;
    font-weight: 700;
  }
  .past .step {
    background: var(--_text);
    color: var(--_surface);
  }
  .current .step {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  .current .name {
    font-weight: 700;
  }
  .projects {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    gap: 0.75rem;
  }
  .project {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
  }
  .project p {
    margin: 0.25rem 0;
  }
  /* A project's title is its heading two levels down (h5 under heading-level 3, h6 under 4): the browser's
     0.83em/0.67em made it smaller than its own description. */
  .project > :first-child {
    font-size: 1.0625em;
  }
  .check {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0 0;
  }
  .badge {
    font-weight: 600;
  }
  .badge.yes {
    color: var(--_success);
  }
  .badge.no {
    color: var(--_danger);
  }
  .summary {
    font-size: 1.125em;
    font-weight: 600;
    margin: 0;
  }
  .summary .meta {
    display: block;
    font-weight: normal;
  }
  .figure {
    margin: 0;
  }
  figcaption {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.5rem;
  }
  .key.funded {
    color: var(--_funded);
  }
  .key.not {
    color: var(--_not);
  }
  /* The budget line's key, drawn like the line (a ┄ glyph was a few pixels wide). */
  .key.line {
    display: inline-block;
    width: 1.5em;
    vertical-align: middle;
    border-top: 2px dashed;
  }
  .chart-box,
  .table-box {
    overflow-x: auto;
    max-width: 100%;
    /* the phone layout below asks the box's width, not the window's */
    container-type: inline-size;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    min-width: 36rem;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.25rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_border);
  }
  tbody th {
    font-weight: 600;
  }
  td:nth-child(3),
  td:nth-child(4),
  td:nth-child(5) {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .why {
    font-size: 0.9em;
    font-weight: 400;
    color: var(--_muted);
  }
  /* A phone: each project takes two lines, its title beside the rank across the row, votes, cost and outcome
     under it, so long German titles get the row's width and no word breaks mid-word; the running total (also in
     the summary and the chart) steps aside; why not funded opens under the title. Grid on the table's own
     elements (subgrid keeps the columns aligned): screen readers still get a table (checked in the tests). */
  @container (max-width: 34rem) {
    table {
      min-width: 0;
      font-size: 0.875em;
    }
    th,
    td {
      padding: 0.25rem 0.1875rem;
    }
    /* words longer than the row hyphenate where the browser can (lang), or wrap anywhere */
    th:nth-child(2) {
      width: 100%;
      hyphens: auto;
      overflow-wrap: anywhere;
    }
    th:nth-child(5),
    td:nth-child(5) {
      display: none;
    }
    /* browsers without subgrid (before Safari 16) keep the one-line rows */
    @supports (grid-template-columns: subgrid) {
      table {
        display: grid;
        /* rank, votes and cost as wide as their longest entry, the outcome takes the rest */
        grid-template-columns: auto auto auto minmax(0, 1fr);
        column-gap: 0.25rem;
      }
      caption,
      thead,
      tbody,
      tr {
        grid-column: 1 / -1;
      }
      thead,
      tbody,
      tr {
        display: grid;
        grid-template-columns: subgrid;
      }
      tr {
        border-bottom: 1px solid var(--_border);
      }
      th,
      td {
        border: 0;
      }
      tr > :first-child {
        grid-row: span 2;
      }
      th:nth-child(2) {
        grid-column: 2 / -1;
      }
      th:nth-child(3),
      th:nth-child(4) {
        text-align: end;
      }
    }
  }
  .status .icon {
    font-size: 1.1em;
  }
  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--_funded);
  }
  .timeline {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  summary {
    cursor: pointer;
    /* list-item keeps the disclosure triangle (flex hid it: "Verlauf" did not look openable); 44 px by padding. */
    display: list-item;
    min-height: 44px;
    box-sizing: border-box;
    padding-block: 10px;
  }
  a.button {
    text-decoration: none;
    display: inline-flex;
    align-items: center;
  }
  @media print {
    .phases,
    .chart-box,
    a.button {
      display: none;
    }
  }
`;
