// The app part of the embed stand-in: fetch the same sample data the widgets use and render it.
const w = new URLSearchParams(location.search).get('w') ?? 'ideas';
const src = {
  ideas: '/demo/data/ideas.json',
  benches: '/demo/data/benches.json',
  ehrenamt: '/demo/data/ehrenamt.json',
  partners: '/demo/data/partners.json',
}[w];
const text = (v) => (v && typeof v === 'object' ? (v.de ?? '') : (v ?? ''));
fetch(src)
  .then((r) => r.json())
  .then((feed) => {
    const items = feed.ideas ?? feed.benches ?? feed.partners ?? (feed.groups ?? []).flatMap((g) => g.partners);
    const ul = document.createElement('ul');
    ul.className = 'cards';
    for (const item of items) {
      const li = document.createElement('li');
      const h = document.createElement('h3');
      h.textContent = text(item.title ?? item.name);
      const p = document.createElement('p');
      p.textContent = text(item.description ?? item.benefit ?? item.location).slice(0, 240);
      li.append(h, p);
      if (item.logo?.src) {
        const img = document.createElement('img');
        img.src = new URL(item.logo.src, new URL(src, location.href)).href;
        img.alt = text(item.name);
        li.append(img);
      }
      ul.append(li);
    }
    document.getElementById('app').replaceChildren(ul);
  });
