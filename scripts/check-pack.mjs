// Checks the npm tarball as `npm pack --dry-run --json` lists it (run after `npm run build`):
// - LICENSE, README, the third-party notices and every `exports` target (with its types) are in it;
// - every relative link and image in every shipped Markdown file (README, CHANGELOG, docs/, the
//   widgets' API docs) points at a file that is in it, so the links work on the package page and in
//   node_modules. Code blocks and inline code are skipped (their `src="…"` are examples).
// With --publish (npm's prepublishOnly) it also requires `repository`, `homepage` and `bugs`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { brokenLinks } from './doc-links.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [report] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
);
const packed = new Set(report.files.map((f) => f.path));
const problems = [];

for (const f of ['LICENSE', 'README.md', 'package.json', 'dist/THIRD-PARTY-NOTICES.txt'])
  if (!packed.has(f)) problems.push(`${f} is not in the package`);

/** Every file an `exports` condition points at (a `*` pattern must match at least one file). */
const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(targets));
for (const [subpath, value] of Object.entries(pkg.exports ?? {})) {
  for (const target of targets(value)) {
    const path = posix.normalize(target);
    const ok = path.includes('*')
      ? [...packed].some((f) =>
          new RegExp(
            `^${path
              .split('*')
              .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
              .join('.+')}$`,
          ).test(f),
        )
      : packed.has(path);
    if (!ok) problems.push(`exports["${subpath}"] → ${target} is not in the package`);
  }
}

const docs = [...packed].filter((f) => /\.md$/i.test(f));
let checked = 0;
for (const doc of docs) {
  const r = brokenLinks(doc, readFileSync(doc, 'utf8'), packed);
  checked += r.checked;
  problems.push(...r.problems);
}

if (process.argv.includes('--publish')) {
  for (const field of ['repository', 'homepage', 'bugs']) {
    if (!pkg[field])
      problems.push(
        `package.json has no "${field}": set the public address before publishing, e.g. npm pkg set repository.url=git+https://…`,
      );
  }
}

if (problems.length) {
  console.error(`npm package (${packed.size} files):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `npm package: ${packed.size} files, ${(report.unpackedSize / 1024).toFixed(0)} KB unpacked; LICENSE, notices and all exports present; ${checked} relative links in ${docs.length} Markdown files resolve`,
);
