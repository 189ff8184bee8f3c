/**
 * `<st-feed-checker>`: the page for the people who keep the data (demo/checker.html). Check a feed
 * (URL or file, JSON or CSV) against a widget, see it live, then build the embed code.
 * Renders into the page (light DOM) so the loader sees the preview widgets like on any site.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { decodeBody } from '../core/request.js';
import type { WidgetElement } from '../core/widget-element.js';
import type { Column } from '../csv/sheet.js';
import type { Finding, Loaded, Report } from './checks.js';

/** The checks load when the first check runs (they bring the schemas along). */
const checks = () => import('./checks.js');
import { OSM_TILES, attributes, csp, shortcode, snippet, sri, usesMap, type BuilderState } from './snippet.js';
import { L, widgetOf, widgets, type Text } from './widgets.js';

type Lang = 'de' | 'en';

const ui = {
  title: L('Daten prüfen und Widget einbauen', 'Check your data and embed a widget'),
  intro: L(
    'Für alle, die die Ideen, Mitfahrbänke, Partner oder Logos pflegen: Prüfen Sie Ihre Datei, bevor sie online geht, und holen Sie sich den Code für Ihre Website. Nichts wird gespeichert oder verschickt.',
    'For everyone who keeps the ideas, benches, partners or logos: check your file before it goes live and get the code for your website. Nothing is stored or sent anywhere.',
  ),
  switchTo: L('English', 'Deutsch'),
  step1: L('1. Daten prüfen', '1. Check your data'),
  widget: L('Widget', 'Widget'),
  url: L('Adresse der Daten (URL)', 'Address of the data (URL)'),
  urlHelp: L(
    'Eine JSON- oder CSV-Datei, auch der CSV-Link einer veröffentlichten Tabelle (Nextcloud, Google Tabellen).',
    'A JSON or CSV file, also the CSV link of a published spreadsheet (Nextcloud, Google Sheets).',
  ),
  file: L('… oder eine Datei von Ihrem Rechner (auch hierher ziehen)', '… or a file from your computer (or drop it here)'),
  format: L('Format', 'Format'),
  auto: L('erkennen', 'detect'),
  check: L('Prüfen', 'Check'),
  checking: L('Wird geprüft …', 'Checking …'),
  template: L('Vorlage als Tabelle (CSV, öffnet in Excel und LibreOffice)', 'Spreadsheet template (CSV, opens in Excel and LibreOffice)'),
  sample: L('Beispieldaten (JSON)', 'Sample data (JSON)'),
  schema: L('JSON-Schema', 'JSON Schema'),
  columns: L('Spalten der Tabelle', 'Spreadsheet columns'),
  colName: L('Spalte', 'Column'),
  colEn: L('auch', 'also'),
  colWhat: L('Was hinein gehört', 'What goes in'),
  colExample: L('Beispiel', 'Example'),
  required: L('Pflicht', 'required'),
  listHint: L(
    'Mehrere Werte in einer Zelle trennen Sie mit „;“ oder „|“. Spaltennamen dürfen deutsch oder englisch sein, Groß- und Kleinschreibung egal. Speichern als „CSV UTF-8“ oder „CSV (Trennzeichen-getrennt)“.',
    'Separate several values in one cell with “;” or “|”. Column names may be German or English, in any case. Save as “CSV UTF-8”.',
  ),
  results: L('Ergebnis', 'Result'),
  noProblems: L('Keine Probleme gefunden.', 'No problems found.'),
  where: L('Wo', 'Where'),
  field: L('Feld', 'Field'),
  expected: L('Erwartet', 'Expected'),
  example: L('Beispiel', 'Example'),
  fix: L('So beheben Sie es', 'How to fix it'),
  levels: { error: L('Problem', 'Problem'), warn: L('Hinweis', 'Warning'), info: L('Info', 'Info') } as Record<string, Text>,
  live: L('So sehen Besucher es', 'What visitors see'),
  step2: L('2. Einbau-Code erstellen', '2. Build the embed code'),
  lang: L('Sprache', 'Language'),
  langPage: L('wie die Seite', 'like the page'),
  theme: L('Farbschema', 'Colour scheme'),
  light: L('hell', 'light'),
  dark: L('dunkel', 'dark'),
  themeAuto: L('wie die Seite (dunkel nur auf dunklem Hintergrund)', 'like the page (dark only on a dark background)'),
  sections: L('Abschnitte', 'Sections'),
  consent: L(
    'Die Website fragt schon selbst nach Zustimmung zur Karte (Consent-Manager)',
    'The website already asks for map consent itself (consent manager)',
  ),
  tileUrl: L('Kachel-Server der Karte', 'Map tile server'),
  tileHelp: L(
    'Adresse mit {z}, {x} und {y}. Ein eigener Server vermeidet die Übermittlung an Dritte.',
    'Address with {z}, {x} and {y}. Your own server avoids third parties.',
  ),
  tileAttribution: L('Quellenangabe der Karte', 'Map attribution'),
  script: L('Adresse von stadttraum.js', 'Address of stadttraum.js'),
  scriptHelp: L(
    'Wo Sie die Dateien aus dem Release-Ordner ablegen, z. B. /stadttraum/0.1.0/stadttraum.js.',
    'Where you put the release folder, e.g. /stadttraum/0.1.0/stadttraum.js.',
  ),
  site: L('Adresse Ihrer Website (für die CSP)', 'Your website’s address (for the CSP)'),
  sriOn: L(
    'Mit Prüfsumme (SRI): Der Browser lädt den Lader nur, wenn er unverändert ist.',
    'With a checksum (SRI): the browser loads the loader only when unchanged.',
  ),
  sriOff: L('Prüfsumme (SRI) nur für Dateien auf diesem Server.', 'Checksum (SRI) only for files on this server.'),
  preview: L('Vorschau mit diesem Code', 'Preview with this code'),
  noSrc: L(
    'Tragen Sie oben die Adresse der Daten ein; eine Datei vom eigenen Rechner muss erst auf Ihren Server.',
    'Enter the address of the data above; a file from your computer must go on your server first.',
  ),
  htmlOut: L('HTML für Ihre Seite', 'HTML for your page'),
  cspOut: L('Content-Security-Policy (nur wenn Ihre Website eine hat)', 'Content-Security-Policy (only if your site has one)'),
  wpOut: L('WordPress (mit dem stadttraum-Plugin)', 'WordPress (with the stadttraum plugin)'),
  wpNote: L(
    'Kachel-Server und Zustimmung stellen Sie in WordPress unter Einstellungen → stadttraum ein.',
    'Set tile server and consent in WordPress under Settings → stadttraum.',
  ),
  copy: L('Kopieren', 'Copy'),
  copied: L('In die Zwischenablage kopiert.', 'Copied to the clipboard.'),
  fallback: L('Die Daten ansehen', 'View the data'),
  noscript: L('Diese Seite braucht JavaScript.', 'This page needs JavaScript.'),
};

