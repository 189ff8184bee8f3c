// Writes the WordPress plugin's attribute data from custom-elements.json (run `npm run analyze`
// first; `npm run docs` does both): wordpress/stadttraum/includes/attributes.generated.php (kind,
// default, option values, limits of every attribute the blocks and shortcodes offer) and the
// "attributes" of each blocks/<tag>/block.json. Kinds, defaults and option values come from the
// components' JSDoc and types, so they are written once; what only the plugin decides stays
// here (which attributes the sidebar offers, number limits, "advanced", attributes that exist
// only in WordPress). The labels are translatable plugin strings in includes/class-widgets.php.
// `--check`: writes nothing, fails when a generated file is not current (CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const plugin = join(root, 'wordpress', 'stadttraum');
const check = process.argv.includes('--check');

/**
 * What the plugin offers, per widget and for all of them; the order is the sidebar's.
 * `options` for an attribute typed plain `string` (values the plugin offers), `min`/`max` for
 * numbers, `pattern` for checked text, `advanced` for the collapsed panel; `kind` + `default`
 * only for attributes that exist only in WordPress (`virtual`: not written to the element).
 */
const WIDGETS = {
  'idea-wall': {
    support: { kind: 'bool', default: true, virtual: true },
    submit: { kind: 'bool', default: true, virtual: true },
    layout: {},
    sort: {},
    'page-size': { min: 1, max: 500 },
    'url-state': {},
    'privacy-url': {},
    'support-endpoint': { advanced: true },
    'submit-endpoint': { advanced: true },
  },
  'mitfahrbank-map': {
    view: {},
    'privacy-url': {},
    'label-property': { advanced: true },
  },
  'ehrenamt-card': {
    sections: { pattern: '/^[a-z ]+$/' },
    'partners-src': {},
    'partners-format': { options: ['csv'] }, // empty: native JSON
    'page-size': { min: 1, max: 500 },
    'privacy-url': {},
  },
  'partner-logos': {
    layout: {},
    'min-height': { min: 24, max: 400 },
    greyscale: {},
    'text-only': {},
    target: { options: ['_blank'] },
  },
  'jugend-budget': {
    phase: { options: ['proposals', 'check', 'vote', 'result', 'implementation'] }, // PhaseId: the manifest names only the alias
    budget: { min: 0, max: 1000000000, advanced: true },
    rule: { options: ['greedy', 'equalshares/add1', 'equalshares/add1-comparison'], advanced: true }, // empty: the rule the data names
  },
};
const COMMON = {
  src: {},
  format: {},
  theme: {},
  lang: { options: ['de', 'en'] },
  'heading-level': { min: 2, max: 6 },
  refresh: { min: 0, max: 86400, advanced: true },
  timeout: { min: 1, max: 120, advanced: true },
  eager: { advanced: true },
  strings: { advanced: true },
};

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const problems = [];

