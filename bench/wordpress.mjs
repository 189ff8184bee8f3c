// The WordPress feed (GET /wp-json/stadttraum/v1/ideas) at 2,000 ideas: a full answer and a
// revalidation (If-None-Match → 304), for the plugin as it was before the feed was reworked
// (git ref `before`, default the commit before issue 15) and as it is in the working tree, side by
// side on the same site: the plugin folder is swapped between the two, the content stays.
// Reuses the WordPress test harness (scripts/wordpress-site.mjs); needs what `npm run
// test:wordpress` needs. Also runnable alone: node bench/wordpress.mjs [--runs=7] [--ideas=2000].
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePackages, pluginZip, root, startWordPress } from '../scripts/wordpress-site.mjs';

/** The last commit whose feed built every answer from scratch (ETag over the built feed). */
export const BEFORE_REF = 'b4e45f1';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function timed(url, headers = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength, etag: res.headers.get('etag') };
}

/** Full answers and 304s, `runs` each after a warm-up, plus the first full answer after a save. */
async function measure(site, feedUrl, runs) {
  site.php('touch'); // a save: whatever the plugin caches is stale now
  const afterSave = await timed(feedUrl);
  if (afterSave.status !== 200 || afterSave.bytes < 1000)
    throw new Error(`after a save the feed answered ${afterSave.status} (${afterSave.bytes} bytes)`);
  await timed(feedUrl);
  const full = [];
  const revalidate = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await timed(feedUrl);
    full.push(last.ms);
    const again = await timed(feedUrl, { 'If-None-Match': last.etag });
    if (again.status !== 304) throw new Error(`If-None-Match answered ${again.status}, not 304`);
    revalidate.push(again.ms);
  }
  return { afterSave: afterSave.ms, full: median(full), notModified: median(revalidate), bytes: last.bytes, status: last.status };
}

export async function wordpressFeed({ runs = 7, ideas = 2000, before = BEFORE_REF, log = console.log } = {}) {
  ensurePackages();
  const { zip } = pluginZip();
  const site = await startWordPress({ zip });
  const plugins = join(site.dir, 'wp-content', 'plugins');
  const scratch = mkdtempSync(join(tmpdir(), 'stadttraum-bench-wp-'));
  try {
    log(`${ideas} Ideen anlegen …`);
    site.php('bulk', String(ideas));
    // One page holds all of them (the plugin's page size, where it has one).
    site.php('option', 'stadttraum_settings', JSON.stringify({ lang: 'de', feed_page_size: ideas + 10 }));
    // The plugin as it was: its PHP from git, next to the current one.
    const old = join(scratch, 'before');
    execFileSync('sh', [
      '-c',
      `mkdir -p "${old}" && git -C "${root}" archive ${before} wordpress/stadttraum | tar -x -C "${old}" --strip-components=2`,
    ]);
    cpSync(join(plugins, 'stadttraum', 'widgets'), join(old, 'widgets'), { recursive: true });
    const feedUrl = `${site.url}/wp-json/stadttraum/v1/ideas`;
    const total = (await (await fetch(feedUrl)).json()).ideas.length;
    const after = await measure(site, feedUrl, runs);
    // A wall's first page in its own order (sort=support sorts all 2,000 before paging) next to the newest-first page.
    const page = async (query) => {
      await timed(`${feedUrl}?${query}`);
      const xs = [];
      for (let i = 0; i < runs; i++) xs.push((await timed(`${feedUrl}?${query}`)).ms);
      return median(xs);
    };
    after.page = await page('per_page=24');
    after.sortedPage = await page('per_page=24&sort=support');
    after.filteredPage = await page('per_page=24&status=new'); // built per request too, newest first
    renameSync(join(plugins, 'stadttraum'), join(scratch, 'after'));
    renameSync(old, join(plugins, 'stadttraum'));
    // PHP's opcache (on in the built-in server) rechecks a file at most every 2 s.
    await new Promise((r) => setTimeout(r, 3000));
    const beforeResult = await measure(site, feedUrl, runs);
    const row = { ideas: total, runs, before: { ref: before, ...beforeResult }, after };
    log(`wordpress feed: ${JSON.stringify(row)}`);
    return row;
  } finally {
    await site.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en')} ms` : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : '–');

export function wordpressMarkdown(r) {
  return [
    `### WordPress feed, ${r.ideas.toLocaleString('en')} ideas: plugin before (\`${r.before.ref}\`) vs now`,
    '',
    '| Request | before | now | ratio |',
    '| --- | ---: | ---: | ---: |',
    `| full answer (${Math.round(r.after.bytes / 1024).toLocaleString('en')} KB) | ${ms(r.before.full)} | ${ms(r.after.full)} | ${ratio(r.before.full, r.after.full)} |`,
    `| revalidation: If-None-Match → 304 | ${ms(r.before.notModified)} | ${ms(r.after.notModified)} | ${ratio(r.before.notModified, r.after.notModified)} |`,
    `| first full answer after an idea was saved | ${ms(r.before.afterSave)} | ${ms(r.after.afterSave)} | ${ratio(r.before.afterSave, r.after.afterSave)} |`,
    '',
    `Now, a page of 24 (the wall's page size): newest first ${ms(r.after.page)}, sorted on the server by support over all ${r.ideas.toLocaleString('en')} ideas (\`sort=support\`) ${ms(r.after.sortedPage)} (${ratio(r.after.sortedPage, r.after.page)} of the newest-first page); filtered by status, built per request like a sorted page, ${ms(r.after.filteredPage)}.`,
    '',
    `Median of ${r.runs} sequential requests each from Node's fetch to WordPress 6.1 (Debian) under PHP's built-in server and MariaDB on 127.0.0.1, same site and content for both; "before" is the plugin's PHP from git \`${r.before.ref}\` swapped into the same site. Includes WordPress's own bootstrap (the floor of any REST request). Ratios are before ÷ now.`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, d) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d;
  const row = await wordpressFeed({ runs: Number(arg('runs', 7)), ideas: Number(arg('ideas', 2000)), before: arg('before', BEFORE_REF) });
  console.log(`\n${wordpressMarkdown(row)}`);
  process.exit(0);
}
