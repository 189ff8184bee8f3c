// The WordPress plugin's translations, run by `npm run package` (and on its own with
// `node scripts/wordpress-i18n.mjs`): extracts every string of the text domain "stadttraum"
// from the plugin's PHP, its editor script and its block.json files into
// languages/stadttraum.pot; compiles the German translations kept in languages/*.po (de_DE
// informal, de_DE_formal formal) into .mo files (WordPress 6.1 reads no .l10n.php) and into the
// JSON files that wp_set_script_translations() gives the editor script.
// No wp-cli here: a small extractor for the plugin's own code style (gettext calls with
// single-quoted literals, `/* translators: */` comments), gettext-parser for the file formats.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import gettextParser from 'gettext-parser';

const root = fileURLToPath(new URL('..', import.meta.url));
export const pluginDir = join(root, 'wordpress', 'stadttraum');
const languages = join(pluginDir, 'languages');
const DOMAIN = 'stadttraum';
export const LOCALES = ['de_DE', 'de_DE_formal'];
/** Editor scripts with their own wp.i18n strings (JSON translations, named by the md5 of the path). */
const SCRIPTS = ['assets/blocks.js', 'assets/logo-groups.js'];

const unquote = (s) => s.slice(1, -1).replace(/\\(['\\])/g, '$1');
const LIT = `'(?:[^'\\\\]|\\\\.)*'`;
// Function => positions of [msgid, msgid_plural, context] among its arguments.
const CALLS = {
  __: ['s'],
  _e: ['s'],
  esc_html__: ['s'],
  esc_html_e: ['s'],
  esc_attr__: ['s'],
  esc_attr_e: ['s'],
  _x: ['s', 'c'],
  esc_html_x: ['s', 'c'],
  esc_attr_x: ['s', 'c'],
  _n: ['s', 'p'],
  _nx: ['s', 'p', null, 'c'],
};

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Entries [{ msgid, msgid_plural?, msgctxt?, comment?, ref }] from one PHP or JS file. */
function extractCode(file, text) {
  const out = [];
  const rel = relative(pluginDir, file);
  const re = new RegExp(
    `(?:\\b|\\.)(${Object.keys(CALLS).join('|')})\\(\\s*((?:${LIT}|\\$\\w+)(?:\\s*,\\s*(?:${LIT}|\\$\\w+|\\(int\\)\\s*\\$\\w+|\\d+))*)\\s*\\)`,
    'g',
  );
  for (const m of text.matchAll(re)) {
    const args = [...m[2].matchAll(new RegExp(`${LIT}|[^,\\s][^,]*`, 'g'))].map((a) => a[0].trim());
    const spec = CALLS[m[1]];
    const domain = args[spec.length];
    if (!domain || unquote(domain) !== DOMAIN) continue;
    const entry = { ref: `${rel}:${text.slice(0, m.index).split('\n').length}` };
    spec.forEach((kind, i) => {
      if (!kind) return;
      const a = args[i];
      if (!a?.startsWith("'")) return;
      entry[{ s: 'msgid', p: 'msgid_plural', c: 'msgctxt' }[kind]] = unquote(a);
    });
    if (entry.msgid === undefined) continue;
    // The nearest translators comment in the few lines above.
    const before = text.slice(Math.max(0, m.index - 400), m.index);
    const note = [...before.matchAll(/\/\*\s*translators:([^*]*)\*\//g)].pop();
    if (note && !/;\s*\n[^\n]*\n[^\n]*\n/.test(before.slice(note.index))) entry.comment = `translators:${note[1].trimEnd()}`;
    out.push(entry);
  }
  return out;
}

/** block.json: title, description and keywords with the contexts WordPress translates them in. */
function extractBlock(file) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const ref = relative(pluginDir, file);
  const out = [];
  if (json.title) out.push({ msgid: json.title, msgctxt: 'block title', ref });
  if (json.description) out.push({ msgid: json.description, msgctxt: 'block description', ref });
  for (const k of json.keywords ?? []) out.push({ msgid: k, msgctxt: 'block keyword', ref });
  return out;
}

/** Every string of the plugin: Map key (context\u0004msgid) => entry with all references. */
export function extract() {
  const entries = new Map();
  for (const file of walk(pluginDir).sort()) {
    const rel = relative(pluginDir, file);
    let found = [];
    if (file.endsWith('.php')) found = extractCode(file, readFileSync(file, 'utf8'));
    else if (rel.startsWith('assets/') && file.endsWith('.js')) found = extractCode(file, readFileSync(file, 'utf8'));
    else if (file.endsWith('block.json')) found = extractBlock(file);
    for (const e of found) {
      const key = `${e.msgctxt ?? ''}\u0004${e.msgid}`;
      const known = entries.get(key);
      if (known) {
        known.refs.push(e.ref);
        known.comment ??= e.comment;
      } else entries.set(key, { ...e, refs: [e.ref] });
    }
  }
  return entries;
}

const headers = (extra = {}) => ({
  'Project-Id-Version': 'stadttraum',
  'Report-Msgid-Bugs-To': 'https://github.com/stadttraum/stadttraum/issues',
  'MIME-Version': '1.0',
  'Content-Type': 'text/plain; charset=UTF-8',
  'Content-Transfer-Encoding': '8bit',
  'X-Domain': DOMAIN,
  ...extra,
});

/** Builds the .pot and compiles every .po; returns what is missing per locale. */
export function build({ write = true } = {}) {
  const entries = extract();
  const pot = { charset: 'utf-8', headers: headers({ 'Plural-Forms': 'nplurals=2; plural=(n != 1);' }), translations: {} };
  for (const e of entries.values()) {
    const ctx = e.msgctxt ?? '';
    pot.translations[ctx] ??= {};
    pot.translations[ctx][e.msgid] = {
      msgctxt: e.msgctxt,
      msgid: e.msgid,
      msgid_plural: e.msgid_plural,
      msgstr: e.msgid_plural ? ['', ''] : [''],
      comments: { reference: e.refs.join('\n'), ...(e.comment ? { extracted: e.comment } : {}) },
    };
  }
  if (!pot.translations['']?.['']) pot.translations[''] = { '': { msgid: '', msgstr: [''] }, ...pot.translations[''] };
  if (write) writeFileSync(join(languages, `${DOMAIN}.pot`), gettextParser.po.compile(pot, { foldLength: 0 }));

  const missing = {};
  for (const locale of LOCALES) {
    const poFile = join(languages, `${DOMAIN}-${locale}.po`);
    const po = existsSync(poFile) ? gettextParser.po.parse(readFileSync(poFile)) : { translations: {} };
    const find = (e) => po.translations[e.msgctxt ?? '']?.[e.msgid];
    missing[locale] = [...entries.values()].filter((e) => !find(e)?.msgstr?.[0]).map((e) => e.msgid);
    // Only strings the code still has (an old translation of a changed string must not linger).
    const mo = {
      charset: 'utf-8',
      headers: headers({ Language: locale, 'Plural-Forms': 'nplurals=2; plural=(n != 1);' }),
      translations: { '': { '': { msgid: '', msgstr: [''] } } },
    };
    const json = {};
    for (const e of entries.values()) {
      const t = find(e);
      if (!t?.msgstr?.[0]) continue;
      const ctx = e.msgctxt ?? '';
      (mo.translations[ctx] ??= {})[e.msgid] = { msgctxt: e.msgctxt, msgid: e.msgid, msgid_plural: e.msgid_plural, msgstr: t.msgstr };
      for (const script of SCRIPTS) {
        if (!e.refs.some((r) => r.startsWith(`${script}:`))) continue;
        (json[script] ??= {})[e.msgctxt ? `${e.msgctxt}\u0004${e.msgid}` : e.msgid] = t.msgstr;
      }
    }
    if (!write) continue;
    writeFileSync(join(languages, `${DOMAIN}-${locale}.mo`), gettextParser.mo.compile(mo));
    for (const script of SCRIPTS) {
      // WordPress looks for <domain>-<locale>-<md5 of the script's path relative to the plugin>.json.
      const name = `${DOMAIN}-${locale}-${createHash('md5').update(script).digest('hex')}.json`;
      const data = {
        domain: 'messages',
        locale_data: {
          messages: { '': { domain: 'messages', lang: locale, 'plural-forms': 'nplurals=2; plural=(n != 1);' }, ...(json[script] ?? {}) },
        },
      };
      writeFileSync(join(languages, name), JSON.stringify(data) + '\n');
    }
  }
  return { strings: entries.size, missing };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { strings, missing } = build();
  console.log(`languages/stadttraum.pot: ${strings} Texte`);
  let bad = false;
  for (const [locale, list] of Object.entries(missing)) {
    if (!list.length) continue;
    bad = true;
    console.error(`${locale}: ${list.length} Texte ohne Übersetzung:\n  ${list.slice(0, 20).join('\n  ')}`);
  }
  if (bad && process.argv.includes('--strict')) process.exit(1);
}
