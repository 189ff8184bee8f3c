// <idea-wall> with N generated ideas (?n=1000). "Usable": cards and the search box are on screen.
const n = __params.get('n') ?? '1000';
const wall = document.createElement('idea-wall');
wall.setAttribute('src', `/bench/.data/ideas-${n}.json`);
wall.setAttribute('eager', '');
addEventListener('DOMContentLoaded', () => document.body.append(wall));
window.__ready = __waitFor('usable', () => wall.shadowRoot?.querySelector('.card') && wall.shadowRoot.querySelector('input[type=search]'));
/** One search keystroke: the input event until the updated wall is laid out (style + layout done). */
window.__keystroke = async (text) => {
  const input = wall.shadowRoot.querySelector('input[type=search]');
  const t0 = performance.now();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text.slice(-1), inputType: 'insertText' }));
  await wall.updateComplete;
  wall.shadowRoot.querySelector('.base').getBoundingClientRect();
  document.body.offsetHeight;
  const ms = performance.now() - t0;
  const shown = wall.shadowRoot.querySelectorAll('.card').length;
  return { ms, shown };
};
