import { css } from 'lit';

/**
 * The map's own controls and markers. Sizes in em so large text grows them; every target
 * stays at least 44 px.
 */
export default css`
  :host {
    display: block !important;
    position: relative;
    height: 100%;
    min-height: 240px;
  }
  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .area {
    position: relative;
    flex: 1 1 auto;
    min-height: 200px;
  }
  .bar {
    display: flex;
    justify-content: flex-end;
    padding: 0.35em 0.5em;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
  }
  .leaflet-host {
    position: absolute;
    inset: 0;
    background: var(--_canvas);
    font: inherit;
  }
  /* One finger scrolls the page, two fingers move and zoom the map (no scroll hijacking). */
  .leaflet-host.leaflet-container {
    touch-action: pan-x pan-y !important;
  }
  .leaflet-host:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .controls {
    position: absolute;
    top: 0.6em;
    right: 0.6em;
    z-index: 1000;
    display: flex;
    flex-direction: column;
    gap: 0.4em;
  }
  .ctl {
    padding: 0;
    width: 2.75em;
    height: 2.75em;
    font-size: 1.1em;
    line-height: 1;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.25);
  }
  .withdraw {
    font-size: 0.9em;
    border-width: 1px;
    padding: 0.3em 0.9em;
  }
  .hint {
    position: absolute;
    left: 50%;
    top: 50%;
    z-index: 1001;
    transform: translate(-50%, -50%);
    max-width: min(26em, 90%);
    margin: 0;
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    background: rgb(20 24 27 / 0.88);
    color: #fff;
    text-align: center;
    pointer-events: none;
    opacity: 0;
    transition: opacity 0.2s;
  }
  .hint.on {
    opacity: 1;
  }
  .hint:empty {
    padding: 0;
  }
  .note {
    position: absolute;
    left: 0.6em;
    bottom: 2.6em;
    z-index: 1000;
    max-width: min(30em, calc(100% - 1.2em));
    margin: 0;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.9em;
    /* Only information: a bench under it stays clickable. */
    pointer-events: none;
  }
  .attribution {
    position: absolute;
    right: 0;
    bottom: 0;
    z-index: 1000;
    margin: 0;
    padding: 0.15em 0.5em;
    max-width: 100%;
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.8em;
    border-top-left-radius: var(--_radius);
  }
  .attribution a {
    color: var(--_accent);
  }
  /* Markers: Leaflet positions the .st-icon wrapper; the button inside is the 44 px target. */
  .st-icon {
    background: none;
    border: 0;
  }
  .st-pin,
  .st-cluster {
    display: flex;
    align-items: center;
    justify-content: center;
    width: 44px;
    height: 44px;
    padding: 0;
    margin: 0;
    border: 0;
    background: none;
    cursor: pointer;
    color: var(--_accent);
  }
  .st-pin svg {
    overflow: visible;
    filter: drop-shadow(0 1px 1.5px rgb(0 0 0 / 0.45));
  }
  .st-pin-body {
    fill: currentColor;
    stroke: var(--_surface);
    stroke-width: 2;
  }
  .st-pin-dot {
    fill: var(--_surface);
  }
  .st-pin[aria-current='true'] {
    color: var(--st-map-selected, #b3261e);
  }
  .st-pin[aria-current='true'] svg {
    transform: scale(1.2);
    transform-origin: 50% 100%;
  }
  .st-pin:hover .st-pin-body {
    stroke: var(--_text);
  }
  .st-pin:focus-visible,
  .st-cluster:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    border-radius: 6px;
  }
  .st-cluster span {
    display: flex;
    align-items: center;
    justify-content: center;
    min-width: 2.1em;
    height: 2.1em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    font-size: 0.95em;
    border: 3px solid var(--_surface);
    box-shadow: 0 0 0 2px var(--_accent), 0 1px 4px rgb(0 0 0 / 0.4);
  }
  .st-cluster.medium span {
    min-width: 2.5em;
    height: 2.5em;
  }
  .st-cluster.large span {
    min-width: 2.9em;
    height: 2.9em;
  }
  .st-here {
    display: block;
    width: 22px;
    height: 22px;
    border-radius: 50%;
    background: #1a5fb4;
    border: 4px solid #fff;
    box-shadow: 0 0 0 2px #1a5fb4, 0 1px 4px rgb(0 0 0 / 0.4);
  }
  @media (forced-colors: active) {
    .st-pin-body {
      fill: ButtonText;
      stroke: Canvas;
    }
    .st-cluster span {
      border-color: ButtonText;
      forced-color-adjust: none;
      background: ButtonText;
      color: Canvas;
    }
    .st-here {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
