// The analyzer plugins in scripts/cem/ that make custom-elements.json fit the shipped package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokensPlugin } from '../../scripts/cem/tokens.mjs';
import { shippedPathsPlugin } from '../../scripts/cem/shipped-paths.mjs';
import { definitionsPlugin } from '../../scripts/cem/definitions.mjs';

/** Runs `fn` inside a fresh directory holding `files` (the plugins resolve paths from the cwd). */
function inProject(files, fn) {
  const dir = mkdtempSync(join(tmpdir(), 'cem-'));
  const cwd = process.cwd();
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    process.chdir(dir);
    return fn(dir);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
}

const styles = {
  'src/core/styles.ts':
    'css`:host { color: var(--st-color-text, #1d2327); } :host([theme=dark]) { color: var(--st-color-text-dark, #eceff1); }`',
  'src/w/w.styles.ts': 'css`.x { height: var(--st-loading-height, calc(var(--_h) + 1em)); gap: var(--st-w-gap, 1rem); }`',
};
const element = (cssProperties) => ({
  modules: [
    { path: 'src/w/w.component.ts', declarations: [{ kind: 'class', name: 'W', customElement: true, tagName: 'x-w', cssProperties }] },
  ],
});

test('tokens: defaults come from the styles, each colour gets its dark twin', () => {
  inProject(styles, () => {
    const cem = element([
      { name: '--st-color-text', description: 'Text colour.' },
      { name: '--st-w-gap', description: 'Gap.' },
      { name: '--st-loading-height', description: 'Reserved height (per widget).' },
    ]);
    tokensPlugin().packageLinkPhase({ customElementsManifest: cem });
    const props = Object.fromEntries(cem.modules[0].declarations[0].cssProperties.map((p) => [p.name, p]));
    assert.equal(props['--st-color-text'].default, '#1d2327');
    assert.equal(props['--st-color-text-dark'].default, '#eceff1');
    assert.match(props['--st-color-text-dark'].description, /^Text colour, in the dark theme/);
    assert.equal(props['--st-w-gap'].default, '1rem');
    // A computed fallback has no single default to claim.
    assert.equal('default' in props['--st-loading-height'], false);
  });
});

test('tokens: a token the styles read but no class documents fails the analysis, naming it', () => {
  inProject(styles, () => {
    const cem = element([{ name: '--st-color-text', description: 'Text colour.' }]);
    assert.throws(
      () => tokensPlugin().packageLinkPhase({ customElementsManifest: cem }),
      (e) =>
        /--st-w-gap \(src\/w\/w\.styles\.ts\)/.test(e.message) &&
        /--st-loading-height/.test(e.message) &&
        !/--st-color-text-dark/.test(e.message),
    );
  });
});

test('shipped paths: sources and resolved imports become the files under dist/lib', () => {
  inProject({}, (dir) => {
    const cem = {
      modules: [
        {
          path: join(dir, 'src/w/w.component.ts'),
          declarations: [
            {
              name: 'W',
              superclass: { name: 'Base', module: '../../src/core/base.js' },
              mixins: [{ name: 'M', module: 'src/w/m.ts' }],
              attributes: [
                { name: 'a', inheritedFrom: { name: 'Base', module: 'src/core/base.ts' } },
                { name: 'b', inheritedFrom: { name: 'LitElement', package: 'lit' } },
              ],
            },
          ],
          exports: [{ kind: 'js', name: 'W', declaration: { name: 'W', module: 'src/w/w.component.ts' } }],
        },
      ],
    };
    shippedPathsPlugin().packageLinkPhase({ customElementsManifest: cem });
    const mod = cem.modules[0];
    assert.equal(mod.path, 'dist/lib/w/w.component.js');
    assert.equal(mod.declarations[0].superclass.module, 'dist/lib/core/base.js');
    assert.equal(mod.declarations[0].mixins[0].module, 'dist/lib/w/m.js');
    assert.equal(mod.declarations[0].attributes[0].inheritedFrom.module, 'dist/lib/core/base.js');
    assert.equal(mod.declarations[0].attributes[1].inheritedFrom.package, 'lit');
    assert.equal(mod.exports[0].declaration.module, 'dist/lib/w/w.component.js');
  });
});

test('definitions: the guarded define() in each exported entry becomes a custom-element-definition', () => {
  const files = {
    'package.json': JSON.stringify({
      exports: { '.': { default: './dist/lib/index.js' }, './x-w.js': { types: './dist/types/w/w.d.ts', default: './dist/lib/w/w.js' } },
    }),
    'src/index.ts': "export { W } from './w/w.component.js';",
    'src/w/w.ts': "import { define } from '../core/define.js';\nimport { W } from './w.component.js';\n\ndefine('x-w', W);\n",
  };
  inProject(files, () => {
    const cem = { modules: [{ path: 'src/w/w.component.ts', declarations: [{ kind: 'class', name: 'W', customElement: true }] }] };
    definitionsPlugin().packageLinkPhase({ customElementsManifest: cem });
    assert.equal(cem.modules[0].declarations[0].tagName, 'x-w');
    assert.deepEqual(cem.modules[1], {
      kind: 'javascript-module',
      path: 'src/w/w.ts',
      declarations: [],
      exports: [{ kind: 'custom-element-definition', name: 'x-w', declaration: { name: 'W', module: 'src/w/w.component.ts' } }],
    });
  });
});
