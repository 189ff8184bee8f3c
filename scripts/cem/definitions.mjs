// Adds the `custom-element-definition` exports the analyzer cannot see: our widgets register
// through the guarded `define('idea-wall', IdeaWall)` (src/core/define.ts), not a bare
// customElements.define(). The define modules are the package's entry points, so they are read
// from package.json `exports` (./idea-wall.js → dist/lib/idea-wall/idea-wall.js ← src/…/idea-wall.ts).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const rel = (p) => relative(process.cwd(), p).split(sep).join('/');

/** `define('tag', Ident)` / `customElements.define('tag', Ident)` calls and where Ident comes from. */
function findDefinitions(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map();
  const found = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
      for (const el of node.importClause.namedBindings.elements) imports.set(el.name.text, node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      const [tag, ctor] = node.arguments;
      if (
        /^(define|(window\.|globalThis\.)?customElements\.define)$/.test(callee) &&
        tag &&
        ts.isStringLiteral(tag) &&
        ctor &&
        ts.isIdentifier(ctor)
      ) {
        found.push({ tag: tag.text, name: ctor.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map(({ tag, name }) => {
    const spec = imports.get(name);
    // A class declared in the define module itself, or imported from a sibling .js (= .ts source).
    const module = spec ? rel(join(dirname(file), spec.replace(/\.js$/, '.ts'))) : rel(file);
    return { tag, name, module };
  });
}

export function definitionsPlugin({ packageJson = 'package.json' } = {}) {
  return {
    name: 'stadttraum:definitions',
    packageLinkPhase({ customElementsManifest }) {
      const { exports = {} } = JSON.parse(readFileSync(packageJson, 'utf8'));
      const declared = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) if (d.customElement) declared.set(`${rel(mod.path)}#${d.name}`, d);
      }
      for (const target of Object.values(exports)) {
        const shipped = typeof target === 'string' ? target : target?.default;
        const m = /^\.\/dist\/lib\/(.+)\.js$/.exec(shipped ?? '');
        if (!m) continue;
        const file = `src/${m[1]}.ts`;
        const defs = findDefinitions(file).filter((d) => {
          const decl = declared.get(`${d.module}#${d.name}`);
          if (!decl) return false;
          if (decl.tagName && decl.tagName !== d.tag)
            throw new Error(`${file}: defines <${d.tag}> with ${d.name}, whose @tag says <${decl.tagName}>`);
          decl.tagName = d.tag;
          return true;
        });
        if (!defs.length) continue;
        customElementsManifest.modules.push({
          kind: 'javascript-module',
          path: file,
          declarations: [],
          exports: defs.map((d) => ({ kind: 'custom-element-definition', name: d.tag, declaration: { name: d.name, module: d.module } })),
        });
      }
    },
  };
}
