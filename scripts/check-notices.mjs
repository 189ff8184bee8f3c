// Fails when a package whose code ends up in the script-tag build (dist/stadttraum.js, dist/chunks/,
// dist/checker*.js) is not named in dist/THIRD-PARTY-NOTICES.txt, or is named without its licence
// text. It bundles again with Rollup's API, without the licence plugin, and reads which
// node_modules packages have rendered code in any chunk, so a misconfigured plugin, a build
// that is left out, or a notices file from an older build is caught.
// Run after `npm run build` (CI does).
import { rollup } from 'rollup';
import { readFileSync } from 'node:fs';
import configs from '../rollup.config.mjs';

const notices = (() => {
  try {
    return readFileSync('dist/THIRD-PARTY-NOTICES.txt', 'utf8');
  } catch {
    console.error('dist/THIRD-PARTY-NOTICES.txt fehlt: erst `npm run build`.');
    process.exit(1);
  }
})();

/** "…/node_modules/@lit/task/task.js" → "@lit/task" (the innermost node_modules wins). */
const packageOf = (id) => {
  const m = id.replace(/\\/g, '/').match(/.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  return m ? m[1] : null;
};

const bundled = new Map(); // package → the build that bundles it
// Only the builds that bundle dependencies (the npm build in dist/lib leaves them external).
for (const config of configs.filter((c) => !c.external)) {
  const bundle = await rollup({
    ...config,
    plugins: config.plugins.filter((p) => p.name !== 'rollup-plugin-license' && p.name !== 'terser'),
    onwarn() {},
  });
  const { output } = await bundle.generate(config.output);
  await bundle.close();
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    for (const [id, mod] of Object.entries(chunk.modules)) {
      const pkg = mod.renderedLength > 0 && packageOf(id);
      if (pkg && !bundled.has(pkg)) bundled.set(pkg, Object.keys(config.input).join(', '));
    }
  }
}

const version = (pkg) => JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version;
const problems = [];
for (const [pkg, build] of bundled) {
  const header = `\n${pkg} ${version(pkg)}\nLicense: `;
  const at = notices.indexOf(header);
  if (at < 0) {
    problems.push(`${pkg} ${version(pkg)} (bundled by the ${build} build) is missing from dist/THIRD-PARTY-NOTICES.txt`);
    continue;
  }
  const section = notices.slice(at).split(/\n={10,}\n/)[0];
  if (section.includes('(no licence file in the package'))
    problems.push(`${pkg}: the notices have no licence text (the package ships no LICENSE file)`);
}
if (bundled.size === 0) problems.push('no bundled package found: the check itself is broken');
if (problems.length) {
  console.error(
    `third-party notices:\n  ${problems.join('\n  ')}\nRun \`npm run build\`; if it persists, see the notices() plugin in rollup.config.mjs.`,
  );
  process.exit(1);
}
console.log(
  `third-party notices: all ${bundled.size} bundled packages named with their licence (${[...bundled.keys()].sort().join(', ')})`,
);
