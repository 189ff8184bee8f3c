// The JSX type generator names each event's class (`StIdeaSelectEvent`) but imports only
// `CustomEvent<…>` details, so our Event subclasses stay unresolved and handlers would get `any`.
// Imports them from the package's type entry (dist/types/index.d.ts exports every event class).
import { readFileSync, writeFileSync } from 'node:fs';

export function jsxEventTypesPlugin({ file, from = './index.js' }) {
  return {
    name: 'stadttraum:jsx-event-types',
    packageLinkPhase({ customElementsManifest }) {
      const names = new Set();
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          for (const e of decl.customElement ? (decl.events ?? []) : []) {
            if (/^[A-Z][\w$]*$/.test(e.type?.text ?? '')) names.add(e.type.text);
          }
        }
      }
      const text = readFileSync(file, 'utf8');
      const imported = new Set([...text.matchAll(/import type \{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((s) => s.trim())));
      const missing = [...names].filter((n) => !imported.has(n)).sort();
      if (missing.length) writeFileSync(file, `import type { ${missing.join(', ')} } from "${from}";\n${text}`);
    },
  };
}