const styles = css`
  st-feed-checker { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; color: #1d2327; }
  st-feed-checker header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
  st-feed-checker h1 { font-size: 1.6rem; margin: 0.5rem 0; }
  st-feed-checker h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; padding-top: 1rem; border-top: 2px solid #d0d5da; }
  st-feed-checker h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
  st-feed-checker .cols { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); align-items: start; }
  st-feed-checker fieldset { border: 1px solid #d0d5da; border-radius: 6px; margin: 0 0 1rem; padding: 0.5rem 1rem 0.75rem; }
  st-feed-checker legend, st-feed-checker label.field { font-weight: 600; }
  st-feed-checker label.field { display: block; margin: 0.75rem 0 0.25rem; }
  st-feed-checker .choice { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; }
  st-feed-checker input[type='url'], st-feed-checker input[type='text'], st-feed-checker select { box-sizing: border-box; width: 100%; min-height: 44px; padding: 0.4rem 0.6rem; font: inherit; border: 1px solid #6b7280; border-radius: 4px; background: #fff; color: inherit; }
  st-feed-checker input[type='radio'], st-feed-checker input[type='checkbox'] { width: 1.25rem; height: 1.25rem; margin: 0; }
  st-feed-checker .help { margin: 0.25rem 0 0; font-size: 0.9rem; color: #4b5563; }
  st-feed-checker .drop { margin-top: 0.75rem; padding: 0.75rem; border: 2px dashed #9aa1a9; border-radius: 6px; }
  st-feed-checker .drop.over { border-color: #1f4e8c; background: #eef4fb; }
  st-feed-checker button { min-height: 44px; padding: 0.4rem 1.1rem; font: inherit; font-weight: 600; border-radius: 4px; border: 1px solid #1f4e8c; background: #1f4e8c; color: #fff; cursor: pointer; }
  st-feed-checker button.quiet { background: #fff; color: #1f4e8c; }
  st-feed-checker button:disabled { opacity: 0.6; cursor: progress; }
  st-feed-checker :focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
  st-feed-checker a { color: #1f4e8c; }
  st-feed-checker .links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; }
  st-feed-checker .links a { display: inline-block; padding: 0.6rem 0; }
  st-feed-checker .summary { padding: 0.75rem 1rem; border-radius: 6px; background: #eef4fb; font-weight: 600; }
  st-feed-checker .summary.bad { background: #fdecec; }
  st-feed-checker .summary.good { background: #e8f5ec; }
  st-feed-checker ol.findings { padding: 0; list-style: none; }
  st-feed-checker .finding { margin: 0 0 0.75rem; padding: 0.6rem 0.9rem; border-left: 5px solid #6b7280; background: #f6f7f8; border-radius: 0 6px 6px 0; }
  st-feed-checker .finding.error { border-color: #a4262c; }
  st-feed-checker .finding.warn { border-color: #9a5800; }
  st-feed-checker .finding p { margin: 0.2rem 0; }
  st-feed-checker .badge { font-weight: 700; }
  st-feed-checker .error .badge { color: #a4262c; }
  st-feed-checker .warn .badge { color: #8a4f00; }
  st-feed-checker dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; margin: 0.3rem 0; }
  st-feed-checker dt { font-weight: 600; }
  st-feed-checker dd { margin: 0; overflow-wrap: anywhere; }
  st-feed-checker pre { margin: 0.25rem 0; padding: 0.75rem; overflow-x: auto; background: #1d2327; color: #f3f4f6; border-radius: 6px; font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
  st-feed-checker .preview { padding: 1rem; border: 1px solid #d0d5da; border-radius: 6px; min-height: 6rem; }
  st-feed-checker table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
  st-feed-checker th, st-feed-checker td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d0d5da; }
  st-feed-checker details { margin: 0.75rem 0; }
  st-feed-checker summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; font-weight: 600; color: #1f4e8c; }
  st-feed-checker .out-head { display: flex; justify-content: space-between; align-items: end; gap: 1rem; }
  st-feed-checker .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media (prefers-reduced-motion: reduce) { st-feed-checker * { transition: none !important; animation: none !important; } }
`;

