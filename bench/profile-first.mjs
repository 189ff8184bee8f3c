// Where a widget's time goes between "its tag is defined and its feed is in" and its first
// content frame (issue 18, the demo-size feeds): a DevTools timeline trace of each widget's
// first-content page (bench/first-content.mjs), and per widget the renderer main thread's work in
// that gap, by kind (script, style, layout, paint, compile …) and the tasks it ran in, and how many
// layout objects and elements it laid out and styled (counts that do not swing with the load).
// With --span=eval the window is instead "its last code chunk arrived" to "its tag is defined":
// module evaluation of loader, core, valibot and the widget, on the floor page (no feed); with
// --span=page it is the whole widget page (--floor: the floor page, --static: the static page with the same
// text), navigation start to first content. --ideas=1000 profiles
// the idea wall's "usable" page of `npm run bench` (bench/pages/idea-wall.html, N ideas) instead,
// from navigation start to usable (--vanilla: the vanilla-DOM page it is compared with). --tasks lists
// each task over 3 ms in the window with its work by kind and its busiest functions.
//   node bench/profile-first.mjs [--no-build] [--throttle=1] [--latency=0] [--only=ehrenamt-card] [--span=eval|page] [--floor|--static] [--ideas=1000 [--vanilla]] [--tasks]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { firstContentPages } from './first-content.mjs';
import { preload, startBenchServer } from './server.mjs';
import { chromeArgs, ensureChrome } from '../scripts/find-chrome.mjs';
import { freshPage } from './fresh-page.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const throttle = Number(arg('throttle', 1));
const latency = Number(arg('latency', 0));
const span = arg('span', 'render');
const ideas = arg('ideas', '');
const only = ideas
  ? [process.argv.includes('--vanilla') ? 'vanilla-ideas' : 'idea-wall']
  : arg('only', 'idea-wall,ehrenamt-card,mitfahrbank-map,jugend-budget,partner-logos').split(',');
if (!process.argv.includes('--no-build')) execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: 'inherit' });
await firstContentPages();
const { server, origin } = await startBenchServer(0);
await preload(['bench/.data/', 'demo/data/']);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });

/** The usable page's stamps, named like the first-content probe's: code and feed arrived, usable. */
async function usableStamps() {
  const first = await window.__ready;
  const end = (test) =>
    Math.max(
      0,
      ...performance
        .getEntriesByType('resource')
        .filter((e) => test(e.name))
        .map((e) => e.responseEnd),
    );
  const requests = performance
    .getEntriesByType('resource')
    .map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]);
  return { first, code: end((u) => u.includes('/dist/')), feed: end((u) => u.includes('/.data/')), defined: 0, requests };
}

/** Trace event names grouped into what the browser was doing. */
const kinds = {
  script:
    /^(FunctionCall|EvaluateScript|v8\.run|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.evaluateModule|FireIdleCallback)$/,
  compile: /^(v8\.compile|v8\.compileModule|CompileScript|CompileCode|v8\.parseOnBackground|CacheScript)$/,
  style: /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/,
  layout: /^(Layout|UpdateLayerTree|IntersectionObserverController::computeIntersections)$/,
  paint: /^(Paint|PrePaint|Layerize|Commit|CompositeLayers)$/,
  html: /^ParseHTML$/,
  network: /^(ResourceReceiveResponse|ResourceReceivedData|ResourceFinish)$/,
};

