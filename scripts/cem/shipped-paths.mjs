// The analyzer names the TypeScript sources (src/x/y.ts); the package ships dist/lib/x/y.js
// (rollup's preserveModules with root src/). Rewrites every module reference to the shipped file,
// so tools that import from the manifest's paths (IDE plugins, Storybook, catalogues) find them.
import { isAbsolute, relative, sep } from 'node:path';

// Module paths come absolute (the type checker's program); superclass and mixin references as
// the analyzer resolved their import (`../../src/core/widget-element.js`).
const toShipped = (p) => {
  const rel = (isAbsolute(p) ? relative(process.cwd(), p) : p)
    .split(sep)
    .join('/')
    .replace(/^(\.\.?\/)+/, '');
  const m = /^src\/(.+)\.(ts|js)$/.exec(rel);
  return m ? `dist/lib/${m[1]}.js` : rel;
};

export function shippedPathsPlugin() {
  return {
    name: 'stadttraum:shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      // Every object with a `module` (inheritedFrom, superclass, mixins, export declarations)
      // and every module's own `path`.
      const visit = (node) => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object') return;
        if (typeof node.module === 'string' && !node.package) node.module = toShipped(node.module);
        for (const value of Object.values(node)) visit(value);
      };
      for (const mod of customElementsManifest.modules) {
        mod.path = toShipped(mod.path);
        visit(mod.declarations);
        visit(mod.exports);
      }
    },
  };
}
