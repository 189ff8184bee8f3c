import { css, unsafeCSS } from 'lit';

/**
 * Names instead of logos: used by `text-only`, by print, and on the smallest screens (and at
 * 400 % zoom). `scope` is a fixed selector from this file, never input; it ends with a space
 * because the build's CSS minifier would remove one written after the `${}`.
 */
const textMode = (scope: string) => {
  const s = unsafeCSS(scope);
  return css`
    ${s}.logos {
      flex-wrap: wrap;
      gap: 0.25em 1.75em;
      align-items: baseline;
    }
    ${s}.item {
      flex: 0 1 auto;
    }
    ${s}.box {
      display: inline;
      width: auto;
      aspect-ratio: auto;
      background: none;
      box-shadow: none;
    }
    ${s}.box img,
    ${s}picture {
      display: none;
    }
    ${s}.box .name {
      display: inline;
      padding: 0;
      font: inherit;
      text-align: start;
    }
    ${s}.link {
      display: inline-flex;
      color: var(--_accent);
      text-decoration: underline;
    }
    ${s}.ext {
      position: static;
      margin-inline-start: 0.25em;
    }
    ${s}.copy,
    ${s}.controls {
      display: none;
    }
    ${s}.track {
      display: block;
      animation: none;
      width: auto;
    }
    ${s}.track > .logos {
      flex-wrap: wrap;
      padding: 0;
    }
    ${s}.viewport {
      mask-image: none;
    }
  `;
};

export default css`
  :host {
    --_gap: var(--st-partner-logos-gap, 1.25rem 2.5rem);
    --_plate: var(--st-partner-logos-plate, #ffffff);
  }
  .group + .group {
    margin-top: 2em;
  }
  h2,
  h3,
  h4,
  h5,
  h6 {
    font-size: 1em;
    font-weight: 600;
    line-height: 1.3;
    margin: 0 0 0.75em;
    color: var(--_text);
  }
  .notice {
    margin: 0.75em 0 0;
    max-width: 60ch;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .fallback ::slotted(*) {
    margin: 0;
  }

  /* Logos: a wrapping row (grid) */
  .logos {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
  }
  /* A logo shrinks to fit, but never below min-height (a readable size): the row wraps instead. */
  .item {
    position: relative;
    flex: 0 1 var(--w, auto);
    min-width: min(100%, var(--minw, 0px));
    max-width: 100%;
  }
  /* A funder's minimum height always wins: such a logo never shrinks. */
  .item.floor {
    flex-shrink: 0;
    max-width: none;
  }
  .link {
    position: relative;
    display: flex;
    align-items: center;
    min-height: 44px;
    border-radius: 2px;
    color: inherit;
    text-decoration: none;
  }
  .link:focus-visible {
    outline-offset: 4px;
  }
  /* The reserved box: width and aspect ratio known before the image arrives. */
  .box {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    width: var(--w, auto);
    max-width: 100%;
    aspect-ratio: var(--ar, auto);
  }
  .box img {
    position: absolute;
    inset: 0;
    display: block;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .name {
    display: none;
  }
  .box.text .name {
    display: block;
    padding: 0.25em;
    font-size: 0.875em;
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .ext {
    position: absolute;
    top: 0;
    inset-inline-end: -1.25em;
    width: 1em;
    height: 1em;
    color: var(--_muted);
  }

  /* Greyscale until hover or focus */
  :host([greyscale]) .grey img {
    filter: grayscale(1);
    transition: filter 0.2s ease;
  }
  :host([greyscale]) .item:hover .grey img,
  :host([greyscale]) .link:focus-visible .grey img {
    filter: none;
  }

  /* Dark theme: logos without a dark variant sit on a light plate so they stay visible. */
  :host([resolved-theme='dark']) .plate {
    background: var(--_plate);
    box-shadow: 0 0 0 6px var(--_plate);
    border-radius: 1px;
  }

  /* Layout row: groups side by side, each group's logos in one line */
  .base.row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 2em 3.5em;
  }
  .row .group {
    flex: 1 1 auto;
    min-width: 0;
    margin: 0;
  }
  /* One line while the logos can keep 60 % of their size; on small screens the line wraps. */
  .row .item {
    flex: 1 1 calc(var(--w) * 0.6);
    max-width: var(--w);
  }
  .row .item.floor {
    flex: none;
  }

  /* Layout strip: moves only when the logos do not fit */
  .controls {
    display: flex;
    justify-content: flex-end;
    margin-bottom: 0.75em;
  }
  .pause .icon {
    width: 1em;
    height: 1em;
  }
  .pause[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .viewport {
    overflow: hidden;
    padding: 8px;
    margin: -8px;
  }
  .track {
    display: flex;
    width: max-content;
  }
  .track > .logos {
    flex-wrap: nowrap;
    flex: none;
  }
  .moving .track > .logos {
    padding-inline-end: 2.5rem;
  }
  .moving .viewport {
    mask-image: linear-gradient(to right, transparent, #000 1.5rem, #000 calc(100% - 1.5rem), transparent);
  }
  .moving .track {
    animation: st-partner-strip var(--_duration, 40s) linear infinite;
  }
  .moving:hover .track,
  .paused .track {
    animation-play-state: paused;
  }
  /* Keyboard focus: stop, and let the band scroll so the focused logo is fully visible. */
  .moving:focus-within .track {
    animation: none;
  }
  .moving:focus-within .viewport {
    overflow-x: auto;
    mask-image: none;
  }
  @keyframes st-partner-strip {
    from {
      transform: translateX(0);
    }
    to {
      transform: translateX(-50%);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .track {
      display: block;
      width: auto;
    }
    .track > .logos {
      flex-wrap: wrap;
      padding: 0;
    }
    .copy,
    .controls {
      display: none;
    }
    .moving .viewport {
      mask-image: none;
    }
  }

  ${textMode('.base.text ')}
  @media print {
    ${textMode(':host ')}
  }
  @media (max-width: 20em) {
    ${textMode(':host ')}
  }
`;
