/**
 * The feed checker's findings: what breaks embeds (address, CORS, content type, HTML instead of
 * data, mixed content, encoding) and every problem in the data, with item, field, what was
 * expected and a correct example. Validation reuses the widgets' own schemas and parse functions.
 */
import { detectCsv } from '../csv/detect.js';
import { detectFormat, formatName } from '../core/format-detect.js';
import * as v from 'valibot';
import { toWarning, type Detectors, type FeedAdapter, type FeedContext, type FeedWarning, type WarningCode } from '../core/feed-types.js';
import { decodeBody } from '../core/request.js';
import type { Lang } from '../core/i18n.js';
import { csvAdapter } from '../csv/csv-adapter.js';
import { placeOf, sourceLines, tableOf, type Column } from '../csv/sheet.js';
import { L, type Text, type WidgetInfo } from './widgets.js';
import { jsonErrorAt } from './json-error.js';

export type Level = 'error' | 'warn' | 'info';

export interface Finding {
  level: Level;
  /** Stable id of the check (tests and anchors). */
  code: string;
  text: Text;
  where?: Text;
  field?: string;
  expected?: Text;
  example?: string;
  fixes?: { label: string; code: string }[];
}

export interface Loaded {
  text: string;
  kind: 'json' | 'csv';
  /** The widget would not detect CSV on its own: the snippet needs format="csv". */
  needsFormat: boolean;
  url?: string;
}

export interface Report {
  findings: Finding[];
  /** The widget's native data (CSV already mapped), for the live preview. */
  data?: unknown;
  offered: number;
  shown: number;
  /** The widget would show its error view. */
  fatal: boolean;
  /** Origins of images in the data, for the CSP. */
  imageOrigins: string[];
}

const CORS = 'Access-Control-Allow-Origin';
/**
 * The exact headers to add, per server. `*` is right for public data read without cookies, and it
 * is all a widget needs, `refresh` included: the widgets send only CORS-safelisted headers and let
 * the browser revalidate with the ETag or Last-Modified that Apache and nginx send for files
 * themselves, so there is no preflight (OPTIONS) to answer and no header to expose.
 */
export const corsFixes = (): { label: string; code: string }[] => [
  {
    label: 'Apache (.htaccess im Ordner der Datei; ETag und Last-Modified sendet Apache selbst)',
    code: `<IfModule mod_headers.c>\n  <FilesMatch "\\.(json|csv)$">\n    Header set ${CORS} "*"\n  </FilesMatch>\n</IfModule>`,
  },
  {
    label: 'nginx (im server-Block; ETag und Last-Modified sendet nginx selbst)',
    code: `location ~* \\.(json|csv)$ {\n  add_header ${CORS} "*" always;\n}`,
  },
  {
    label: 'WordPress (functions.php oder ein kleines Plugin; für Dateien in wp-content/uploads gilt der Apache-Eintrag)',
    code: `add_filter( 'rest_pre_serve_request', function ( $served ) {\n  header( '${CORS}: *' );\n  return $served;\n} );`,
  },
];

const isLocal = (u: URL) => /^(localhost|127\.0\.0\.1|\[::1\])$/.test(u.hostname);

