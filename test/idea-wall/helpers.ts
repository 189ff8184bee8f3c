import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/idea-wall/idea-wall.js';
import type { IdeaWall } from '../../src/idea-wall/idea-wall.component.js';
import { settled } from '../helpers.js';

export async function wall(template: TemplateResult): Promise<IdeaWall> {
  const el = await fixture<IdeaWall>(template);
  await settled(el);
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: IdeaWall, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: IdeaWall, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const titles = (el: IdeaWall) => $$(el, '.card .open').map((b) => b.textContent!.trim());

/** Waits for a condition the widget reaches asynchronously (writes, lazy chunks). */
export async function until(check: () => unknown, what = 'condition', ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Opens the submit form (its chunk loads on the first click). */
export async function openForm(el: IdeaWall): Promise<HTMLFormElement> {
  $<HTMLButtonElement>(el, '.submit-open button')!.click();
  await until(() => $(el, 'form.form'), 'form chunk');
  await el.updateComplete;
  return $<HTMLFormElement>(el, 'form.form')!;
}

/** A valid submission for fillForm: what the form requires, no name. */
export const validIdea = {
  title: 'Trinkbrunnen am Markt',
  description: 'Ein Trinkwasserbrunnen für heiße Sommertage.',
  category: 'kultur',
  consent: true,
};

/** Types into the submit form as a visitor would (checkboxes by `change`, selects by `change`, fields by `input`). */
export function fillForm(el: IdeaWall, values: Record<string, string | boolean>): Promise<boolean> {
  for (const [name, value] of Object.entries(values)) {
    const input = $<HTMLInputElement>(el, `form.form [name="${name}"]`)!;
    if (typeof value === 'boolean') {
      input.checked = value;
      input.dispatchEvent(new Event('change'));
    } else {
      input.value = value;
      input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
    }
  }
  return el.updateComplete;
}

export function clearStorage(): void {
  for (const s of [localStorage, sessionStorage]) {
    for (const k of Object.keys(s)) if (k.startsWith('stadttraum.idea-wall')) s.removeItem(k);
  }
}

export function feed(count: number, extra: Record<string, unknown> = {}) {
  return {
    ideas: Array.from({ length: count }, (_, i) => ({
      id: `i${i}`,
      title: `Idee ${String(i).padStart(5, '0')}`,
      description: `Beschreibung ${i}`,
      created: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
      supporters: i % 17,
      status: ['new', 'review', 'planned', 'in-progress', 'done'][i % 5],
    })),
    ...extra,
  };
}

type FetchCall = { url: string; init?: RequestInit; body?: Record<string, unknown> };

/** Replaces window.fetch; `respond` answers each call. Returns the calls and a restore function. */
export function stubFetch(respond: (call: FetchCall, n: number) => Response | Promise<Response>) {
  const original = window.fetch;
  const calls: FetchCall[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: FetchCall = { url: String(input instanceof Request ? input.url : input), init };
    try {
      call.body = init?.body ? JSON.parse(String(init.body)) : undefined;
    } catch {
      /* not JSON */
    }
    calls.push(call);
    return respond(call, calls.length);
  };
  return { calls, restore: () => (window.fetch = original), original };
}
