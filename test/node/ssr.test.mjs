// Every widget renders on the server with @lit-labs/ssr (Astro, Eleventy, Next with Lit's SSR
// integration) without throwing, and emits its shadow root as declarative shadow DOM, so the page
// shows the widget's loading state or fallback before any script runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

// The npm build, as an app's server imports it (define modules register the tags).
for (const w of ['idea-wall', 'mitfahrbank-map', 'ehrenamt-card', 'partner-logos']) await import(`../../dist/lib/${w}/${w}.js`);

const cases = {
  'idea-wall': html`<idea-wall src="/ideas.json" lang="en"><a href="/ideas">All ideas</a></idea-wall>`,
  'mitfahrbank-map': html`<mitfahrbank-map src="/benches.json" theme="dark"></mitfahrbank-map>`,
  'ehrenamt-card': html`<ehrenamt-card src="/ehrenamt.json"></ehrenamt-card>`,
  'partner-logos': html`<partner-logos><script type="application/json">{"groups":[{"title":"Gefördert durch","partners":[{"name":"Landkreis"}]}]}</script></partner-logos>`,
  'partner-logos with a fallback link': html`<partner-logos src="/partners.json"><a href="/partner">Unsere Partner</a></partner-logos>`,
};

for (const [name, template] of Object.entries(cases)) {
  test(`<${name.split(' ')[0]}> renders under @lit-labs/ssr${name.includes(' ') ? name.slice(name.indexOf(' ')) : ''}`, async () => {
    const out = await collectResult(render(template));
    const tag = name.split(' ')[0];
    assert.match(
      out,
      new RegExp(`<${tag}[^>]*>\\s*(<!--[^>]*-->\\s*)*<template shadowroot(mode)?="open"`),
      `${tag}: no declarative shadow root in\n${out.slice(0, 400)}`,
    );
    // The shadow root holds the widget's own markup (its loading state), not an empty template.
    const shadow = out.slice(out.indexOf('<template shadowroot'), out.indexOf('</template>'));
    assert.match(shadow, /part="(base|loading)"/, `${tag}: shadow root without the loading state:\n${shadow.slice(0, 400)}`);
  });
}
