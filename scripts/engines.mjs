// Firefox and WebKit for the tests, from Debian's packages (as scripts/find-chrome.mjs does for
// Chromium): firefox-esr; webkit2gtk-driver (WebKitWebDriver + MiniBrowser) with xvfb for a display.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const firefoxCandidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);
const miniBrowserCandidates = [
  process.env.MINIBROWSER_PATH,
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
].filter(Boolean);
const webkitDriverCandidates = ['/usr/bin/WebKitWebDriver'];

export const firefoxPath = () => firefoxCandidates.find((p) => existsSync(p));
export const miniBrowserPath = () => miniBrowserCandidates.find((p) => existsSync(p));
export const webkitDriverPath = () => webkitDriverCandidates.find((p) => existsSync(p));
export const xvfbRunPath = () => ['/usr/bin/xvfb-run'].find((p) => existsSync(p));

const packages = {
  firefox: { debian: ['firefox-esr'], found: () => firefoxPath() },
  webkit: { debian: ['webkit2gtk-driver', 'xvfb', 'xauth'], found: () => miniBrowserPath() && webkitDriverPath() && xvfbRunPath() },
};

/**
 * Makes sure the engine is installed; as root on Debian installs its packages (apt-get).
 * Returns null when that is impossible, with the reason.
 */
export function ensureEngine(engine) {
  const p = packages[engine];
  if (!p || p.found()) return { ok: true };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    return { ok: false, reason: `${engine} fehlt (Debian-Pakete: ${p.debian.join(' ')}; Installation braucht root und apt-get)` };
  }
  console.log(`${engine} fehlt: installiere Debians Pakete ${p.debian.join(' ')} (apt-get) …`);
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${p.debian.join(' ')}`, {
      stdio: 'inherit',
    });
  } catch {
    return { ok: false, reason: `apt-get install ${p.debian.join(' ')} ist fehlgeschlagen` };
  }
  return p.found() ? { ok: true } : { ok: false, reason: `${engine} nach apt-get install nicht gefunden` };
}