try {
  for (const tag of only) {
    const { context, page, cdp } = await freshPage(browser, { throttle, latency });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.tracing.start({
      categories: ['devtools.timeline', 'blink.user_timing', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline'],
    });
    const url = ideas
      ? `/bench/pages/${tag}.html?n=${ideas}`
      : `/bench/.data/first/${tag}${span === 'eval' || process.argv.includes('--floor') ? '-floor' : process.argv.includes('--static') ? '-static' : ''}.html?trace`;
    await page.goto(origin + url, { waitUntil: 'domcontentloaded' });
    const r = await page.evaluate(ideas ? usableStamps : () => window.__first);
    const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
    const { profile } = await cdp.send('Profiler.stop');
    await context.close();
    const nav =
      events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(tag)) ??
      events.find((e) => e.name === 'navigationStart');
    const main = events.find((e) => e.name === 'TracingStartedInBrowser')
      ? events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === nav.pid)
      : undefined;
    const at = (e) => (e.ts - nav.ts) / 1000;
    const from = ideas || span === 'page' ? 0 : span === 'eval' ? r.code : Math.max(r.defined ?? 0, r.feed ?? 0);
    const until = span === 'eval' ? r.defined : r.first;
    const inGap = (e) => e.ph === 'X' && e.pid === nav.pid && (!main || e.tid === main.tid) && at(e) + e.dur / 1000 > from && at(e) < until;
    // Self time per kind: an event's duration minus its children's of the same thread (nested X events).
    const gap = events.filter(inGap).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const byKind = new Map();
    const byName = new Map();
    const stack = [];
    for (const e of gap) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      const parent = stack.at(-1);
      const clip = Math.min(at(e) + e.dur / 1000, until) - Math.max(at(e), from) || 0;
      e.self = clip;
      if (parent) parent.self -= clip;
      stack.push(e);
    }
    for (const e of gap) {
      const kind = Object.entries(kinds).find(([, re]) => re.test(e.name))?.[0] ?? 'other';
      byKind.set(kind, (byKind.get(kind) ?? 0) + e.self);
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.self);
    }
    // JavaScript in the gap by file and function (CPU profiler samples, self time).
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const files = new Map();
    const fns = new Map();
    const samples = [];
    let t = profile.startTime;
    profile.samples.forEach((id, i) => {
      t += profile.timeDeltas[i] ?? 0;
      const ms = (t - nav.ts) / 1000;
      if (ms < from || ms > until) return;
      const f = byId.get(id).callFrame;
      const d = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const file =
        f.url
          .split('/')
          .pop()
          .replace(/-[\w-]{8}\.js$/, '') || f.functionName;
      files.set(file, (files.get(file) ?? 0) + d);
      // Minified code: an anonymous function is told apart by where it starts (line:column in its chunk).
      const fn = `${f.functionName || `(anon ${f.lineNumber + 1}:${f.columnNumber + 1})`}@${file}`;
      fns.set(fn, (fns.get(fn) ?? 0) + d);
      samples.push({ ms, fn, d });
    });
    const tasks = gap.filter((e) => e.name === 'RunTask' && e.dur > 1000);
    const frames = events.filter((e) => e.name === 'BeginMainThreadFrame' && e.pid === nav.pid && at(e) > from && at(e) < until).length;
    console.log(
      `\n<${tag}> CPU ${throttle}× latency ${latency} ms: code ${Math.round(r.code)} · defined ${Math.round(r.defined)} · feed ${Math.round(r.feed)} · first content ${Math.round(r.first)} ms; ${span === 'eval' ? 'evaluation' : 'gap'} ${Math.round(until - from)} ms, ${frames} frames began in it`,
    );
    console.log(
      '  main thread in the gap, by kind:',
      [...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
        .join(', '),
    );
    console.log(
      '  by event:',
      [...byName]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
        .join(', '),
    );
    console.log(
      '  JS samples by file:',
      [...files]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
        .join(', '),
    );
    console.log(
      '  JS by function:',
      [...fns]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
        .join(', '),
    );
    if (r.requests) console.log('  requests (start, end):', r.requests.map(([u, a, b]) => `${u.split('/').pop()} ${a}–${b}`).join(', '));
    console.log('  tasks > 1 ms:', tasks.map((e) => `${Math.round(at(e))}+${(e.dur / 1000).toFixed(1)}`).join(' '));
    // --tasks: per task over 3 ms, what it spent by kind and its three busiest functions (what runs in each span).
    if (process.argv.includes('--tasks'))
      for (const task of tasks.filter((e) => e.dur > 3000)) {
        const start = at(task);
        const end = start + task.dur / 1000;
        const kind = new Map();
        for (const e of gap.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task)) {
          const k = Object.entries(kinds).find(([, re]) => re.test(e.name))?.[0] ?? 'other';
          kind.set(k, (kind.get(k) ?? 0) + e.self);
        }
        const top = new Map();
        for (const x of samples.filter((x) => x.ms >= start && x.ms < end)) top.set(x.fn, (top.get(x.fn) ?? 0) + x.d);
        const list = (m, n) =>
          [...m]
            .filter(([, ms]) => ms >= 0.5)
            .sort((a, b) => b[1] - a[1])
            .slice(0, n)
            .map(([k, ms]) => `${k} ${ms.toFixed(1)}`)
            .join(', ');
        console.log(`    task ${Math.round(start)}+${(task.dur / 1000).toFixed(1)}: ${list(kind, 4)} | ${list(top, 4)}`);
      }
    // Counts that do not swing with the machine's load: the layout objects and elements styled.
    const counts = (name, read) =>
      gap
        .filter((e) => e.name === name)
        .map(read)
        .filter((n) => n > 1)
        .join(' + ') || '0';
    // Main-thread CPU time (trace thread time: what the thread ran, not how long it waited for a
    // core), steadier than wall time on a busy machine; a task across an edge counts by its overlap.
    const cpu = (a, b) =>
      events
        .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === nav.pid && (!main || e.tid === main.tid) && e.tdur !== undefined)
        .reduce((sum, e) => {
          const d = e.dur / 1000;
          const overlap = Math.max(0, Math.min(at(e) + d, b) - Math.max(at(e), a));
          return sum + (d > 0 ? ((e.tdur / 1000) * overlap) / d : 0);
        }, 0);
    console.log(
      `  main-thread CPU time (thread time): in the gap ${cpu(from, until).toFixed(1)} ms, navigation to first content ${cpu(0, until).toFixed(1)} ms`,
    );
    console.log(
      `  work in the gap: layout objects ${counts('Layout', (e) => e.args?.beginData?.dirtyObjects ?? 0)}, elements styled ${counts('UpdateLayoutTree', (e) => e.args?.elementCount ?? 0)}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
