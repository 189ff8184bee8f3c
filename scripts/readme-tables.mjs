// Shared by the README table generators (attributes, events): the manifest's widget classes and
// the rewrite of one generated block between two markers in each widget's README.
import { readFileSync, writeFileSync } from 'node:fs';

/** Every declaration in custom-elements.json (written by `npm run analyze`). */
export function declarations() {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  return manifest.modules.flatMap((m) => m.declarations ?? []);
}

/**
 * Writes `table(decl)` between `start` and `end` in src/<tag>/README.md for every custom element;
 * `check(decl)` may report problems first. Missing markers fail the run (CI compares the result).
 */
export function writeReadmeTables({ what, start, end, table, check = () => {} }) {
  let changed = 0;
  for (const decl of declarations()) {
    if (!decl.tagName || !decl.customElement) continue;
    check(decl);
    const path = `src/${decl.tagName}/README.md`;
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) {
      console.error(`${path}: markers missing (${start} … ${end})`);
      process.exitCode = 1;
      continue;
    }
    const next = `${text.slice(0, from + start.length)}\n${table(decl)}\n${text.slice(to)}`;
    if (next !== text) {
      writeFileSync(path, next);
      changed++;
    }
  }
  console.log(`${what}: ${changed} README(s) rewritten`);
}