/**
 * The feed checker and snippet builder.
 * @tag st-feed-checker
 */
export class FeedChecker extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    tag: { state: true },
    url: { state: true },
    format: { state: true },
    busy: { state: true },
    report: { state: true },
    findings: { state: true },
    builder: { state: true },
    columns: { state: true },
    announce: { state: true },
    over: { state: true },
  };

  override lang: Lang = 'de';
  tag = widgets[0].tag;
  url = '';
  format = '';
  busy = false;
  /** The last check: findings on the address and on the data. */
  findings?: Finding[];
  report?: Report;
  loaded?: Loaded;
  columns: readonly Column[] = [];
  announce = '';
  over = false;
  site = '';
  builder: BuilderState = {
    tag: widgets[0].tag,
    src: '',
    format: '',
    lang: '',
    theme: '',
    options: {},
    sections: ['card', 'check', 'partners'],
    consent: false,
    tileUrl: OSM_TILES,
    tileAttribution: '',
    scriptUrl: new URL('../dist/stadttraum.js', location.href).href,
    integrity: '',
    imageOrigins: [],
  };
  private hashed = '';
  private previewTimer?: ReturnType<typeof setTimeout>;

  protected override createRenderRoot() {
    this.replaceChildren(); // the no-JavaScript text
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    this.lang = params.get('lang') === 'en' || document.documentElement.lang === 'en' ? 'en' : 'de';
    document.documentElement.lang = this.lang;
    if (params.get('widget')) this.tag = widgetOf(params.get('widget')!).tag;
    if (params.get('src')) this.url = new URL(params.get('src')!, location.href).href;
    this.builder = { ...this.builder, tag: this.tag, src: this.url };
    if (this.url) void this.updateComplete.then(() => this.check());
    if (!document.adoptedStyleSheets.includes(styles.styleSheet!))
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles.styleSheet!];
    void this.loadColumns();
    void this.hashScript();
  }

  private t = (x: Text) => x[this.lang];

  private async loadColumns() {
    this.columns = (await widgetOf(this.tag).csv()).columns;
  }

  private toggleLang() {
    this.lang = this.lang === 'de' ? 'en' : 'de';
    document.documentElement.lang = this.lang;
    const u = new URL(location.href);
    u.searchParams.set('lang', this.lang);
    history.replaceState(null, '', u);
    document.title = `${this.t(ui.title)} – stadttraum`;
    // The widgets' own notes in the report are written in the language they were read in.
    if (this.loaded) void this.runCheck(this.loaded);
  }

  private pickWidget(tag: string) {
    this.tag = tag;
    this.builder = { ...this.builder, tag, options: {} };
    this.report = undefined;
    this.findings = undefined;
    void this.loadColumns();
    if (this.loaded) void this.runCheck(this.loaded);
  }

  /** Checks the address (or the dropped file) and then the data. */
  async check(file?: File): Promise<void> {
    this.busy = true;
    const findings: Finding[] = [];
    const { encodingNote, fetchFeed } = await checks();
    try {
      let loaded: Loaded | undefined;
      if (file) {
        const bytes = await file.arrayBuffer();
        const text = decodeBody(bytes, '');
        encodingNote(bytes, findings);
        const kind =
          this.format === 'json' ||
          (!this.format && /\.json$/i.test(file.name)) ||
          (!this.format && /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')))
            ? 'json'
            : 'csv';
        loaded = { text, kind, needsFormat: false };
      } else if (this.url.trim()) {
        loaded = await fetchFeed(this.url, this.format, findings);
        this.builder = {
          ...this.builder,
          src: loaded?.url ?? this.url.trim(),
          format: loaded?.needsFormat || this.format === 'csv' ? 'csv' : '',
        };
      }
      this.loaded = loaded;
      await this.runCheck(loaded, findings);
    } finally {
      this.busy = false;
    }
  }

  private async runCheck(loaded: Loaded | undefined, pre: Finding[] = this.findings?.filter((f) => f.code !== 'schema') ?? []) {
    const info = widgetOf(this.tag);
    const report = loaded ? await (await checks()).checkData(info, loaded, loaded.url ?? location.href, { lang: this.lang }) : undefined;
    this.report = report;
    this.findings = [...pre, ...(report?.findings ?? [])];
    this.builder = { ...this.builder, imageOrigins: report?.imageOrigins ?? [] };
    const errors = this.findings.filter((f) => f.level === 'error').length;
    this.announce = this.summary(errors);
  }

  private summary(errors: number): string {
    const info = widgetOf(this.tag);
    const f = this.findings ?? [];
    const warns = f.filter((x) => x.level === 'warn').length;
    const r = this.report;
    const de = `${errors} ${errors === 1 ? 'Problem' : 'Probleme'}, ${warns} ${warns === 1 ? 'Hinweis' : 'Hinweise'}.`;
    const en = `${errors} ${errors === 1 ? 'problem' : 'problems'}, ${warns} ${warns === 1 ? 'warning' : 'warnings'}.`;
    if (!r || r.fatal)
      return this.t(
        L(`${de} Besucher sähen eine Fehlermeldung statt der Daten.`, `${en} Visitors would see an error instead of the data.`),
      );
    const shown = L(
      `Besucher sehen ${r.shown} von ${r.offered} ${r.offered === 1 ? info.item[0].de : info.item[1].de}${r.offered > r.shown ? `; ${r.offered - r.shown} ${r.offered - r.shown === 1 ? 'fehlt' : 'fehlen'} ohne Hinweis für sie` : ''}.`,
      `Visitors see ${r.shown} of ${r.offered} ${r.offered === 1 ? info.item[0].en : info.item[1].en}${r.offered > r.shown ? `; ${r.offered - r.shown} ${r.offered - r.shown === 1 ? 'is' : 'are'} missing without telling them` : ''}.`,
    );
    return `${this.t(L(de, en))} ${this.t(shown)}`;
  }

  /** SRI only for a loader on this server (the checker can read it; a foreign one may change). */
  private async hashScript() {
    const url = this.builder.scriptUrl;
    if (this.hashed === url) return;
    this.hashed = url;
    let integrity = '';
    try {
      const u = new URL(url, location.href);
      if (u.origin === location.origin) {
        const res = await fetch(u.href);
        if (res.ok) integrity = await sri(await res.arrayBuffer());
      }
    } catch {
      integrity = '';
    }
    if (this.hashed === url) this.builder = { ...this.builder, integrity };
  }

  private set(patch: Partial<BuilderState>) {
    this.builder = { ...this.builder, ...patch };
    if ('scriptUrl' in patch) void this.hashScript();
  }

  private async copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.announce = this.t(ui.copied);
    } catch {
      this.announce = '';
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('report') || changed.has('lang')) this.mountLive();
    if (changed.has('builder') || changed.has('lang')) {
      clearTimeout(this.previewTimer);
      this.previewTimer = setTimeout(() => this.mountPreview(), 400);
    }
  }

  /** The widget with the checked data as its `data` property. */
  private mountLive() {
    const box = this.querySelector('#st-live');
    if (!box) return;
    box.replaceChildren();
    if (!this.report?.data) return;
    const el = document.createElement(this.tag) as WidgetElement;
    el.setAttribute('eager', '');
    el.setAttribute('lang', this.lang);
    if (this.tag === 'mitfahrbank-map') el.setAttribute('view', 'list');
    el.data = this.report.data;
    box.append(el);
  }

  /** The widget exactly as the snippet makes it (real `src`, same attributes). */
  private mountPreview() {
    const box = this.querySelector('#st-preview');
    if (!box) return;
    box.replaceChildren();
    const info = widgetOf(this.tag);
    if (!this.builder.src.trim()) return;
    const el = document.createElement(info.tag);
    for (const [k, v] of Object.entries(this.attrsOf())) el.setAttribute(k, v);
    el.setAttribute('eager', '');
    box.append(el);
  }

  /** The attributes exactly as the snippet writes them. */
  private attrsOf(): Record<string, string> {
    return Object.fromEntries(attributes(widgetOf(this.tag), this.builder));
  }

  override render() {
    const t = this.t;
    const info = widgetOf(this.tag);
    const b = this.builder;
    const code = snippet(info, b, t(ui.fallback));
    const policy = csp(info, b, this.site);
    const wp = shortcode(info, b);
    const errors = this.findings?.filter((f) => f.level === 'error').length ?? 0;
    return html`
      <header>
        <h1>${t(ui.title)}</h1>
        <button class="quiet" lang=${this.lang === 'de' ? 'en' : 'de'} @click=${this.toggleLang}>${t(ui.switchTo)}</button>
      </header>
      <p>${t(ui.intro)}</p>
      <div class="sr-only" role="status" aria-live="polite">${this.announce}</div>

      <h2 id="st-step1">${t(ui.step1)}</h2>
      <div class="cols">
        <form
          @submit=${(e: Event) => {
            e.preventDefault();
            void this.check();
          }}
          @dragover=${(e: DragEvent) => {
            e.preventDefault();
            this.over = true;
          }}
          @dragleave=${() => (this.over = false)}
          @drop=${(e: DragEvent) => {
            e.preventDefault();
            this.over = false;
            const f = e.dataTransfer?.files[0];
            if (f) void this.check(f);
          }}
        >
          <fieldset>
            <legend>${t(ui.widget)}</legend>
            ${widgets.map(
              (w) =>
                html`<label class="choice"><input type="radio" name="widget" .value=${w.tag} .checked=${w.tag === this.tag} @change=${() => this.pickWidget(w.tag)} /> ${t(w.name)} <code>&lt;${w.tag}&gt;</code></label>`,
            )}
          </fieldset>
          <label class="field" for="st-url">${t(ui.url)}</label>
          <input id="st-url" type="url" inputmode="url" autocomplete="url" placeholder="https://…" aria-describedby="st-url-help" .value=${this.url} @input=${(e: InputEvent) => (this.url = (e.target as HTMLInputElement).value)} />
          <p class="help" id="st-url-help">${t(ui.urlHelp)}</p>
          <div class=${this.over ? 'drop over' : 'drop'}>
            <label class="field" for="st-file">${t(ui.file)}</label>
            <input id="st-file" type="file" accept=".json,.csv,.txt,application/json,text/csv" @change=${(e: Event) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) void this.check(f);
            }} />
          </div>
          <label class="field" for="st-format">${t(ui.format)}</label>
          <select id="st-format" @change=${(e: Event) => (this.format = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.format === ''}>${t(ui.auto)}</option>
            <option value="json" ?selected=${this.format === 'json'}>JSON</option>
            <option value="csv" ?selected=${this.format === 'csv'}>CSV</option>
          </select>
          <p><button type="submit" ?disabled=${this.busy}>${this.busy ? t(ui.checking) : t(ui.check)}</button></p>
          <ul class="links">
            <li><a href=${`templates/${info.template}`} download>${t(ui.template)}</a></li>
            <li><a href=${`data/${info.sample}`}>${t(ui.sample)}</a></li>
            <li><a href=${`../schemas/${info.tag}.schema.json`}>${t(ui.schema)}</a></li>
          </ul>
          <details>
            <summary>${t(ui.columns)}</summary>
            <p class="help">${t(ui.listHint)}</p>
            <table>
              <thead><tr><th scope="col">${t(ui.colName)}</th><th scope="col">${t(ui.colWhat)}</th><th scope="col">${t(ui.colExample)}</th></tr></thead>
              <tbody>
                ${this.columns.map(
                  (c) => html`<tr>
                    <th scope="row">${this.lang === 'de' ? c.de : c.en}${c.required ? html` <small>(${t(ui.required)})</small>` : nothing}<br /><small>${t(ui.colEn)}: ${this.lang === 'de' ? c.en : c.de}</small></th>
                    <td>${t(c.help)}</td>
                    <td>${c.example}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </details>
        </form>

        <div>
          ${
            this.findings
              ? html`<h3>${t(ui.results)}</h3>
                <p class=${`summary ${errors ? 'bad' : 'good'}`} id="st-summary">${this.summary(errors)}</p>
                ${this.findings.length ? html`<ol class="findings">${this.findings.map((f) => this.renderFinding(f))}</ol>` : html`<p>${t(ui.noProblems)}</p>`}`
              : nothing
          }
          ${this.report?.data ? html`<h3>${t(ui.live)}</h3>` : nothing}
          <div id="st-live"></div>
        </div>
      </div>

      <h2 id="st-step2">${t(ui.step2)}</h2>
      <div class="cols">
        <form @submit=${(e: Event) => e.preventDefault()}>
          <label class="field" for="st-src">${t(ui.url)}</label>
          <input id="st-src" type="url" .value=${b.src} @input=${(e: Event) => this.set({ src: (e.target as HTMLInputElement).value })} />
          <label class="field" for="st-lang">${t(ui.lang)}</label>
          <select id="st-lang" @change=${(e: Event) => this.set({ lang: (e.target as HTMLSelectElement).value })}>
            ${[
              ['', ui.langPage],
              ['de', L('Deutsch', 'German')],
              ['en', L('Englisch', 'English')],
            ].map(([v, l]) => html`<option value=${v as string} ?selected=${b.lang === v}>${t(l as Text)}</option>`)}
          </select>
          <label class="field" for="st-theme">${t(ui.theme)}</label>
          <select id="st-theme" @change=${(e: Event) => this.set({ theme: (e.target as HTMLSelectElement).value })}>
            ${[
              ['', ui.light],
              ['dark', ui.dark],
              ['auto', ui.themeAuto],
            ].map(([v, l]) => html`<option value=${v as string} ?selected=${b.theme === v}>${t(l as Text)}</option>`)}
          </select>
          ${info.options.map(
            (o) => html`<label class="field" for=${`st-o-${o.attr}`}>${t(o.label)}</label>
              <select id=${`st-o-${o.attr}`} @change=${(e: Event) => this.set({ options: { ...b.options, [o.attr]: (e.target as HTMLSelectElement).value } })}>
                ${o.choices.map(([v, l]) => html`<option value=${v} ?selected=${(b.options[o.attr] ?? '') === v}>${t(l)}</option>`)}
              </select>`,
          )}
          ${
            info.sections
              ? html`<fieldset>
                <legend>${t(ui.sections)}</legend>
                ${info.sections.map(
                  ([id, l]) =>
                    html`<label class="choice"><input type="checkbox" .checked=${b.sections.includes(id)} @change=${(e: Event) => this.set({ sections: (e.target as HTMLInputElement).checked ? [...b.sections, id] : b.sections.filter((s) => s !== id) })} /> ${t(l)}</label>`,
                )}
              </fieldset>`
              : nothing
          }
          ${
            usesMap(info, b)
              ? html`<label class="choice"><input type="checkbox" .checked=${b.consent} @change=${(e: Event) => this.set({ consent: (e.target as HTMLInputElement).checked })} /> ${t(ui.consent)}</label>
                <label class="field" for="st-tiles">${t(ui.tileUrl)}</label>
                <input id="st-tiles" type="text" aria-describedby="st-tiles-help" .value=${b.tileUrl} @input=${(e: Event) => this.set({ tileUrl: (e.target as HTMLInputElement).value })} />
                <p class="help" id="st-tiles-help">${t(ui.tileHelp)}</p>
                <label class="field" for="st-attr">${t(ui.tileAttribution)}</label>
                <input id="st-attr" type="text" .value=${b.tileAttribution} @input=${(e: Event) => this.set({ tileAttribution: (e.target as HTMLInputElement).value })} />`
              : nothing
          }
          <label class="field" for="st-script">${t(ui.script)}</label>
          <input id="st-script" type="url" aria-describedby="st-script-help" .value=${b.scriptUrl} @change=${(e: Event) => this.set({ scriptUrl: (e.target as HTMLInputElement).value })} />
          <p class="help" id="st-script-help">${t(ui.scriptHelp)} ${b.integrity ? t(ui.sriOn) : t(ui.sriOff)}</p>
          <label class="field" for="st-site">${t(ui.site)}</label>
          <input id="st-site" type="url" placeholder="https://www.ihre-gemeinde.de" .value=${this.site} @input=${(e: Event) => {
            this.site = (e.target as HTMLInputElement).value;
            this.requestUpdate();
          }} />
        </form>
        <div>
          ${this.renderOut('st-out-html', t(ui.htmlOut), code)}
          ${this.renderOut('st-out-csp', t(ui.cspOut), `Content-Security-Policy: ${policy}`)}
          ${this.renderOut('st-out-wp', t(ui.wpOut), wp)}
          ${usesMap(info, b) ? html`<p class="help">${t(ui.wpNote)}</p>` : nothing}
          <h3>${t(ui.preview)}</h3>
          ${b.src.trim() ? nothing : html`<p class="help">${t(ui.noSrc)}</p>`}
          <div class="preview" id="st-preview"></div>
        </div>
      </div>
    `;
  }

  private renderOut(id: string, label: string, text: string) {
    return html`<div class="out-head"><h3 id=${`${id}-h`}>${label}</h3><button type="button" class="quiet" aria-describedby=${`${id}-h`} @click=${() => this.copy(text)}>${this.t(ui.copy)}</button></div>
      <pre id=${id} tabindex="0" aria-labelledby=${`${id}-h`}><code>${text}</code></pre>`;
  }

  private renderFinding(f: Finding) {
    const t = this.t;
    return html`<li class=${`finding ${f.level}`} data-code=${f.code}>
      <p><span class="badge">${t(ui.levels[f.level])}:</span> ${f.where ? html`<strong>${t(f.where)}</strong>${f.field ? html`, ${t(ui.field)} „${f.field}“` : nothing}: ` : f.field ? html`${t(ui.field)} „${f.field}“: ` : nothing}${t(f.text)}</p>
      ${
        f.expected || f.example
          ? html`<dl>
            ${f.expected ? html`<dt>${t(ui.expected)}</dt><dd>${t(f.expected)}</dd>` : nothing}
            ${f.example ? html`<dt>${t(ui.example)}</dt><dd><code>${f.example}</code></dd>` : nothing}
          </dl>`
          : nothing
      }
      ${
        f.fixes
          ? html`<details><summary>${t(ui.fix)}</summary>${f.fixes.map((x) => html`<p>${x.label}</p><pre tabindex="0"><code>${x.code}</code></pre>`)}</details>`
          : nothing
      }
    </li>`;
  }
}

if (!customElements.get('st-feed-checker')) customElements.define('st-feed-checker', FeedChecker);

declare global {
  interface HTMLElementTagNameMap {
    'st-feed-checker': FeedChecker;
  }
}
