// <idea-wall> with N generated ideas (?n=1000). "Usable": cards and the search box are on screen.
const n = __params.get('n') ?? '1000';
const wall = document.createElement('idea-wall');
wall.setAttribute('src', `/bench/.data/ideas-${n}.json`);
wall.setAttribute('eager', '');
addEventListener('DOMContentLoaded', () => document.body.append(wall));
window.__ready = __waitFor('usable', () => wall.shadowRoot?.querySelector('.card') && wall.shadowRoot.querySelector('input[type=search]'));
/** Resolves after the wall's next update (its render and `updated()`), before any timer it sets. */
let onUpdate;
const probe = { hostUpdated: () => onUpdate && queueMicrotask(onUpdate) };
const nextUpdate = () => new Promise((done) => (onUpdate = done));
/**
 * One search keystroke: the input event until the wall's updates in the input's task (the first,
 * and those it asks for in microtasks, such as more cards down to the bottom of the screen) are
 * laid out (style + layout done): the work before the browser can paint the frame that shows the
 * result. What the wall does after that frame (counting all matches, the cards below the screen)
 * is not in it; it is awaited before the next keystroke.
 */
window.__keystroke = async (text) => {
  const input = wall.shadowRoot.querySelector('input[type=search]');
  wall.addController(probe);
  let updated = nextUpdate();
  performance.mark('st-key');
  if (window.__profile) console.profile('keystroke');
  const t0 = performance.now();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text.slice(-1), inputType: 'insertText' }));
  await updated;
  for (;;) {
    updated = nextUpdate();
    await null;
    if (!wall.isUpdatePending) break;
    await updated;
  }
  onUpdate = undefined;
  wall.shadowRoot.querySelector('.base').getBoundingClientRect();
  document.body.offsetHeight;
  const ms = performance.now() - t0;
  if (window.__profile) console.profileEnd('keystroke');
  performance.mark('st-key-end');
  const shown = wall.shadowRoot.querySelectorAll('.card').length;
  await wall.updateComplete;
  return { ms, shown };
};
