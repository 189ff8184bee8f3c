import { html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

/** The host pages a baseline is shot on. */
export const pages = { light: '#ffffff', dark: '#121416' } as const;
export type Page = keyof typeof pages;

/** A clipped frame of the given size on a light or dark host page, the widget inside. */
export function frame(page: Page, width: number, height: number, widget: TemplateResult, lang = 'de'): TemplateResult {
  return html`<div
    lang=${lang}
    style="width:${width}px;height:${height}px;overflow:hidden;padding:16px;box-sizing:border-box;background:${pages[page]};color-scheme:${page};font:16px/1.5 'DejaVu Sans',sans-serif;color:${page === 'dark' ? '#e8eaed' : '#1d2327'}"
  >
    ${widget}
  </div>`;
}

/** Why the pixels would not be comparable here, or '' when they are. */
export function reasonToSkip(): string {
  if (!/Chrome\//.test(navigator.userAgent)) return `visual baselines are Chromium's; this is ${navigator.userAgent}`;
  const probe = document.createElement('span');
  probe.textContent = 'Ideenwand Mitfahrbank 0123456789';
  probe.style.cssText = 'position:absolute;font:16px monospace;visibility:hidden';
  document.body.append(probe);
  const fallback = probe.getBoundingClientRect().width;
  probe.style.fontFamily = '"DejaVu Sans", monospace';
  const dejavu = probe.getBoundingClientRect().width;
  probe.remove();
  return dejavu === fallback ? 'DejaVu Sans is not installed (fonts-dejavu-core; npm test installs it as root)' : '';
}
