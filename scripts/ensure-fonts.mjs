// The visual tests compare screenshots: the same text must render with the same font on every
// machine. They use DejaVu Sans (Debian's fonts-dejavu-core), installed here when missing and
// allowed (root with apt-get); without it the visual tests skip themselves and say why.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

export function ensureFonts() {
  if (existsSync(FONT)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Schrift für die Bildvergleiche fehlt: installiere Debians Paket „fonts-dejavu-core“ (apt-get) …');
    execSync(
      'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core)',
      { stdio: 'inherit' },
    );
    return existsSync(FONT);
  }
  console.log('Bildvergleiche werden übersprungen: Schrift DejaVu Sans fehlt (sudo apt-get install fonts-dejavu-core).');
  return false;
}