/** One attribute's data: the manifest's type and default, the plugin's choices on top. */
function describe(tag, name, extra) {
  if (extra.virtual) return { ...extra };
  const decl = declarations.find((d) => d.tagName === tag);
  const attr = decl?.attributes?.find((a) => a.name === name);
  if (!attr) {
    problems.push(
      `<${tag}> has no attribute "${name}" in custom-elements.json (renamed? then rename it in ${fileURLToPath(import.meta.url)} and class-widgets.php)`,
    );
    return { kind: 'text' };
  }
  const field = decl.members?.find((m) => m.name === attr.fieldName);
  const type = (attr.type?.text ?? field?.type?.text ?? '').replace(/\s*\|\s*undefined/g, '').trim();
  const rawDefault = attr.default ?? field?.default;
  const literals = [...type.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const out = {};
  if (type === 'boolean') out.kind = 'bool';
  else if (type === 'number') {
    out.kind = 'int';
    if (extra.min === undefined || extra.max === undefined) problems.push(`<${tag}> ${name}: a number needs min and max here`);
  } else if (literals.length && /^('[^']*'\s*\|\s*)*'[^']*'$/.test(type)) {
    out.kind = 'select';
    out.options = literals;
  } else if (type === 'object') out.kind = 'json';
  else if (extra.options) {
    out.kind = 'select';
    out.options = extra.options;
  } else if (/^src$|-src$|-url$|-endpoint$/.test(name)) out.kind = 'url';
  else out.kind = 'text';
  // The default as the element has it (a literal in the manifest; a constant's name is no help).
  if (rawDefault !== undefined && rawDefault !== 'undefined' && rawDefault !== "''") {
    if (/^'.*'$/.test(rawDefault)) out.default = rawDefault.slice(1, -1);
    else if (/^-?\d+(\.\d+)?$/.test(rawDefault)) out.default = Number(rawDefault);
    else if (rawDefault === 'true' || rawDefault === 'false') out.default = rawDefault === 'true';
  }
  if (out.kind === 'select' && out.default !== undefined && !out.options.includes(out.default))
    problems.push(`<${tag}> ${name}: default "${out.default}" is not one of its options`);
  for (const key of ['min', 'max', 'pattern', 'advanced']) if (extra[key] !== undefined) out[key] = extra[key];
  return out;
}

/** Per widget: its own attributes, then the shared ones (same kind everywhere, defaults may differ). */
const data = {};
for (const [tag, attrs] of Object.entries(WIDGETS)) {
  data[tag] = Object.fromEntries(Object.entries({ ...attrs, ...COMMON }).map(([name, extra]) => [name, describe(tag, name, extra)]));
}
for (const name of Object.keys(COMMON)) {
  const kinds = new Set(Object.values(data).map((attrs) => JSON.stringify({ ...attrs[name], default: undefined })));
  if (kinds.size > 1) problems.push(`${name} is not the same kind on every widget: move it out of COMMON`);
}

// The widgets and labels of includes/class-widgets.php must match (a block added there without
// an entry here would have no attribute data; an attribute here without a label shows its name).
const widgetsPhp = readFileSync(join(plugin, 'includes', 'class-widgets.php'), 'utf8');
const definitions = widgetsPhp.slice(widgetsPhp.indexOf('function definitions()'), widgetsPhp.indexOf('function attributes('));
const phpTags = [...definitions.matchAll(/^\t{3}'([a-z-]+)'\s*=> array\(/gm)].map((m) => m[1]);
if (JSON.stringify(phpTags) !== JSON.stringify(Object.keys(WIDGETS)))
  problems.push(`class-widgets.php defines ${phpTags.join(', ')}; this script knows ${Object.keys(WIDGETS).join(', ')}`);
for (const name of new Set(Object.values(data).flatMap((attrs) => Object.keys(attrs)))) {
  if (!widgetsPhp.includes(`'${name}'`)) problems.push(`class-widgets.php has no label for "${name}"`);
}

// --- PHP -------------------------------------------------------------------------------------
const php = (value, indent) => {
  const pad = '\t'.repeat(indent);
  if (Array.isArray(value)) return `array( ${value.map((v) => php(v, indent)).join(', ')} )`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (!keys.length) return 'array()';
    const width = Math.max(...keys.map((k) => php(k).length));
    return `array(\n${keys.map((k) => `${pad}\t${php(k).padEnd(width)} => ${php(value[k], indent + 1)},`).join('\n')}\n${pad})`;
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
};
const phpFile = `<?php
/**
 * Generated by scripts/gen-wordpress-attributes.mjs from custom-elements.json (the components'
 * JSDoc): do not edit. Change the component (or the plugin's choices in that script), then run
 * \`npm run docs\`. The labels are in includes/class-widgets.php.
 *
 * @package stadttraum
 */

defined( 'ABSPATH' ) || exit;

return ${php(data, 0)};
`;

// --- block.json ------------------------------------------------------------------------------
const blockFiles = Object.keys(WIDGETS).map((tag) => {
  const path = join(plugin, 'blocks', tag, 'block.json');
  const block = JSON.parse(readFileSync(path, 'utf8'));
  const attributes = { data: { type: 'string', default: '' } };
  for (const [name, a] of Object.entries(data[tag])) {
    // Booleans are toggles; everything else is kept as the text the editor typed ('' = not set,
    // the element's own default applies).
    attributes[name] = a.kind === 'bool' ? { type: 'boolean', default: a.virtual ? a.default : false } : { type: 'string', default: '' };
  }
  block.attributes = attributes;
  return [path, `${JSON.stringify(block, null, '\t')}\n`];
});

const outputs = [[join(plugin, 'includes', 'attributes.generated.php'), phpFile], ...blockFiles];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
let stale = 0;
for (const [path, text] of outputs) {
  let now = '';
  try {
    now = readFileSync(path, 'utf8');
  } catch {
    // a new file
  }
  if (now === text) continue;
  ++stale;
  if (check) console.error(`${path.slice(root.length)} is not current: npm run docs, then commit it`);
  else writeFileSync(path, text);
}
if (check && stale) process.exit(1);
