// The npm package as developers get it: `npm pack`, installed into two fresh apps.
// - vite-app: Vite + TypeScript `strict`, typed properties and events of <idea-wall>; builds to
//   a bundle with only that widget.
// - preact-app: TSX with the package's JSX types; `tsc` passes on correct attributes and fails
//   on a misspelt one.
// - react-app: the same types under React 19's JSX (@types/react).
// Run after `npm run build` (needs dist/, dist/types, custom-elements.json). Only the npm
// registry is used, and the npm cache first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../..', import.meta.url).pathname;
const here = new URL('.', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'stadttraum-consumers-'));
let packed; // npm pack --json: { filename, files: [{ path }] }
let shipped; // paths in the tarball

const sh = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
};
const must = (cmd, args, cwd) => {
  const r = sh(cmd, args, cwd);
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${r.out}`);
  return r.out;
};
const bin = (name) => join(work, 'node_modules', '.bin', name);

before(() => {
  [packed] = JSON.parse(must('npm', ['pack', '--json', '--pack-destination', work], repo).replace(/^[^[]*/, ''));
  shipped = new Set(packed.files.map((f) => f.path));
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: {
        stadttraum: `file:./${packed.filename}`,
        // The versions this repository builds with; Preact and React's types only for the TSX checks.
        vite: pkg.devDependencies.vite,
        typescript: pkg.devDependencies.typescript,
        preact: '11.2.0',
        '@types/react': '19.3.3',
      },
    }),
  );
  must('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], work);
  for (const app of ['vite-app', 'preact-app', 'react-app']) cpSync(join(here, app), join(work, app), { recursive: true });
});

after(() => rmSync(work, { recursive: true, force: true }));

test('every path the manifest names is in the package', () => {
  const manifest = JSON.parse(readFileSync(join(repo, 'custom-elements.json'), 'utf8'));
  const paths = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.module === 'string' && !node.package) paths.add(node.module);
    Object.values(node).forEach(visit);
  };
  for (const mod of manifest.modules) {
    paths.add(mod.path);
    visit(mod);
  }
  assert.ok(shipped.has('custom-elements.json'));
  assert.deepEqual(
    [...paths].filter((p) => !shipped.has(p)),
    [],
  );
  // Each tag has a definition module, the one `stadttraum/<tag>.js` points at.
  const defined = manifest.modules.flatMap((m) =>
    (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => `${e.name} ${m.path}`),
  );
  assert.deepEqual(
    defined.sort(),
    ['ehrenamt-card', 'idea-wall', 'jugend-budget', 'mitfahrbank-map', 'partner-logos'].map(
      (t) => `${t} ${pkg.exports[`./${t}.js`].default.slice(2)}`,
    ),
  );
});

test('the editor data is in the package and package.json points at it', () => {
  const files = { customElements: pkg.customElements, 'web-types': pkg['web-types'] };
  for (const [field, file] of Object.entries(files)) assert.ok(file && shipped.has(file.replace(/^\.\//, '')), `${field}: ${file}`);
  const html = JSON.parse(readFileSync(join(repo, 'dist/ide/vscode.html-custom-data.json'), 'utf8'));
  const wall = html.tags.find((t) => t.name === 'idea-wall');
  // Completion offers the expanded values of a type alias (SortKey), not its name.
  assert.deepEqual(
    wall.attributes
      .find((a) => a.name === 'sort')
      .values.map((v) => v.name)
      .sort(),
    ['newest', 'random', 'status', 'support'],
  );
  for (const f of [
    'dist/ide/vscode.html-custom-data.json',
    'dist/ide/vscode.css-custom-data.json',
    'dist/ide/web-types.json',
    'dist/types/jsx.d.ts',
  ])
    assert.ok(shipped.has(f), f);
  const css = JSON.parse(readFileSync(join(repo, 'dist/ide/vscode.css-custom-data.json'), 'utf8'));
  assert.ok(
    css.properties.some((p) => p.name === '--st-color-accent'),
    'shared tokens in the CSS data',
  );
});

test('Vite + TypeScript strict: typed properties and events type-check', () => {
  // The app also holds @ts-expect-error lines (a wrong sort value, a string page size, a string
  // id used as a number): tsc fails if the types were `any` and those lines compiled.
  must(bin('tsc'), ['-p', 'tsconfig.json'], join(work, 'vite-app'));
});

test('Vite build bundles the one widget it imports, not the others or the map', () => {
  must(bin('vite'), ['build', '--logLevel', 'error'], join(work, 'vite-app'));
  const assets = join(work, 'vite-app', 'dist', 'assets');
  const js = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
  // A registration is a call with the tag as first argument: define("idea-wall",…). (The tag
  // names also appear as keys of the lazily loaded CSV adapters, which is fine.)
  const defines = (tag) => new RegExp(`\\(\\s*["'\`]${tag}["'\`]\\s*,`).test(js);
  assert.ok(defines('idea-wall'), 'the idea wall is registered');
  assert.deepEqual(['mitfahrbank-map', 'ehrenamt-card', 'partner-logos'].filter(defines), [], 'other widgets in the bundle');
  assert.ok(!/leaflet/i.test(js), 'Leaflet is not in the bundle');
});

test('TSX (Preact): correct attributes, values and typed event handlers pass tsc', () => {
  must(bin('tsc'), ['-p', 'tsconfig.json'], join(work, 'preact-app'));
});

test('TSX (Preact): a misspelt attribute (srcc) fails tsc', () => {
  const r = sh(bin('tsc'), ['-p', 'tsconfig.bad.json'], join(work, 'preact-app'));
  assert.notEqual(r.status, 0, 'tsc accepted <idea-wall srcc="…">');
  assert.match(r.out, /misspelt\.tsx\(4,\d+\): error TS\d+:[^\n]*srcc/);
});

test('TSX (React 19): typed attributes and events pass, a misspelt attribute and a wrong value are errors', () => {
  // The two wrong lines carry @ts-expect-error: tsc fails if either of them compiles.
  must(bin('tsc'), ['-p', 'tsconfig.json'], join(work, 'react-app'));
});
