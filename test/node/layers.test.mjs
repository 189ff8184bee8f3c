// The layer rules (.dependency-cruiser.cjs) run against small trees in a temporary folder: the
// real tree passes (`npm run lint`); here each forbidden shape must fail with its rule's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const config = join(root, '.dependency-cruiser.cjs');
const cruiser = join(root, 'node_modules', '.bin', 'depcruise');

/** Writes the files into a fresh tree and runs the layer rules on its src/. */
function cruise(files) {
  const dir = mkdtempSync(join(tmpdir(), 'st-layers-'));
  try {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'ES2022', moduleResolution: 'bundler', strict: true } }),
    );
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const r = spawnSync(cruiser, ['src', '--config', config, '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const base = {
  'src/core/log.ts': 'export const warn = (m: string) => m;\n',
  'src/idea-wall/idea-wall.ts': "import { warn } from '../core/log.js';\nexport const wall = warn;\n",
  'src/mitfahrbank-map/mitfahrbank-map.ts': "import { warn } from '../core/log.js';\nexport const map = warn;\n",
};

test('a tree that keeps the layers passes', () => {
  const r = cruise(base);
  assert.equal(r.status, 0, r.out);
});

const broken = [
  [
    'widget-imports-core-map-csv-itself',
    { 'src/idea-wall/x.ts': "import type { map } from '../mitfahrbank-map/mitfahrbank-map.js';\nexport type X = typeof map;\n" },
  ],
  ['core-imports-only-core', { 'src/core/x.ts': "import type { wall } from '../idea-wall/idea-wall.js';\nexport type X = typeof wall;\n" }],
  [
    'no-circular',
    {
      'src/core/a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n",
      'src/core/b.ts': "import type { A } from './a.js';\nexport interface B { a?: A }\n",
    },
  ],
  ['file-outside-the-layers', { 'src/stuff/x.ts': "import { warn } from '../core/log.js';\nexport const x = warn;\n" }],
  ['lone-file-outside-the-layers', { 'src/lone.ts': 'export const lone = 1;\n' }],
  [
    'leaflet-only-lazily',
    {
      'src/map/leaflet/view.ts': 'export const view = 1;\n',
      'src/map/st-map.ts': "import { view } from './leaflet/view.js';\nexport const m = view;\n",
    },
  ],
];

for (const [rule, files] of broken) {
  test(`fails with ${rule}`, () => {
    const r = cruise({ ...base, ...files });
    assert.notEqual(r.status, 0, r.out);
    assert.match(r.out, new RegExp(`\\b${rule}\\b`));
  });
}
