// `npm test`: makes sure a browser is there, prepares generated sources, runs the browser
// tests, checks that the npm package imports in Node, and tests the WordPress plugin.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { ensureChrome } from './find-chrome.mjs';
import { ensureFonts } from './ensure-fonts.mjs';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const chrome = ensureChrome();
ensureFonts(); // for the visual baselines (test/visual/)
const files = process.argv.slice(2);
run('node', ['scripts/gen-leaflet-css.mjs']);
// The strict-CSP, hostile-page and layout-shift tests load the built script, exactly what webmasters
// get; a clean dist/ so no chunk of an earlier build is left next to it.
rmSync('dist', { recursive: true, force: true });
run('npx', ['rollup', '-c', '--silent']);
run('npx', ['wtr', ...(files.length ? ['--files', ...files] : [])], { CHROME_PATH: chrome });
if (!files.length) {
  run('node', ['--test', 'test/node/']);
  // The WordPress plugin against a real WordPress (Debian's packages, installed when missing: needs root).
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root || existsSync('/usr/share/wordpress')) run('node', ['scripts/test-wordpress.mjs']);
  else console.log('WordPress-Tests übersprungen (brauchen root für apt-get): sudo npm run test:wordpress');
}
