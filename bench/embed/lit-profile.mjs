// What the least Lit widget's first content costs beyond the least script embed (issue 18, the
// "least Lit widget" column of bench/first-content.mjs): both pages of each widget, alternating,
// each with a DevTools timeline trace, and per page the renderer main thread's CPU (thread time,
// steadier than wall time on a shared machine) from navigation to first content, split into
// module evaluation (lit's top level, `customElements.define` with the element's upgrade and its
// style sheets), compiling, script after that (the first updates: template preparation, cloning,
// committing the feed's values), style sheet parsing, style and layout. Medians of --runs.
// --names: lit's development build (names kept) and a CPU profile of the Lit page's script by
// lit's own functions (template preparation, cloning and committing, styles): shares, not times
// (the development build is slower). dist/ is not needed; the pages come from first-content.mjs.
// --widget: our widget's first-content page too (the README snippet, dist/ built), same rotation.
//   node bench/embed/lit-profile.mjs [--runs=5] [--only=idea-wall,ehrenamt-card] [--throttle=1] [--names] [--widget]
import puppeteer from 'puppeteer-core';
import { chromeArgs, ensureChrome } from '../../scripts/find-chrome.mjs';
import { freshPage } from '../fresh-page.mjs';
import { startBenchServer } from '../server.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const runs = Number(arg('runs', 5));
const throttle = Number(arg('throttle', 1));
const names = process.argv.includes('--names');
const tags = arg('only', 'idea-wall,ehrenamt-card,mitfahrbank-map,jugend-budget,partner-logos').split(',');
if (names) process.env.BENCH_LIT_DEV = '1';
// Imported after the flag is set: firstContentPages() reads it when it bundles the Lit modules.
const { firstContentPages } = await import('../first-content.mjs');

/** Trace events by what the main thread did (self time, nested events subtracted). */
const kinds = {
  evaluate: /^v8\.evaluateModule$/,
  compile: /^(v8\.compile|v8\.compileModule|CompileScript|CompileCode)$/,
  script: /^(FunctionCall|EvaluateScript|v8\.run|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch)$/,
  'style sheets': /^ParseAuthorStyleSheet$/,
  style: /^(UpdateLayoutTree|RecalculateStyles)$/,
  layout: /^(Layout|UpdateLayerTree)$/,
  html: /^ParseHTML$/,
};
/** lit's functions (development build) by what they do for the first content. */
const litGroups = [
  // The bench's own view code (bench/embed/lit-*.js): from the feed to the templates' values.
  [
    'view code',
    /^(view|card|partner|project|item|clamp|tr|t|m|de|longDate|longRange|when|euro|select|lines|number|key|byName|details|safeUrl)$/,
  ],
  ['template preparation', /^(getTemplateHtml|Template|createElement|_\$getTemplate|_createElement)$/],
  [
    'cloning, committing values',
    /^(_clone|_update|_commit\w*|_\$setValue|_\$clear|_insert|setChildPartValue|insertPart|resolveDirective|_getValuesAndKeys|_\$resolve)$/,
  ],
  ['styles', /^(adoptStyles|finalizeStyles|get styleSheet|styleSheet|css|unsafeCSS|getCompatibleStyle|cssResultFromStyleSheet)$/],
  [
    'element lifecycle',
    /^(finalize|_\$finalize|createProperty|_initialize|__initialize|connectedCallback|createRenderRoot|requestUpdate|_\$changeProperty|scheduleUpdate|performUpdate|update|render|_\$didUpdate|attributeChangedCallback|_\$attributeToProperty|enableUpdating|__updatePromise|_\$enqueueUpdate)$/,
  ],
];

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};

