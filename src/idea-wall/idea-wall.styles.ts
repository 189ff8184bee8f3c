import { css } from 'lit';

export default css`
  :host {
    /* The first page of cards is taller than the screen: reserve the screen while loading. */
    --_loading-height: 100vh;
    --_note: var(--st-idea-note, #fffbea);
    --_gap: var(--st-idea-gap, 1rem);
    --_s-new: #4a5560;
    --_s-review: #8a5a00;
    --_s-planned: #1f5d99;
    --_s-in-progress: #6b3fa0;
    --_s-done: var(--_success);
    --_s-declined: #8c2f2f;
    --_s-withdrawn: #5d5d5d;
  }
  :host([resolved-theme='dark']) {
    --_note: var(--st-idea-note-dark, #2a2e24);
    --_s-new: #c5ccd3;
    --_s-review: #f0c46b;
    --_s-planned: #9cc6f2;
    --_s-in-progress: #cfb2f2;
    --_s-declined: #f2a7a7;
    --_s-withdrawn: #c4c4c4;
  }
  .base > * + * {
    margin-top: 1rem;
  }
  .title {
    font-size: 1.25em;
    font-weight: 700;
  }
  .intro,
  p {
    margin: 0;
  }
  .muted,
  .ref,
  .count,
  figcaption {
    color: var(--_muted);
    font-size: 0.9em;
  }
  button {
    cursor: pointer;
  }
  .filters > * + * {
    margin-top: 1rem;
  }
  .filters[hidden] {
    display: none;
  }
  .intro.clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .link-button {
    min-height: 44px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .result-count {
    font-weight: 600;
  }
  /* The skip link: out of sight until it has keyboard focus. */
  .skip {
    position: absolute;
    inset-inline-start: -9999px;
    min-height: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 600;
  }
  .skip:focus {
    position: static;
    display: inline-block;
  }
  .base {
    position: relative;
  }
  dl.facts {
    display: block;
    margin: 0;
    font-size: 0.9em;
  }
  .facts div + div {
    margin-top: 0.15em;
  }
  .facts dt,
  .facts dd {
    display: inline;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .facts dt {
    color: var(--_muted);
    font-weight: 600;
  }
  .late {
    color: var(--_danger);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .summary button {
    min-height: 44px;
    padding: 0.35em 0.9em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .summary button[aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    font-weight: 700;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    font-size: 0.9em;
    font-weight: 600;
  }
  .field.search {
    flex: 1 1 14rem;
  }
  .wall {
    list-style: none;
    margin: 1rem 0 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--st-idea-min-width, 16rem)), 1fr));
  }
  .wall:focus {
    outline: none;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.6em;
    padding: 1rem 1rem 0.9rem;
    background: var(--_note);
    border: 1px solid var(--_border);
    border-top: 6px solid var(--_cat, var(--_border));
    border-radius: 2px 2px var(--_radius) var(--_radius);
    box-shadow:
      0 1px 2px rgb(0 0 0 / 0.08),
      0 4px 10px -6px rgb(0 0 0 / 0.2);
  }
  /* Cards below the first screen skip style, layout and paint until the visitor nears them (issue
     18). Not the first eight (two rows on a laptop), which are on screen anyway: containment would
     move their text by a subpixel. The estimate is near a demo card (310-440 px on a laptop, 210-370
     on a phone), so rows drawn above the screen barely move it where there is no scroll anchoring
     (Safari); "auto" keeps a card's real height once drawn. */
  .card:nth-child(n + 9) {
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem;
  }
  :host([layout='list']) .wall {
    grid-template-columns: 1fr;
    gap: 0;
  }
  :host([layout='list']) .card {
    box-shadow: none;
    border-radius: 0;
    border-width: 0 0 1px 6px;
    border-left-color: var(--_cat, var(--_border));
    background: var(--_surface);
    padding: 0.75rem 1rem;
  }
  :host([layout='list']) .desc {
    -webkit-line-clamp: 2;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 0.75em;
    align-items: center;
  }
  .chip {
    font-size: 0.85em;
    font-weight: 600;
    padding: 0.05em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_cat, var(--_border));
    background: var(--_surface);
  }
  .chip.unknown {
    border-style: dashed;
  }
  .card-title {
    font-size: 1.1em;
    font-weight: 700;
    line-height: 1.3;
  }
  .open {
    all: unset;
    /* a 44 px target even for a one-line title; the text itself keeps its look */
    display: flex;
    align-items: center;
    min-height: 44px;
    cursor: pointer;
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.2em;
    overflow-wrap: anywhere;
  }
  .open:hover {
    text-decoration-thickness: 2px;
  }
  .open:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .desc {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 5;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .foot {
    margin-top: auto;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-size: 0.9em;
    font-weight: 600;
    padding: 0.1em 0.6em 0.1em 0.4em;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
    background: var(--_surface);
    color: var(--_status, var(--_text));
  }
  .s-unknown {
    border-style: dashed;
  }
  .summary .icon {
    color: var(--_status);
  }
  .support {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .support-button {
    padding: 0.3em 0.8em;
  }
  .support-button.on {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .message {
    flex-basis: 100%;
  }
  .error-text {
    color: var(--_danger);
    font-weight: 600;
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 0.6em;
  }
  .bar {
    flex: 1;
    height: 0.5em;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_muted);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--_accent);
  }
  .more {
    text-align: center;
  }
  @media (max-width: 30rem) {
    .summary button {
      min-height: 44px;
      padding: 0.2em 0.7em;
      font-size: 0.9em;
    }
    .field {
      flex: 1 1 100%;
    }
  }
  @media print {
    .toolbar,
    .summary,
    .more,
    .submit-open,
    .form,
    .support-button,
    dialog {
      display: none !important;
    }
    .wall {
      display: block;
    }
    .card {
      display: block;
      break-inside: avoid;
      box-shadow: none;
      background: none;
      border: 0;
      border-bottom: 1px solid #999;
      padding: 0.5rem 0;
    }
    .card > * + * {
      margin-top: 0.25rem;
    }
    .desc {
      display: block;
    }
    /* Every card on paper, none left as an empty placeholder. */
    .card:nth-child(n + 9) {
      content-visibility: visible;
    }
    .open {
      text-decoration: none;
    }
  }
`;
