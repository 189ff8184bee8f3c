// Public design tokens (`--st-…`) in the manifest: every one the styles read must be documented
// (a @cssprop on the widget class or on WidgetElement), with its fallback as `default`. Each
// colour token's dark-theme twin (`--st-color-text` → `--st-color-text-dark`) is listed next to
// it, described from the light one, so the pair never drifts apart. Fails the analysis when the
// styles use a token no class documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(ts|css)$/.test(e.name) && !e.name.endsWith('.d.ts')) yield p;
  }
}

/** token → { defaults: literal fallbacks, computed: some fallback is not a literal, where: first file that reads it } */
export function scanTokens(root = 'src') {
  const tokens = new Map();
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    for (let i = text.indexOf('var(--st-'); i !== -1; i = text.indexOf('var(--st-', i + 1)) {
      const name = /^--st-[a-z0-9-]+/.exec(text.slice(i + 4))[0];
      const entry = tokens.get(name) ?? { defaults: new Set(), computed: false, where: file };
      tokens.set(name, entry);
      let j = i + 4 + name.length;
      while (/\s/.test(text[j])) j++;
      if (text[j] !== ',') continue;
      // The fallback runs to the paren that closes this var(.
      let depth = 0;
      let k = j + 1;
      for (; k < text.length; k++) {
        if (text[k] === '(') depth++;
        else if (text[k] === ')' && depth-- === 0) break;
      }
      const fallback = text.slice(j + 1, k).trim();
      // Only a literal is a useful default; `var(--_x)` or `${…}` depend on the widget.
      if (/var\(|\$\{/.test(fallback)) entry.computed = true;
      else if (fallback) entry.defaults.add(fallback);
    }
  }
  return tokens;
}

export function tokensPlugin({ root = 'src' } = {}) {
  return {
    name: 'stadttraum:tokens',
    packageLinkPhase({ customElementsManifest }) {
      const used = scanTokens(root);
      const documented = new Set();
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.cssProperties?.length) continue;
          const list = [];
          for (const prop of decl.cssProperties) {
            list.push(prop);
            const twin = `${prop.name}-dark`;
            if (used.has(twin) && !decl.cssProperties.some((p) => p.name === twin)) {
              const base = (prop.description ?? prop.name).replace(/\.$/, '');
              list.push({
                ...prop,
                name: twin,
                description: `${base}, in the dark theme (\`theme="dark"\`, or \`"auto"\` when the visitor's system is dark).`,
                default: undefined,
              });
            }
          }
          for (const prop of list) {
            const token = used.get(prop.name);
            // One literal fallback everywhere → that is the default; several, or computed ones
            // (the loading height differs per widget) → the description says.
            if (prop.default === undefined && token?.defaults.size === 1 && !token.computed) prop.default = [...token.defaults][0];
            if (prop.default === undefined) delete prop.default;
            documented.add(prop.name);
          }
          decl.cssProperties = list;
        }
      }
      const missing = [...used].filter(([name]) => !documented.has(name)).map(([name, { where }]) => `${name} (${where})`);
      if (missing.length) {
        throw new Error(
          `CSS custom properties read by the styles but documented nowhere (add a @cssprop to the widget class or WidgetElement):\n  ${missing.join('\n  ')}`,
        );
      }
    },
  };
}
