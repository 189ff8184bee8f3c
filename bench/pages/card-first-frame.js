// <ehrenamt-card> with the demo feed, drawn again and again in one page (bench/card-first-frame.mjs):
// from handing it the feed to the end of the layout of the first frame that shows it, and to the
// whole card (updateComplete, laid out). ?cv: the check and the partners get `content-visibility:
// auto` (the other way to spare the first frame their layout), ?runs=N.
const params = new URLSearchParams(location.search);
const runs = Number(params.get('runs') ?? 15);
const feed = fetch('/demo/data/ehrenamt.json').then((r) => r.text());
const sheet = new CSSStyleSheet();
sheet.replaceSync('.check, .partners { content-visibility: auto; contain-intrinsic-size: auto 1000px; }');
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const layout = () => document.documentElement.getBoundingClientRect();

async function once() {
  const el = document.createElement('ehrenamt-card');
  el.setAttribute('eager', '');
  document.getElementById('box').append(el);
  await customElements.whenDefined('ehrenamt-card');
  if (params.has('cv')) el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
  await el.updateComplete;
  await frame();
  await frame();
  const text = await feed;
  const t0 = performance.now();
  el.data = JSON.parse(text); // a new object each time, as a fetched feed is
  let first, firstElements;
  for (;;) {
    await frame();
    if (el.shadowRoot.querySelector('[part="base"]')) {
      layout();
      first = performance.now() - t0;
      firstElements = el.shadowRoot.querySelectorAll('*').length;
      break;
    }
  }
  await el.updateComplete;
  layout();
  const all = performance.now() - t0;
  const elements = el.shadowRoot.querySelectorAll('*').length;
  el.remove();
  return { first, all, firstElements, elements };
}

window.__run = (async () => {
  const out = [];
  for (let i = 0; i < runs + 3; i++) {
    const r = await once();
    if (i >= 3) out.push(r); // three warm-up rounds: chunks, JIT
  }
  return out;
})();
