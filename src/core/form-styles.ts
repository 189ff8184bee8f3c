import { css } from 'lit';

/**
 * The one look of text fields, selects and text areas in every widget: 44 px high, a border
 * with 3:1 contrast (`--_muted`), the widget's surface and radius. `:where()` keeps the
 * specificity at zero, so a widget's own rule (an invalid field's red border, a width) always
 * wins. In the core chunk (80 bytes gzip there): as a chunk of its own it was one more request on
 * the first render of the idea wall, the card and the map.
 */
export const formStyles = css`
  :where(input:not([type='checkbox'], [type='radio'], [type='hidden']), select, textarea) {
    min-height: 44px;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 400;
  }
  :where(input:not([type='checkbox'], [type='radio'], [type='hidden']), select, textarea):hover {
    border-color: var(--_text);
  }
`;
