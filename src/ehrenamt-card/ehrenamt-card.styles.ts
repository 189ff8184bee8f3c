import { css } from 'lit';

export default css`
  :host {
    /* Card, check and partner list are taller than the screen: reserve the screen while loading. */
    --_loading-height: 100vh;
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 2.5em;
  }
  .h {
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 0.6em;
  }
  .h0 {
    font-size: 1.3em;
  }
  .h1 {
    font-size: 1.05em;
    margin-top: 1.2em;
  }
  p {
    margin: 0 0 0.75em;
  }
  ul {
    margin: 0 0 0.75em;
    padding-left: 1.25em;
  }
  .note {
    color: var(--_muted);
    font-size: 0.95em;
  }
  .pre {
    white-space: pre-line;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .icon {
    width: 1.25em;
    height: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }

  /* the card */
  .intro {
    display: grid;
    gap: 1.5em 2em;
    grid-template-columns: minmax(0, 20em) minmax(0, 1fr);
    align-items: start;
  }
  .cards {
    display: grid;
    gap: 1em;
  }
  .card {
    aspect-ratio: 85.6 / 54;
    border-radius: calc(var(--_radius) * 1.5);
    padding: 1em 1.2em;
    display: flex;
    flex-direction: column;
    background: linear-gradient(135deg, var(--_tier) 55%, color-mix(in srgb, var(--_tier) 70%, #000) 100%);
    color: var(--_ink);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
    position: relative;
    overflow: hidden;
  }
  .card::after {
    content: '';
    position: absolute;
    right: -18%;
    top: -30%;
    width: 60%;
    aspect-ratio: 1;
    border-radius: 50%;
    background: rgb(255 255 255 / 0.12);
  }
  .card > * {
    position: relative;
    z-index: 1;
  }
  .card-issuer {
    font-size: 0.8em;
  }
  .card-name {
    font-weight: 700;
    font-size: 1.15em;
    line-height: 1.2;
    margin-top: 0.3em;
  }
  .card-tier {
    margin-top: auto;
    font-weight: 600;
  }
  .card-foot {
    display: flex;
    /* region and validity side by side; on a narrow card the validity takes its own line instead of squeezing both */
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1em;
    font-size: 0.8em;
  }
  .about > .h:first-child {
    margin-top: 0;
  }
  .who p {
    margin-bottom: 0.25em;
  }
  .rules ul,
  .tree ul {
    margin: 0.25em 0;
  }
  .as-text {
    font-style: italic;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 1em;
    align-items: baseline;
    margin: 0 0 1em;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  /* the check */
  .check,
  .partners {
    border-top: 1px solid var(--_border);
    padding-top: 1.5em;
  }
  form {
    display: grid;
    gap: 1em;
    max-width: 40em;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.35em;
    border: 0;
    margin: 0;
    padding: 0;
  }
  label,
  legend {
    font-weight: 600;
    padding: 0;
  }
  .with-unit {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  input[type='number'] {
    width: 7em;
  }
  label.flag {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    font-weight: 400;
    min-height: 44px;
    padding: 0.5em 0;
  }
  label.flag > span {
    min-width: 0; /* long compound words wrap at large text sizes instead of overflowing */
  }
  label.flag input {
    width: 1.25em;
    height: 1.25em;
    margin: 0.15em 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .result {
    margin-top: 1.5em;
    max-width: 48em;
  }
  .result .h:focus {
    outline-offset: 4px;
  }
  .outcome {
    border: 1px solid var(--_border);
    border-left: 6px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 1em 1.25em;
    margin-bottom: 1em;
  }
  .outcome.yes {
    border-left-color: var(--_success);
  }
  .outcome.no {
    border-left-color: var(--_danger);
  }
  .verdict {
    display: flex;
    gap: 0.5em;
  }
  .mark {
    font-weight: 700;
    display: inline-block;
    width: 1.2em;
  }
  .yes > .mark,
  .yes > .verdict .mark {
    color: var(--_success);
  }
  .no > .mark,
  .no > .verdict .mark {
    color: var(--_danger);
  }
  .tree {
    list-style: none;
    padding-left: 0;
  }
  .tree ul {
    list-style: none;
    padding-left: 1.5em;
  }
  .detail {
    color: var(--_muted);
  }

  /* partners */
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1em;
    align-items: end;
  }
  .tools .search {
    flex: 1 1 16em;
  }
  .tools input {
    width: 100%;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 1em 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
    padding: 0.3em 0.9em 0.3em 0.4em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    cursor: pointer;
  }
  .chip:first-child {
    padding-left: 0.9em;
  }
  .chip[aria-pressed='true'] {
    border: 2px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    font-weight: 600;
  }
  .count {
    color: var(--_muted);
  }
  .cat-icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2em;
    height: 2em;
    border-radius: 50%;
    background: var(--_cat, var(--_muted));
    color: #fff;
    flex: none;
  }
  .cat-icon .icon {
    width: 1.1em;
    height: 1.1em;
  }
  .status {
    color: var(--_muted);
    min-height: 1.5em;
  }
  .list {
    list-style: none;
    padding: 0;
    margin: 0 0 1em;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 19em), 1fr));
    gap: 1em;
  }
  .partner {
    display: flex;
    gap: 0.75em;
    padding: 1em;
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_cat, var(--_border));
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .partner .cat-icon {
    width: 2.5em;
    height: 2.5em;
  }
  .partner .body {
    min-width: 0;
  }
  .partner .h {
    margin: 0 0 0.1em;
    font-size: 1.05em;
  }
  .partner p {
    margin: 0 0 0.35em;
  }
  .meta,
  .address,
  .hours {
    color: var(--_muted);
    font-size: 0.95em;
  }
  .benefit {
    font-weight: 600;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    overflow-wrap: anywhere;
  }
  .links a,
  dd a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
  .map {
    margin: 0 0 1em;
  }
  .details {
    border: 0;
    padding: 0;
    background: none;
  }
  button.link {
    min-height: 44px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .disclose {
    all: unset;
    display: flex;
    gap: 0.5em;
    min-height: 44px;
    align-items: center;
    cursor: pointer;
  }
  .disclose:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .chips[hidden],
  .sec[hidden] {
    display: none;
  }
  /* Narrow widget (set by WidthController), whatever the viewport. */
  :host([narrow]) .intro {
    grid-template-columns: minmax(0, 1fr);
  }
  :host([narrow]) .cards {
    max-width: 20em;
  }
`;
