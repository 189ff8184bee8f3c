// `npm test`: makes sure a browser is there, prepares generated sources, runs the browser
// tests, then builds the npm package and checks that it imports in Node.
import { spawnSync } from 'node:child_process';
import { ensureChrome } from './find-chrome.mjs';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const chrome = ensureChrome();
const files = process.argv.slice(2);
run('node', ['scripts/gen-leaflet-css.mjs']);
// The strict-CSP test loads the built script, exactly what webmasters get.
run('npx', ['rollup', '-c', '--silent']);
run('npx', ['wtr', ...(files.length ? ['--files', ...files] : [])], { CHROME_PATH: chrome });
if (!files.length) run('node', ['--test', 'test/node/']);