async function measure(browser, url) {
  const { context, page, cdp } = await freshPage(browser, { throttle, latency: 0 });
  try {
    if (names) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
    }
    await page.tracing.start({
      categories: ['devtools.timeline', 'blink.user_timing', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline'],
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const r = await page.evaluate(() => window.__first);
    const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
    const profile = names ? (await cdp.send('Profiler.stop')).profile : undefined;
    const nav =
      events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes('/first/')) ??
      events.find((e) => e.name === 'navigationStart');
    const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === nav.pid);
    const at = (e) => (e.ts - nav.ts) / 1000;
    const on = events
      .filter((e) => e.ph === 'X' && e.pid === nav.pid && e.tid === main?.tid && at(e) >= 0 && at(e) < r.first)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    // Self thread time per event (thread time where the trace has it, else wall time).
    const stack = [];
    for (const e of on) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      e.self = (e.tdur ?? e.dur) / 1000;
      if (stack.length) stack.at(-1).self -= e.self;
      stack.push(e);
    }
    const out = { first: r.first, cpu: on.filter((e) => e.name === 'RunTask').reduce((s, e) => s + (e.tdur ?? e.dur) / 1000, 0) };
    for (const [k, re] of Object.entries(kinds)) out[k] = on.filter((e) => re.test(e.name)).reduce((s, e) => s + e.self, 0);
    if (profile) {
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      // Each sample goes to the nearest function on its stack that one of lit's groups names.
      const group = (id) => {
        for (let n = id; n !== undefined; n = parent.get(n)) {
          const f = byId.get(n).callFrame;
          if (!f.url.includes('-lit.js')) continue;
          const g = litGroups.find(([, re]) => re.test(f.functionName));
          if (g) return g[0];
        }
        return byId.get(id).callFrame.url.includes('-lit.js') ? "other code in the module (lit's top level)" : undefined;
      };
      out.groups = {};
      profile.samples.forEach((id, i) => {
        const g = group(id);
        if (g) out.groups[g] = (out.groups[g] ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000;
      });
    }
    return out;
  } finally {
    await context.close();
  }
}

await firstContentPages();
const { server, origin } = await startBenchServer(0);
const browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: chromeArgs });
try {
  // --widget: our widget's page too (the README snippet; dist/ built), in the same rotation.
  const variants = process.argv.includes('--widget') ? ['lit', 'embed', 'widget'] : ['lit', 'embed'];
  const url = (tag, v) => `${origin}/bench/.data/first/${tag}${v === 'widget' ? '' : `-${v}`}.html`;
  for (const tag of tags) for (const v of variants) await measure(browser, url(tag, v)); // untimed round
  const res = Object.fromEntries(tags.map((t) => [t, Object.fromEntries(variants.map((v) => [v, []]))]));
  for (let r = 0; r < runs; r++)
    for (const tag of tags)
      for (const v of [...variants.slice(r % variants.length), ...variants.slice(0, r % variants.length)])
        res[tag][v].push(await measure(browser, url(tag, v)));
  const keys = ['first', 'cpu', ...Object.keys(kinds)];
  console.log(`CPU ${throttle}×, ${runs} runs, medians (ms)${names ? ', lit development build' : ''}`);
  console.log(
    `| widget | page | ${keys.map((k) => (k === 'first' ? 'first content' : k === 'cpu' ? 'main-thread CPU' : k)).join(' | ')} |`,
  );
  console.log(`| --- | --- |${' ---: |'.repeat(keys.length)}`);
  for (const tag of tags)
    for (const v of variants)
      console.log(
        `| \`<${tag}>\` | ${{ lit: 'least Lit widget', embed: 'any script embed', widget: 'our widget (snippet)' }[v]} | ${keys.map((k) => median(res[tag][v].map((x) => x[k])).toFixed(1)).join(' | ')} |`,
      );
  if (names)
    for (const tag of tags) {
      const groups = new Set(res[tag].lit.flatMap((x) => Object.keys(x.groups)));
      console.log(
        `<${tag}> Lit page, CPU samples by lit's functions (development build):`,
        [...groups].map((g) => `${g} ${median(res[tag].lit.map((x) => x.groups[g] ?? 0)).toFixed(1)}`).join(', '),
      );
    }
} finally {
  await browser.close();
  server.close();
}