/** Reads a feed the way a widget does and notes everything that breaks embeds. */
export async function fetchFeed(
  address: string,
  format: string,
  findings: Finding[],
  fetcher: typeof fetch = fetch,
): Promise<Loaded | undefined> {
  let url: URL;
  try {
    url = new URL(address.trim(), location.href);
  } catch {
    findings.push({
      level: 'error',
      code: 'bad-url',
      text: L(`„${address}“ ist keine Adresse.`, `“${address}” is not an address.`),
      example: 'https://www.harzstedt.de/daten/ideen.csv',
    });
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    findings.push({
      level: 'error',
      code: 'unsafe-url',
      text: L(`Nur http(s)-Adressen werden geladen, nicht „${url.protocol}“.`, `Only http(s) addresses load, not “${url.protocol}”.`),
      example: 'https://www.harzstedt.de/daten/ideen.csv',
    });
    return undefined;
  }
  if (url.protocol === 'http:' && !isLocal(url)) {
    findings.push({
      level: 'error',
      code: 'mixed-content',
      text: L(
        'Die Adresse beginnt mit http://. Auf einer https-Seite blockiert der Browser sie (gemischte Inhalte), das Widget zeigt dann eine Fehlermeldung.',
        'The address starts with http://. On an https page the browser blocks it (mixed content) and the widget shows an error.',
      ),
      expected: L('eine https-Adresse', 'an https address'),
      example: url.href.replace(/^http:/, 'https:'),
    });
  }
  const crossOrigin = url.origin !== location.origin;
  let res: Response;
  try {
    res = await fetcher(url.href, { credentials: 'omit', cache: 'no-cache', headers: { Accept: 'application/json,text/csv,*/*;q=0.1' } });
  } catch {
    let reachable = false;
    if (crossOrigin) {
      try {
        await fetcher(url.href, { mode: 'no-cors', credentials: 'omit' });
        reachable = true;
      } catch {
        reachable = false;
      }
    }
    findings.push(
      reachable
        ? {
            level: 'error',
            code: 'cors',
            text: L(
              `Der Server ${url.host} antwortet, erlaubt aber anderen Websites nicht, die Datei zu lesen: Die Kopfzeile „${CORS}“ fehlt (CORS). Ihre Besucher sähen eine Fehlermeldung.`,
              `The server ${url.host} answers but does not let other websites read the file: the “${CORS}” header is missing (CORS). Visitors would see an error.`,
            ),
            expected: L(
              `die Kopfzeile ${CORS}: * in der Antwort (öffentliche Daten, ohne Cookies)`,
              `the header ${CORS}: * in the response (public data, no cookies)`,
            ),
            example: `${CORS}: *`,
            fixes: corsFixes(),
          }
        : {
            level: 'error',
            code: 'unreachable',
            text: L(
              `${url.host} ist nicht erreichbar (Adresse falsch, Server aus, oder offline).`,
              `${url.host} cannot be reached (wrong address, server down, or offline).`,
            ),
          },
    );
    return undefined;
  }
  const contentType = res.headers.get('content-type') ?? '';
  const bytes = await res.arrayBuffer();
  const text = decodeBody(bytes, contentType);
  if (!res.ok) {
    const why =
      res.status === 404 || res.status === 410
        ? L(
            'Unter dieser Adresse gibt es keine Datei (mehr). Tippfehler, oder wurde sie verschoben?',
            'There is no file at this address (any more). A typo, or was it moved?',
          )
        : res.status === 401 || res.status === 403
          ? L(
              'Die Datei ist nicht öffentlich: Der Server verlangt eine Anmeldung. Geben Sie sie frei (bei Nextcloud: „Link teilen“, bei Google: „Im Web veröffentlichen“).',
              'The file is not public: the server wants a login. Share it publicly.',
            )
          : L(
              'Der Server meldet einen Fehler. Versuchen Sie es später noch einmal oder fragen Sie den Betreiber.',
              'The server reports an error. Try later or ask its operator.',
            );
    findings.push({ level: 'error', code: 'http', text: L(`HTTP ${res.status}: ${why.de}`, `HTTP ${res.status}: ${why.en}`) });
    return undefined;
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<(!doctype|html|head|body)/i.test(start)) {
    const sheet = /docs\.google\.com\/spreadsheets/.test(url.href);
    findings.push({
      level: 'error',
      code: 'html',
      text: L(
        'Der Server schickt eine HTML-Seite statt Daten – eine Fehler- oder Anmeldeseite, oder der Link zur Ansicht statt zur Datei.',
        'The server sends an HTML page instead of data – an error or login page, or the link to a view instead of the file.',
      ),
      expected: L(
        'JSON oder CSV; bei einer Tabelle der Link „als CSV veröffentlichen“',
        'JSON or CSV; for a spreadsheet the “publish as CSV” link',
      ),
      example: sheet
        ? url.href.replace(/\/pubhtml.*$|\/edit.*$/, '/pub?output=csv')
        : 'https://docs.google.com/spreadsheets/d/e/…/pub?output=csv',
    });
    return undefined;
  }
  const kind: 'json' | 'csv' = format === 'csv' || (format !== 'json' && !/^[[{]/.test(start)) ? 'csv' : 'json';
  // The widgets' own CSV detector, so the advice matches what they do.
  const detected = detectCsv({ contentType, path: url.pathname + url.search, text, json: undefined });
  if (kind === 'json' && !/json/i.test(contentType)) {
    findings.push({
      level: 'warn',
      code: 'content-type',
      text: L(
        `Der Server nennt den Inhalt „${contentType || 'nichts'}“ statt application/json. Die Widgets lesen ihn trotzdem, aber Caches und Filter behandeln ihn womöglich falsch.`,
        `The server calls the content “${contentType || 'nothing'}” instead of application/json. The widgets read it anyway, but caches and filters may mishandle it.`,
      ),
      expected: L('Content-Type: application/json', 'Content-Type: application/json'),
      example: 'Content-Type: application/json; charset=utf-8',
      fixes: [
        { label: 'Apache (.htaccess)', code: 'AddType application/json .json' },
        { label: 'nginx', code: 'types { application/json json; }' },
      ],
    });
  }
  if (kind === 'csv' && !detected) {
    findings.push({
      level: 'warn',
      code: 'csv-undetected',
      text: L(
        `Eine Tabelle (CSV), aber der Server nennt sie „${contentType || 'nichts'}“: Das Widget erkennt sie dann nicht selbst und braucht format="csv" (der Einbau-Code unten enthält es).`,
        `A spreadsheet (CSV), but the server calls it “${contentType || 'nothing'}”: the widget then does not recognise it and needs format="csv" (the code below has it).`,
      ),
      example: 'format="csv"',
    });
  }
  if (!/charset=/i.test(contentType)) encodingNote(bytes, findings);
  return { text, kind, needsFormat: kind === 'csv' && !detected, url: url.href };
}

/** Windows-1252 works, but is worth knowing about. */
export function encodingNote(bytes: ArrayBuffer, findings: Finding[]): void {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    findings.push({
      level: 'info',
      code: 'windows-1252',
      text: L(
        'Die Datei ist in Windows-1252 gespeichert (Excels „CSV (Trennzeichen-getrennt)“). Das wird erkannt; sicherer ist „CSV UTF-8“.',
        'The file is saved as Windows-1252 (Excel’s default CSV). That is detected; “CSV UTF-8” is safer.',
      ),
    });
  }
}

// --- the data ---------------------------------------------------------------------------

const typeNames: Record<string, Text> = {
  string: L('Text', 'text'),
  number: L('eine Zahl', 'a number'),
  boolean: L('true oder false', 'true or false'),
  Array: L('eine Liste […]', 'a list […]'),
  Object: L('ein Objekt {…}', 'an object {…}'),
};

/** "Zeile 14" for an item from a spreadsheet, else "Idee 4 „Sofa“". */
function whereOf(info: WidgetInfo, raw: unknown, path: (string | number)[]): { where?: Text; field: string; item?: unknown } {
  let node: unknown = raw;
  let item: unknown;
  let where: Text | undefined;
  const field: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[k] : undefined;
    if (typeof k === 'number') {
      const o = node && typeof node === 'object' ? (node as Record<string, unknown>) : {};
      const name = o.title ?? o.name ?? o.heading ?? o.id;
      const label = (typeof name === 'string' && name.trim()) || typeof name === 'number' ? ` „${String(name).slice(0, 40)}“` : '';
      const line = node && typeof node === 'object' ? sourceLines.get(node) : undefined;
      const list = String(path[i - 1] ?? '');
      const noun = list === 'ideas' || list === 'benches' || list === 'partners' ? info.item[0] : L(list, list);
      where = line ? L(`Zeile ${line}${label}`, `line ${line}${label}`) : L(`${noun.de} ${k + 1}${label}`, `${noun.en} ${k + 1}${label}`);
      item = node;
      field.length = 0;
    } else field.push(String(k));
  }
  return { where, field: field.join('.'), item };
}

