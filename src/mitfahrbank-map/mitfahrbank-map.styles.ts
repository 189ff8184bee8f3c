import { css } from 'lit';

export default css`
  :host {
    /* About the first render: intro, search and view switch above the map; at most the screen. */
    --_loading-height: min(100vh, calc(var(--st-map-height, max(clamp(320px, 60vh, 560px), 18em)) + 24em));
  }
  .base {
    display: grid;
    gap: 0.75em;
  }
  p {
    margin: 0;
  }
  .pre {
    white-space: pre-line;
  }
  .muted {
    color: var(--_muted);
  }
  .intro {
    display: grid;
    gap: 0.4em;
  }
  .region-title {
    font-weight: 700;
    font-size: 1.1em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75em 1em;
  }
  .field {
    display: grid;
    gap: 0.25em;
    flex: 1 1 14em;
    max-width: 24em;
  }
  label {
    font-weight: 600;
  }
  .switch {
    display: inline-flex;
    margin-left: auto;
  }
  .switch .button {
    border-radius: 0;
  }
  .switch .button:first-child {
    border-radius: var(--_radius) 0 0 var(--_radius);
  }
  .switch .button:last-child {
    border-radius: 0 var(--_radius) var(--_radius) 0;
    margin-left: -2px;
  }
  .switch .button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .nearest svg {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  .status {
    color: var(--_muted);
  }
  .message {
    padding: 0.6em 0.9em;
    border-left: 4px solid var(--_accent);
    background: var(--_surface);
  }
  st-map[hidden] {
    display: none !important;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .item {
    display: grid;
    gap: 0.2em;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .name {
    font-size: 1.05em;
  }
  .link {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 700;
    text-align: left;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .link:hover {
    text-decoration-thickness: 2px;
  }
  .link.small {
    font-weight: 400;
    min-height: 44px;
  }
  .bench-details {
    display: grid;
    gap: 0.35em;
  }
  .details-name {
    font-size: 1.15em;
    padding-right: 2.5em;
  }
  .sub {
    margin-top: 0.5em;
    font-weight: 700;
  }
  .bench-details ul {
    margin: 0;
    padding-left: 1.2em;
  }
  .bench-details li + li {
    margin-top: 0.2em;
  }
  figure {
    margin: 0.4em 0;
  }
  figure img {
    display: block;
    width: 100%;
    height: auto;
    max-height: 14em;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  figcaption {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .region {
    display: grid;
    gap: 0.4em;
  }
  .region details {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0 1em;
  }
  .region summary {
    min-height: 44px;
    display: flex;
    align-items: center;
    font-weight: 700;
    cursor: pointer;
  }
  .region details p {
    padding-bottom: 0.9em;
  }
`;
