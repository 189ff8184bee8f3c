// What the floor is made of (issue 18): the README's snippet with the tag but no feed
// (bench/.data/first/<tag>-floor.html), split into its parts, medians of --runs fresh loads:
//   page      navigation start -> the page's last byte (one round trip, the static page pays it too)
//   to loader the page's last byte -> the loader's request (parser, preload scanner)
//   loader    the loader's request -> its last byte (one round trip)
//   to chunks the loader's last byte -> the first chunk request (its compile and run, scan, table)
//   chunks    first chunk request -> last chunk byte (one round trip; longer if a request waited
//             for a connection or for another chunk: "waited" counts requests that started later
//             than 5 ms after the first)
//   eval      last chunk byte -> tag defined (compile and evaluation of every chunk, define)
//   render    defined -> first frame (the element's first render, style, layout, the frame)
// and from a DevTools trace (work, steadier than wall time on a busy machine): the main thread's CPU
// time from navigation to the first frame (thread time of its tasks), the chunks' parse on a
// background thread while they stream in, their compile on the main thread (and how many were not
// streamed), module evaluation on the main thread (all modules' top-level code and define), and
// how many functions V8 compiled lazily on the main thread before the first frame, and when the
// chunks' background parse ended, from their last byte (the main thread cannot evaluate them before).
// With --base=<dir> (another build's dist/, e.g. main's in a scratch worktree) both builds are
// measured side by side, alternating run by run, one row each; --static adds the static page's row.
// --defer adds a row for the same page without `async` on the loader's script tag (the snippet before
// the ninth session: the loader then runs only after the document is parsed and first painted).
// --requests lists every request of the floor page and of the widget page with its feed, with its
// start and end (medians from navigation start).
//   node bench/floor-parts.mjs [--no-build] [--runs=5] [--latency=0] [--throttle=1] [--only=idea-wall,…] [--dist=<dir>] [--base=<dir>] [--static] [--defer] [--requests]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { firstContentPages } from './first-content.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';
import { freshPage } from './fresh-page.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', 5));
const latency = Number(arg('latency', 0));
const throttle = Number(arg('throttle', 1));
const only = arg('only', 'idea-wall,ehrenamt-card,mitfahrbank-map,partner-logos').split(',');
const distDir = arg('dist', undefined);
if (!process.argv.includes('--no-build') && !distDir) execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
firstContentPages();
const withDefer = process.argv.includes('--defer');
if (withDefer)
  for (const tag of only) {
    const f = `${root}bench/.data/first/${tag}-floor.html`;
    writeFileSync(
      f.replace(/-floor\.html$/, '-floor-defer.html'),
      readFileSync(f, 'utf8').replace('<script type="module" async src=', '<script type="module" src='),
    );
  }
const baseDir = arg('base', undefined);
const withStatic = process.argv.includes('--static');
const withRequests = process.argv.includes('--requests');
const requestLines = [];
const { server, origin } = await startBenchServer(0, { distDir });
const base = baseDir ? await startBenchServer(0, { distDir: baseDir }) : undefined;
await preload(['bench/.data/', 'demo/data/']);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });

