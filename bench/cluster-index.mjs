// The map's cluster index (src/map/leaflet/cluster-index.ts) against supercluster 9 (its test
// oracle, a devDependency) building the index for the bench benches, as the map does: once, in a
// fresh page, in code the engine has not optimised yet. Main-thread CPU time (Chrome's ThreadTime
// metric, steadier than wall time on a busy machine) of the first build and of a fifth build in
// the same page (warm), median and minimum of --runs fresh pages, order alternating.
//   node bench/cluster-index.mjs [--runs=9] [--sizes=1000,10000,100000]
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { generate } from './generate.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', 9));
const sizes = arg('sizes', '1000,10000,100000').split(',').map(Number);
const options = '{ radius: 66, extent: 256, maxZoom: 16 }'; // as src/map/leaflet/map-view.ts builds it

/** Each side as one script defining `build(points)`, minified like the map chunk. */
async function bundle(source) {
  const out = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });
  return out.outputFiles[0].text;
}
const sides = {
  ours: await bundle(`import { ClusterIndex } from './src/map/leaflet/cluster-index.ts';
    globalThis.build = (points) => new ClusterIndex(points, ${options});`),
  // The map's old code: GeoJSON features with the point's index as id, one shared properties object.
  supercluster: await bundle(`import Supercluster from 'supercluster';
    const none = {};
    globalThis.build = (points) => new Supercluster({ ...${options}, minPoints: 2 }).load(
      points.map((p, i) => ({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: none })));`),
};

generate({ ideaSizes: [], mapSizes: sizes, partners: 10 });
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const min = (xs) => Math.min(...xs);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
try {
  console.log('| points | first build: ours / supercluster (median, min) | ratio | fifth build (warm): ours / supercluster | ratio |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const points = JSON.parse(readFileSync(`${root}bench/.data/benches-${n}.json`, 'utf8')).benches.map((b) => b.position);
    const out = { ours: { cold: [], warm: [] }, supercluster: { cold: [], warm: [] } };
    for (let r = 0; r < runs; r++) {
      for (const side of r % 2 ? ['ours', 'supercluster'] : ['supercluster', 'ours']) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.goto('about:blank');
        await page.addScriptTag({ content: sides[side] });
        const cdp = await page.createCDPSession();
        await cdp.send('Performance.enable');
        const thread = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
        await page.evaluate((p) => void (globalThis.points = p), points);
        const t0 = await thread();
        await page.evaluate(() => void build(points));
        const t1 = await thread();
        await page.evaluate(() => [1, 2, 3].forEach(() => build(points)));
        const t2 = await thread();
        await page.evaluate(() => void build(points));
        const t3 = await thread();
        out[side].cold.push(t1 - t0);
        out[side].warm.push(t3 - t2);
        await context.close();
      }
    }
    const [o, s] = [out.ours, out.supercluster];
    const f = (x) => `${x.toFixed(1)} ms`;
    console.log(
      `| ${n.toLocaleString('en')} | ${f(median(o.cold))} / ${f(median(s.cold))} (min ${f(min(o.cold))} / ${f(min(s.cold))}) | ${(median(o.cold) / median(s.cold)).toFixed(2)}× | ${f(median(o.warm))} / ${f(median(s.warm))} | ${(median(o.warm) / median(s.warm)).toFixed(2)}× |`,
    );
  }
} finally {
  await browser.close();
}