function expectation(issue: v.BaseIssue<unknown>): { text: Text; expected?: Text } {
  const got = issue.input;
  const exp = typeNames[issue.expected ?? ''] ?? (issue.expected ? L(issue.expected, issue.expected) : undefined);
  if (got === undefined) return { text: L('fehlt', 'missing'), expected: exp };
  if (issue.type === 'min_length' || (typeof got === 'string' && got.trim() === ''))
    return { text: L('leer', 'empty'), expected: L('Text', 'text') };
  if (issue.kind === 'schema' && issue.type !== 'union') {
    const shown = typeof got === 'string' ? `„${got.slice(0, 40)}“` : JSON.stringify(got)?.slice(0, 40);
    return { text: L(`${shown} hat die falsche Art`, `${shown} has the wrong kind`), expected: exp };
  }
  if (issue.type === 'min_value' || issue.type === 'max_value') {
    return {
      text: L(
        `${String(got)} ist zu ${issue.type === 'min_value' ? 'klein' : 'groß'}`,
        `${String(got)} is too ${issue.type === 'min_value' ? 'small' : 'large'}`,
      ),
      expected: L(
        `${issue.type === 'min_value' ? 'mindestens' : 'höchstens'} ${issue.requirement}`,
        `${issue.type === 'min_value' ? 'at least' : 'at most'} ${issue.requirement}`,
      ),
    };
  }
  if (issue.type === 'union') return { text: L('passt zu keiner erlaubten Form', 'matches none of the allowed forms') };
  return { text: L(issue.message, issue.message) };
}