async function once(tag, at = origin, variant = 'floor') {
  const { context, page } = await freshPage(browser, { throttle, latency });
  try {
    await page.tracing.start({
      categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8', 'v8.execute', 'disabled-by-default-v8.compile'],
    });
    await page.goto(`${at}/bench/.data/first/${tag}${variant ? `-${variant}` : ''}.html`, { waitUntil: 'domcontentloaded' });
    const r = await page.evaluate(async () => {
      const done = await window.__first;
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance
        .getEntriesByType('resource')
        .filter((e) => /\/(dist|demo\/data)\//.test(e.name))
        .map((e) => ({ name: e.name.replace(/^.*\/(dist|demo)\//, ''), start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize }));
      return { ...done, page: nav.responseEnd, res };
    });
    const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(tag));
    const mine = (e) => e.pid === nav?.pid && e.ph === 'X';
    const dist = (e) => /\/dist\//.test(e.args?.data?.url ?? e.args?.fileName ?? '');
    const ms = (list) => list.reduce((s, e) => s + e.dur / 1000, 0);
    const compiles = events.filter((e) => mine(e) && e.name === 'v8.compileModule' && dist(e));
    // CPU time (not wall time) of the renderer's main thread from navigation to the first frame:
    // what a busy machine's scheduler cannot stretch.
    const mainTid = events.find((e) => e.name === 'thread_name' && e.pid === nav.pid && e.args?.name === 'CrRendererMain')?.tid;
    const until = nav.ts + r.first * 1000;
    const cpu = events
      .filter(
        (e) => mine(e) && e.tid === mainTid && /^(RunTask|ThreadControllerImpl::RunTask)$/.test(e.name) && e.ts >= nav.ts && e.ts < until,
      )
      .reduce((sum, e) => sum + (e.tdur ?? e.dur) / 1000, 0);
    return {
      ...r,
      cpu,
      parse: ms(events.filter((e) => mine(e) && e.name === 'v8.parseOnBackground' && dist(e))),
      compile: ms(compiles),
      notStreamed: compiles.filter((e) => !e.args?.data?.streamed).length,
      evaluate: ms(events.filter((e) => mine(e) && e.name === 'v8.evaluateModule' && e.ts > nav.ts)),
      // Functions V8 compiled lazily on the main thread (at their first call) until the first frame:
      // what the compile hint moves to a background thread (rollup.config.mjs). A count, steady under load.
      lazy: events.filter((e) => mine(e) && e.tid === mainTid && e.name === 'V8.CompileCode' && e.ts >= nav.ts && e.ts < until).length,
      // When the chunks' background parse (with a compile hint: their whole compile) ends, from their
      // last byte off the network (resource timing): the main thread cannot evaluate them before.
      bgAfter:
        (Math.max(
          ...events
            .filter((e) => mine(e) && e.name === 'v8.parseOnBackground' && /\/chunks\//.test(e.args?.data?.url ?? e.args?.fileName ?? ''))
            .map((e) => e.ts + e.dur),
        ) -
          nav.ts) /
          1000 -
        Math.max(...r.res.filter((e) => e.name.startsWith('chunks/')).map((e) => e.end)),
    };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

try {
  console.log(
    `floor parts, CPU ${throttle}×, latency ${latency} ms, ${runs} runs, medians in ms (load ${(await import('node:os')).loadavg()[0].toFixed(1)})`,
  );
  console.log(
    '| widget | page | to loader | loader | to chunks | chunks (requests, waited) | eval | render | floor | main-thread CPU | parse off-thread / compile / evaluate (trace) | lazy compiles on the main thread | background parse done, ms after the last chunk byte |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const tag of only) {
    const builds = base ? { base: [base.origin], this: [origin] } : { this: [origin] };
    if (withDefer) builds.defer = [origin, 'floor-defer'];
    const rowsOf = Object.fromEntries(Object.keys(builds).map((b) => [b, []]));
    for (let i = 0; i < runs; i++) {
      const order = Object.keys(builds);
      if (i % 2) order.reverse();
      for (const b of order) rowsOf[b].push(parts(await once(tag, ...builds[b])));
    }
    // The static page with the same text (no script): its first content and main-thread CPU.
    if (withStatic) {
      const rows = [];
      for (let i = 0; i < runs; i++) rows.push(await once(tag, origin, 'static'));
      const m = (k) => median(rows.map((r) => r[k]));
      console.log(
        `| \`<${tag}>\` static page | ${m('page').toFixed(0)} | | | | | | | ${m('first').toFixed(0)} | ${m('cpu').toFixed(1)} | | ${m('lazy').toFixed(0)} | |`,
      );
    }
    for (const [b, rows] of Object.entries(rowsOf))
      row(
        `\`<${tag}>\`${{ base: ` (${baseDir})`, this: base ? ' (this build)' : '', defer: ' (this build, snippet without `async`)' }[b]}`,
        rows,
      );
    // --requests: every request of the floor page and of the widget page with its feed, when it
    // started and ended (medians from navigation start): what the first render waits for.
    if (withRequests)
      for (const variant of ['floor', '']) {
        const runsOf = [];
        for (let i = 0; i < runs; i++) runsOf.push(await once(tag, origin, variant));
        const names = [...new Set(runsOf.flatMap((r) => r.res.map((e) => e.name.replace(/-[\w-]{7}\.js$/, '.js'))))];
        const at = (name, k) => median(runsOf.map((r) => r.res.find((e) => e.name.replace(/-[\w-]{7}\.js$/, '.js') === name)?.[k]));
        requestLines.push(
          `\`<${tag}>\` ${variant || 'with its feed'}: page ${median(runsOf.map((r) => r.page)).toFixed(0)}, ${names
            .sort((a, b) => at(a, 'start') - at(b, 'start'))
            .map((n) => `${n} ${at(n, 'start').toFixed(0)}–${at(n, 'end').toFixed(0)}`)
            .join(
              ', ',
            )}; defined ${median(runsOf.map((r) => r.defined)).toFixed(0)}, first frame ${median(runsOf.map((r) => r.first)).toFixed(0)} ms`,
        );
      }
  }
  for (const line of requestLines) console.log(`- ${line}`);
} finally {
  await browser.close();
  server.close();
  base?.server.close();
}

function parts(r) {
  const loader = r.res.find((e) => e.name === 'stadttraum.js');
  const chunks = r.res.filter((e) => e.name.startsWith('chunks/'));
  const first = Math.min(...chunks.map((e) => e.start));
  const last = Math.max(...chunks.map((e) => e.end));
  return {
    page: r.page,
    toLoader: loader.start - r.page,
    loader: loader.end - loader.start,
    toChunks: first - loader.end,
    chunks: last - first,
    n: chunks.length,
    waited: chunks.filter((e) => e.start > first + 5).length,
    kb: chunks.reduce((s, e) => s + e.bytes, 0) / 1024,
    eval: r.defined - last,
    render: r.first - r.defined,
    floor: r.first,
    parse: r.parse,
    compile: r.compile,
    evaluate: r.evaluate,
    notStreamed: r.notStreamed,
    cpu: r.cpu,
    lazy: r.lazy,
    bgAfter: r.bgAfter,
  };
}

function row(name, rows) {
  const m = (k) => median(rows.map((r) => r[k]));
  const f = (k) => m(k).toFixed(0);
  console.log(
    `| ${name} | ${f('page')} | ${f('toLoader')} | ${f('loader')} | ${f('toChunks')} | ${f('chunks')} (${f('n')}, ${f('waited')}; ${m('kb').toFixed(1)} KB gzip) | ${f('eval')} | ${f('render')} | ${f('floor')} | ${m('cpu').toFixed(1)} | ${m('parse').toFixed(1)} / ${m('compile').toFixed(1)} / ${m('evaluate').toFixed(1)} (not streamed: ${f('notStreamed')}) | ${f('lazy')} | ${m('bgAfter').toFixed(1)} |`,
  );
}
