// The comparison: fetch the same feed and render ALL cards with plain DOM (no framework, no
// paging), with a search box that filters over all cards by toggling `hidden`.
const n = __params.get('n') ?? '1000';
const fold = (s) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss');
const statusText = {
  new: 'Neu',
  review: 'In Prüfung',
  planned: 'Geplant',
  'in-progress': 'In Umsetzung',
  done: 'Umgesetzt',
  declined: 'Nicht umsetzbar',
};
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
let cards = [];
window.__ready = __waitFor('usable', () => document.querySelector('.card') && document.querySelector('input[type=search]'));
fetch(`/bench/.data/ideas-${n}.json`)
  .then((r) => r.json())
  .then((feed) => {
    const cats = new Map(feed.categories.map((c) => [c.id, c]));
    const app = document.getElementById('app');
    const bar = el('form', 'toolbar');
    const label = el('label', '', 'Suche ');
    const input = el('input');
    input.type = 'search';
    label.append(input);
    bar.append(label);
    const ul = el('ul', 'wall');
    for (const idea of feed.ideas) {
      const li = el('li', 'card');
      const cat = cats.get(idea.category);
      if (cat) li.append(el('span', 'chip', cat.label));
      const h = el('div', 'title');
      h.setAttribute('role', 'heading');
      h.setAttribute('aria-level', '3');
      const b = el('button', '', idea.title);
      b.type = 'button';
      h.append(b);
      li.append(h, el('p', 'desc', idea.description.length > 240 ? `${idea.description.slice(0, 239)}…` : idea.description));
      if (idea.progress !== undefined) {
        const bar = el('div', 'bar');
        const fill = el('span');
        fill.style.width = `${idea.progress}%`;
        bar.append(fill);
        li.append(bar);
      }
      const foot = el('div', 'foot');
      foot.append(
        el('span', 'status', statusText[idea.status] ?? idea.status),
        el('span', 'count', `${idea.supporters} Unterstützer*innen`),
      );
      li.append(foot);
      ul.append(li);
      cards.push({ li, text: fold(`${idea.title} ${idea.description} ${cat?.label ?? ''} ${idea.tags.join(' ')}`) });
    }
    const filter = () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      for (const c of cards) c.li.hidden = !words.every((w) => c.text.includes(w));
    };
    input.addEventListener('input', filter);
    app.append(bar, ul);
  });
window.__keystroke = async (text) => {
  const input = document.querySelector('input[type=search]');
  const t0 = performance.now();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, data: text.slice(-1), inputType: 'insertText' }));
  document.body.offsetHeight;
  const ms = performance.now() - t0;
  return { ms, shown: cards.filter((c) => !c.li.hidden).length };
};
