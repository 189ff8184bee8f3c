/**
 * A failed support's technical line (core/write.ts: network error, HTTP status without JSON)
 * is in the widget's language in the console, as the visitor's sentence is in the widget.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { settled, textOf } from '../helpers.js';
import { $, clearStorage, stubFetch, until, wall } from './helpers.js';

const data = { ideas: [{ id: 'sofa', title: 'Das rollende Sofa', supporters: 10 }] };

/** Clicks support on a page in `lang`; the server answers with `respond`. Resolves once the widget says it failed. */
async function failedSupport(lang: 'de' | 'en', respond: () => Response | Promise<Response>): Promise<{ text: string; console: string }> {
  const stub = stubFetch(respond);
  const original = console.warn;
  const lines: string[] = [];
  console.warn = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    const holder = await wall(
      html`<div lang=${lang}><idea-wall eager support-endpoint="/api/support" .data=${data}></idea-wall></div>` as never,
    );
    const el = holder.firstElementChild as IdeaWall;
    await settled(el);
    $<HTMLButtonElement>(el, '[data-id="sofa"] [part="support"]')!.click();
    await until(() => lines.some((l) => l.startsWith('[stadttraum] idea-wall:')), 'the console line');
    await until(() => /could not be saved|konnte nicht gespeichert/.test(textOf(el)), 'the visitor’s message');
    expect(stub.calls).to.have.length(1);
    return { text: textOf(el), console: lines.join('\n') };
  } finally {
    console.warn = original;
    stub.restore();
    clearStorage();
  }
}

describe('idea-wall: write errors in the page’s language', () => {
  it('a network failure: English console line and English sentence on an English page, German on a German one', async () => {
    const fail = () => Promise.reject(new TypeError('Failed to fetch'));
    const en = await failedSupport('en', fail);
    expect(en.console).to.contain('idea-wall: Network error at ').and.contain('/api/support: Failed to fetch');
    expect(en.console).not.to.contain('Netzwerkfehler');
    expect(en.text).to.contain('Your support could not be saved. No connection to the server.');
    const de = await failedSupport('de', fail);
    expect(de.console).to.contain('idea-wall: Netzwerkfehler bei ').and.contain('/api/support: Failed to fetch');
    expect(de.text).to.contain('Ihre Unterstützung konnte nicht gespeichert werden. Keine Verbindung zum Server.');
  });

  it('an HTTP error without JSON: “HTTP 502 from … (not a JSON answer)” / „HTTP 502 von … (keine JSON-Antwort)“', async () => {
    const gateway = () => new Response('<h1>Bad Gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } });
    const en = await failedSupport('en', gateway);
    expect(en.console).to.match(/idea-wall: HTTP 502 from \S+\/api\/support \(not a JSON answer\)/);
    expect(en.text).to.contain('The server reported an error.');
    const de = await failedSupport('de', gateway);
    expect(de.console).to.match(/idea-wall: HTTP 502 von \S+\/api\/support \(keine JSON-Antwort\)/);
    expect(de.text).to.contain('Der Server hat einen Fehler gemeldet.');
  });
});