/** A correct value for a field, from the spreadsheet columns' documented examples. */
function exampleFor(columns: readonly Column[], field: string, csv: boolean): { example?: string; help?: Text } {
  const col = columns.find((c) => c.key === field || c.key.endsWith(`.${field}`) || c.key.split('.')[0] === field);
  if (!col) return {};
  if (csv) return { example: `${col.de}: ${col.example}`, help: col.help };
  const value =
    col.kind === 'number' || col.kind === 'int'
      ? Number(col.example.replace(',', '.'))
      : col.kind === 'bool'
        ? /^(ja|yes)$/i.test(col.example)
        : col.kind === 'list'
          ? col.example.split(/\s*[|;,]\s*/)
          : col.example;
  const leaf = col.key.split('.').pop()!;
  return { example: `"${leaf}": ${JSON.stringify(value)}`, help: col.help };
}

const IMAGE_FIELDS: [string, string][] = [
  ['image', 'alt'],
  ['photo', 'alt'],
];

export interface CheckOptions {
  /** Rewrites every warning's message before the checker sees it (the test that shows no verdict depends on wording). */
  reword?: (message: string) => string;
  /** The language the widgets' own notes are read in: the checker page's. German when absent. */
  lang?: Lang;
}

/** Each widget's detectors (what it recognises without `format`) and the adapters of the formats it reads. */
const detectorsOf: Record<string, () => Promise<Detectors>> = {
  'idea-wall': () => import('../idea-wall/idea-wall.formats.js').then((m) => m.detectors),
  'mitfahrbank-map': () => import('../mitfahrbank-map/mitfahrbank-map.formats.js').then((m) => m.detectors),
  'ehrenamt-card': () => import('../ehrenamt-card/ehrenamt-card.formats.js').then((m) => m.detectors),
  'partner-logos': () => import('../partner-logos/partner-logos.formats.js').then((m) => m.detectors),
};
const adaptersOf: Record<string, Record<string, () => Promise<FeedAdapter>>> = {
  'idea-wall': {
    decidim: () => import('../idea-wall/adapters/decidim.js').then((m) => m.decidimAdapter),
    consul: () => import('../idea-wall/adapters/consul.js').then((m) => m.consulAdapter),
  },
  'mitfahrbank-map': {
    geojson: () => import('../mitfahrbank-map/adapters/osm.js').then((m) => m.geojson(() => undefined)),
    overpass: () => import('../mitfahrbank-map/adapters/osm.js').then((m) => m.overpass(() => undefined)),
    umap: () => import('../mitfahrbank-map/adapters/osm.js').then((m) => m.umap(() => undefined)),
  },
};

