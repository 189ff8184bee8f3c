// Finds a Chrome/Chromium for the tests; on a fresh Debian machine as root, installs Debian's
// `chromium` (npm tools that download their own browser cannot work without internet).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);

export function findChrome() {
  return candidates.find((p) => existsSync(p));
}

export function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Kein Chrome/Chromium gefunden: installiere Debians Paket „chromium“ (apt-get) …');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    const installed = findChrome();
    if (installed) return installed;
  }
  console.error(
    [
      'Für die Tests wird Chrome oder Chromium gebraucht, aber keins wurde gefunden.',
      '  Debian/Ubuntu:  sudo apt-get install chromium',
      '  Oder auf ein vorhandenes zeigen:  CHROME_PATH=/pfad/zu/chrome npm test',
      `Gesucht in: ${candidates.join(', ')}`,
    ].join('\n'),
  );
  process.exit(1);
}

/** Flags headless Chromium needs as root and on a machine without internet. */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Test files run in parallel pages; keep background pages painting (rAF, IntersectionObserver).
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];
