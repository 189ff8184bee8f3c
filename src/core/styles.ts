import { css } from 'lit';

/** The dark palette, shared by `theme="dark"` and `theme="auto"` on a dark page (`resolved-theme`). */
const darkTokens = css`
  /* Native controls, scrollbars and autofill follow the widget's theme, not the page's. */
  color-scheme: dark !important;
  --_text: var(--st-color-text-dark, #eceff1);
  --_surface: var(--st-color-surface-dark, #1f2428);
  --_canvas: var(--st-color-canvas-dark, #15191c);
  --_muted: var(--st-color-muted-dark, #b4bcc2);
  --_border: var(--st-color-border-dark, #4b545b);
  --_accent: var(--st-color-accent-dark, #7cc4dd);
  --_on-accent: var(--st-color-on-accent-dark, #0d1b21);
  --_danger: var(--st-color-danger-dark, #ff9a9e);
  --_success: var(--st-color-success-dark, #8fd6a3);
  --_focus: var(--st-color-focus-dark, #9ccaff);
`;

/**
 * Shared host styles and design tokens. Every public token is `--st-…` with a fallback, so no
 * theme stylesheet is needed and a value set on any ancestor (the CMS's `body`) inherits in.
 * Internals use `--_…`. `!important` on :host survives hostile global resets of the host element.
 * The public tokens are documented on the WidgetElement class (the manifest reads them there).
 */
export const hostStyles = css`
  :host {
    display: block !important;
    /* In a host page that makes every div a flex row: take the room, never shrink to nothing. */
    flex-grow: 1 !important;
    min-width: min(280px, 100vw) !important;
    box-sizing: border-box;
    font-family: var(--st-font-family, inherit);
    line-height: 1.5;
    --_text: var(--st-color-text, #1d2327);
    --_surface: var(--st-color-surface, #ffffff);
    --_canvas: var(--st-color-canvas, #f4f5f2);
    --_muted: var(--st-color-muted, #50575e);
    --_border: var(--st-color-border, #c9cdd1);
    --_accent: var(--st-color-accent, #0b5e7a);
    --_on-accent: var(--st-color-on-accent, #ffffff);
    --_danger: var(--st-color-danger, #a4262c);
    --_success: var(--st-color-success, #1e6b35);
    --_radius: var(--st-radius, 8px);
    --_focus: var(--st-color-focus, #1a5fb4);
    /* Inherited into the shadow tree; !important so a page-wide reset cannot take them away
       (the widget's text colour must match its own background). */
    color: var(--_text) !important;
    color-scheme: light !important;
    overflow-wrap: break-word !important;
    text-align: start !important;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* The ThemeController sets resolved-theme before the first render (dark for theme="dark"). */
  :host([resolved-theme=dark]) {
    ${darkTokens}
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    max-width: 100%;
  }
  fieldset {
    min-inline-size: 0;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .state {
    padding: 1.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .state p {
    margin: 0 0 0.75em;
  }
  .state p:last-child {
    margin-bottom: 0;
  }
  .state details {
    margin-top: 0.75em;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .state summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
  }
  .loading {
    color: var(--_muted);
    min-height: 6em;
  }
  /* The loading box reserves about the height of the first content, so nothing on the page jumps
     when it arrives. Each widget sets its default in --_loading-height; a page may set
     --st-loading-height (on the tag, or for the tag's :not(:defined) fallback too). */
  .state.loading {
    min-height: var(--st-loading-height, var(--_loading-height, 6em));
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