/** A non-native JSON format the widget would detect: its name and, when the widget reads it, its adapter. */
async function otherFormat(
  tag: string,
  loaded: Loaded,
  json: unknown,
): Promise<{ format: string; read?: () => Promise<FeedAdapter> } | undefined> {
  const detectors = await detectorsOf[tag]?.();
  if (!detectors) return undefined;
  const path = loaded.url ? new URL(loaded.url, location.href).pathname : '';
  const format = detectFormat({ contentType: '', path, text: loaded.text, json }, detectors);
  if (!format || format === 'csv') return undefined;
  const adapters = adaptersOf[tag] ?? {};
  return { format, read: Object.hasOwn(adapters, format) ? adapters[format] : undefined };
}

/**
 * Validates data for a widget: schema issues, the widget's own notes, alt texts, logo sizes.
 * Survives any JSON: whatever breaks the check itself (nesting deeper than the stack, a value
 * no step expected) becomes an error finding in the report instead of no report at all.
 */
export async function checkData(info: WidgetInfo, loaded: Loaded, baseUrl: string, options: CheckOptions = {}): Promise<Report> {
  try {
    return await checkDataUnguarded(info, loaded, baseUrl, options);
  } catch (error) {
    const deep = error instanceof RangeError;
    const detail = String((error as Error)?.message ?? error).slice(0, 200);
    return {
      findings: [
        {
          level: 'error',
          code: deep ? 'too-deep' : 'check-failed',
          text: deep
            ? L(
                'Die Daten sind zu tief verschachtelt, um sie zu lesen (Listen in Listen in Listen …).',
                'The data is nested too deeply to be read (lists in lists in lists …).',
              )
            : L(`Die Daten ließen sich nicht prüfen: ${detail}`, `The data could not be checked: ${detail}`),
        },
      ],
      offered: 0,
      shown: 0,
      fatal: true,
      imageOrigins: [],
    };
  }
}

