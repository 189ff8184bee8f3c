// <ehrenamt-card sections="partners"> with N generated partners (?n=5000).
const n = __params.get('n') ?? '5000';
const card = document.createElement('ehrenamt-card');
card.setAttribute('src', `/bench/.data/ehrenamt-${n}.json`);
card.setAttribute('sections', 'partners');
card.setAttribute('eager', '');
addEventListener('DOMContentLoaded', () => document.body.append(card));
window.__ready = __waitFor(
  'usable',
  () => card.shadowRoot?.querySelector('.partner') && card.shadowRoot.querySelector('input[type=search]'),
);
window.__keystroke = async (text) => {
  const input = card.shadowRoot.querySelector('input[type=search]');
  const t0 = performance.now();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text.slice(-1), inputType: 'insertText' }));
  await card.updateComplete;
  card.shadowRoot.querySelector('.partners')?.getBoundingClientRect();
  document.body.offsetHeight;
  const ms = performance.now() - t0;
  return { ms, shown: card.shadowRoot.querySelectorAll('.partner').length };
};