async function checkDataUnguarded(info: WidgetInfo, loaded: Loaded, baseUrl: string, options: CheckOptions): Promise<Report> {
  const reword = options.reword ?? ((message: string) => message);
  const findings: Finding[] = [];
  // The checker is the second consumer of the widgets' warnings (the console is the first): it sorts them by code.
  const warnings: FeedWarning[] = [];
  const lang = options.lang ?? 'de';
  const ctx: FeedContext = { baseUrl, lang, warn: (message, w) => warnings.push(toWarning(reword(message), w)) };
  const mapping = await info.csv();
  const columns = mapping.columns;
  const csv = loaded.kind === 'csv';
  let raw: unknown;
  const report: Report = { findings, offered: 0, shown: 0, fatal: true, imageOrigins: [] };
  try {
    if (csv) {
      const a = csvAdapter(mapping);
      raw = a.map!(a.decode!(loaded.text, ctx), ctx);
    } else raw = JSON.parse(loaded.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const e = error as Error;
    // Found by our own scan: Firefox and WebKit word (or omit) the place unlike Chromium.
    const at = csv ? undefined : jsonErrorAt(loaded.text);
    const where: Text | undefined = at && L(`Zeile ${at.line}, Zeichen ${at.character}`, `line ${at.line}, character ${at.character}`);
    findings.push({
      level: 'error',
      code: csv ? 'csv-syntax' : 'json-syntax',
      where,
      text: csv ? L(e.message, e.message) : L(`Kein gültiges JSON: ${e.message}`, `Not valid JSON: ${e.message}`),
      expected: csv
        ? undefined
        : L(
            'JSON ohne Komma nach dem letzten Eintrag, Texte in "doppelten" Anführungszeichen',
            'JSON without a comma after the last entry, text in "double" quotes',
          ),
    });
    warnings.forEach((w) => findings.push(finding(w, lang)));
    return report;
  }
  if (!csv) {
    // Another format the widget recognises without `format` (GeoJSON, Overpass, uMap, a platform's
    // answer): checked as the widget reads it, or named when the widget cannot read it.
    const other = await otherFormat(info.tag, loaded, raw);
    if (other && !other.read) {
      findings.push({
        level: 'error',
        code: 'format-unreadable',
        text: L(
          `Die Datei ist ${formatName(other.format)}; das kann <${info.tag}> nicht lesen.`,
          `The file is ${formatName(other.format)}, which <${info.tag}> cannot read.`,
        ),
      });
      return report;
    }
    if (other?.read) {
      findings.push({
        level: 'info',
        code: 'format-detected',
        text: L(
          `Die Datei ist ${formatName(other.format)}. Das Widget erkennt das am Inhalt (format="${other.format}" geht auch); geprüft wird, was es daraus liest.`,
          `The file is ${formatName(other.format)}. The widget recognises it by its content (format="${other.format}" works too); what it reads from it is checked.`,
        ),
      });
      try {
        raw = (await other.read()).map!(raw, ctx);
      } catch (error) {
        findings.push({
          level: 'error',
          code: 'nothing-shown',
          text: L(
            `Das Widget zeigt eine Fehlermeldung statt der Daten: ${(error as Error).message}`,
            `The widget shows an error instead of the data: ${(error as Error).message}`,
          ),
        });
        warnings.forEach((w) => findings.push(finding(w, lang)));
        return report;
      }
    }
  }
  warnings.forEach((w) => findings.push(finding(w, lang)));
  warnings.length = 0;
  report.data = raw;
  // A skipped spreadsheet row is an item the volunteer meant to show.
  report.offered = csv ? tableOf(loaded.text).rows.length : info.items(raw).length;

  const schema = await info.schema();
  const result = v.safeParse(schema, raw);
  if (!result.success) {
    for (const issue of result.issues) {
      const path = (issue.path ?? []).map((p) => p.key as string | number);
      const { where, field } = whereOf(info, raw, path);
      const { text, expected } = expectation(issue);
      const ex = exampleFor(columns, field, csv);
      findings.push({
        level: 'error',
        code: 'schema',
        where,
        field: field || undefined,
        text,
        expected: expected ?? ex.help,
        example: ex.example,
      });
    }
  }

  // The widget's own reading: what it repairs, drops or skips, and whether anything is shown.
  const parse = await info.parse();
  try {
    const value = parse(raw, ctx);
    report.shown = info.shown(value);
    report.fatal = false;
  } catch (error) {
    findings.push({
      level: 'error',
      code: 'nothing-shown',
      text: L(
        `Das Widget zeigt eine Fehlermeldung statt der Daten: ${(error as Error).message}`,
        `The widget shows an error instead of the data: ${(error as Error).message}`,
      ),
    });
  }
  // The line of the item a warning names (spreadsheets only).
  const lineOf = (name: string) => {
    const item = info
      .items(raw)
      .find(
        (i) =>
          i &&
          typeof i === 'object' &&
          [(i as Record<string, unknown>).id, (i as Record<string, unknown>).title, (i as Record<string, unknown>).name].includes(name),
      );
    return item ? sourceLines.get(item as object) : undefined;
  };
  for (const w of warnings) {
    if (COVERED.has(w.code)) continue;
    const f = finding(w, lang);
    const line = !f.where && w.item !== undefined && lineOf(w.item);
    if (line) f.where = L(`Zeile ${line}`, `line ${line}`);
    findings.push(f);
  }

  // Images: alt text, logo sizes, hosts for the CSP.
  const origins = new Set<string>();
  const addOrigin = (src: unknown) => {
    try {
      // Only origins the widget would load from: it drops anything but http(s) (file:, data:, javascript:).
      const u = typeof src === 'string' && src ? new URL(src, baseUrl) : undefined;
      if (u && /^https?:$/.test(u.protocol)) origins.add(u.origin);
    } catch {
      /* reported by the widget's notes */
    }
  };
  info.items(raw).forEach((item, i) => {
    if (!item || typeof item !== 'object') return;
    const o = item as Record<string, Record<string, unknown> | undefined>;
    const line = sourceLines.get(item);
    const name = String((o as Record<string, unknown>).title ?? (o as Record<string, unknown>).name ?? '').slice(0, 40);
    const where = line
      ? L(`Zeile ${line} „${name}“`, `line ${line} “${name}”`)
      : L(`${info.item[0].de} ${i + 1} „${name}“`, `${info.item[0].en} ${i + 1} “${name}”`);
    for (const [key, alt] of IMAGE_FIELDS) {
      const img = o[key];
      if (img && typeof img === 'object' && img.src) {
        addOrigin(img.src);
        if (!String(img[alt] ?? '').trim()) {
          const col = columns.find((c) => c.key === `${key}.${alt}`);
          findings.push({
            level: 'warn',
            code: 'alt-missing',
            where,
            field: csv ? col?.de : `${key}.${alt}`,
            text: L(
              'Bild ohne Beschreibung: Wer es nicht sieht, erfährt nicht, was es zeigt.',
              'Image without a description: people who cannot see it miss what it shows.',
            ),
            expected: L('ein kurzer Satz, was auf dem Bild zu sehen ist', 'a short sentence on what the image shows'),
            example: col ? (csv ? `${col.de}: ${col.example}` : `"${alt}": "${col.example}"`) : undefined,
          });
        }
      }
    }
    const logo = o.logo;
    if (logo && typeof logo === 'object' && logo.src) {
      addOrigin(logo.src);
      addOrigin(logo.darkSrc);
      if (!(Number(logo.width) > 0 && Number(logo.height) > 0)) {
        findings.push({
          level: 'warn',
          code: 'logo-size',
          where,
          field: csv ? 'Breite, Höhe' : 'logo.width, logo.height',
          text: L(
            'Logo ohne Maße: Es wird in eine feste Box eingepasst und wirkt zu groß oder zu klein, und die Seite springt beim Laden.',
            'Logo without a size: it is fitted into a fixed box, looks too big or too small, and the page jumps while loading.',
          ),
          expected: L(
            'Breite und Höhe des Bildes in Pixeln (Dateieigenschaften)',
            'width and height of the image in pixels (file properties)',
          ),
          example: csv ? 'Breite: 260, Höhe: 80' : '"width": 260, "height": 80',
        });
      }
    }
  });
  report.imageOrigins = [...origins];
  return report;
}

/** Unsafe or unusable links and images: errors, because the visitor loses them. */
const UNSAFE = new Set<WarningCode>(['url.unsafe', 'url.invalid', 'logo.unsafe-src']);
/** Reported by the checker's own checks with more detail (schema issues, logo sizes). */
const COVERED = new Set<WarningCode>(['item.invalid', 'item.location', 'logo.size']);

/** A warning of the widget as a finding: classified by its code; line and column from its fields. */
export function finding(w: FeedWarning, lang: Lang = 'de'): Finding {
  const unsafe = UNSAFE.has(w.code);
  const place = w.line !== undefined ? placeOf(w.line, w.path, lang) : undefined;
  const text = place && w.message.startsWith(place) ? w.message.slice(place.length) : w.message;
  return {
    level: unsafe ? 'error' : 'warn',
    code: unsafe ? 'unsafe-url' : 'note',
    where: w.line !== undefined ? L(`Zeile ${w.line}`, `line ${w.line}`) : undefined,
    field: w.line !== undefined ? w.path : undefined,
    text: L(text, text),
    expected: unsafe
      ? L(
          'eine Adresse mit https:// (oder relativ zur Datei); sie wird sonst weggelassen',
          'an https:// address (or relative to the file); otherwise it is dropped',
        )
      : undefined,
    example: unsafe ? 'https://www.harzstedt.de/bilder/sofa.jpg' : undefined,
  };
}
