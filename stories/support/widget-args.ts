/**
 * Stories driven by `args`, with controls generated from custom-elements.json: every attribute
 * (a select for a list of values such as `sort`), the properties without an attribute (`data`),
 * the events (logged in the Actions panel), slots, parts and the CSS custom properties (a
 * control sets the token on the element). Changing a control, or `&args=sort:support` in the
 * URL, re-renders the widget with the new value.
 */
import { nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { getCustomElements } from '@storybook/web-components';
import type { ArgTypes, Args } from 'storybook/internal/types';

interface Typed {
  name: string;
  description?: string;
  type?: { text: string };
  parsedType?: { text: string };
  default?: string;
}
interface Member extends Typed {
  kind: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
}
interface Attribute extends Typed {
  fieldName?: string;
}
interface Element {
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: Typed[];
  slots?: Typed[];
  cssProperties?: Typed[];
  cssParts?: Typed[];
}
/**
 * The manifest that .storybook/preview.ts hands to Storybook (setCustomElementsManifest), read
 * when a story is prepared; the stories do not import the generated file themselves, so they
 * type-check before the first build.
 */
function element(tag: string): Element {
  const manifest = getCustomElements() as { modules?: { declarations?: Element[] }[] } | undefined;
  for (const mod of manifest?.modules ?? []) {
    const hit = mod.declarations?.find((d) => d.tagName === tag);
    if (hit) return hit;
  }
  throw new Error(`<${tag}> is not in custom-elements.json (run npm run analyze)`);
}

/** `st-idea-select` → `onStIdeaSelect`, the arg that receives the event. */
export const handlerName = (event: string) => `on${event.replace(/(^|-)(\w)/g, (_, _d, c: string) => c.toUpperCase())}`;

interface Spec {
  attributes: string[];
  properties: string[];
  events: [arg: string, event: string][];
  cssProperties: string[];
}

function spec(tag: string): Spec {
  const el = element(tag);
  const withAttribute = new Set((el.attributes ?? []).map((a) => a.fieldName));
  return {
    attributes: (el.attributes ?? []).map((a) => a.name),
    properties: (el.members ?? [])
      .filter((m) => m.kind === 'field' && !m.privacy && !m.static && !m.readonly && !withAttribute.has(m.name))
      .map((m) => m.name),
    events: (el.events ?? []).map((e) => [handlerName(e.name), e.name]),
    cssProperties: (el.cssProperties ?? []).map((c) => c.name),
  };
}

/** The values of a literal union (`'newest' | 'support'`), or null for any other type. */
function literals(text: string): string[] | null {
  const parts = text
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined');
  return parts.length && parts.every((p) => /^'[^']*'$|^"[^"]*"$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : null;
}

function attributeArgType(a: Attribute): ArgTypes[string] {
  const text = (a.parsedType ?? a.type)?.text ?? 'string';
  const plain = text.replace(/\s*\|\s*undefined$/, '');
  const options = literals(text);
  const control = options
    ? { type: options.length <= 4 ? ('inline-radio' as const) : ('select' as const) }
    : plain === 'boolean'
      ? { type: 'boolean' as const }
      : plain === 'number'
        ? { type: 'number' as const }
        : plain === 'string'
          ? { type: 'text' as const }
          : { type: 'object' as const };
  return {
    name: a.name,
    description: a.description,
    control,
    ...(options ? { options } : {}),
    table: {
      category: 'attributes',
      type: { summary: a.type?.text ?? 'string', ...(a.parsedType ? { detail: a.parsedType.text } : {}) },
      ...(a.default !== undefined ? { defaultValue: { summary: a.default } } : {}),
    },
  };
}

/** The argTypes of a tag, from the manifest: .storybook/preview.ts uses it for every widget's controls and docs tables. */
export function argTypesFor(tag: string): ArgTypes {
  const el = element(tag);
  const { properties } = spec(tag);
  const types: ArgTypes = {};
  for (const a of el.attributes ?? []) types[a.name] = attributeArgType(a);
  for (const name of properties) {
    const m = el.members!.find((x) => x.name === name)!;
    const isFunction = (m.type?.text ?? '').includes('=>');
    types[name] = {
      name,
      description: m.description,
      control: isFunction ? false : { type: 'object' },
      table: { category: 'properties', type: { summary: m.type?.text ?? 'unknown' } },
    };
  }
  for (const e of el.events ?? []) {
    const arg = handlerName(e.name);
    types[arg] = {
      name: e.name,
      description: e.description,
      action: e.name,
      control: false,
      table: { category: 'events', type: { summary: e.type?.text ?? 'Event' } },
    };
  }
  for (const s of el.slots ?? []) {
    types[s.name ? `slot-${s.name}` : 'default-slot'] = {
      name: s.name || '(default)',
      description: s.description,
      control: false,
      table: { category: 'slots' },
    };
  }
  for (const c of el.cssProperties ?? []) {
    const colour = /color|colour/i.test(c.description ?? '') || /^#/.test(c.default ?? '') || c.name.includes('-color-');
    types[c.name] = {
      name: c.name,
      description: c.description,
      control: { type: colour ? 'color' : 'text' },
      table: { category: 'css custom properties', ...(c.default !== undefined ? { defaultValue: { summary: c.default } } : {}) },
    };
  }
  for (const p of el.cssParts ?? []) {
    types[`part-${p.name}`] = {
      name: `::part(${p.name})`,
      description: p.description,
      control: false,
      table: { category: 'css shadow parts' },
    };
  }
  return types;
}

/** Puts args on the element: attributes, properties, CSS custom properties, event listeners. */
class ApplyArgs extends Directive {
  private listeners = new Map<string, EventListener>();
  private properties = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('applyArgs belongs on the element: <tag ${applyArgs(…)}>');
  }

  render(_spec: Spec, _args: Args) {
    return nothing;
  }

  override update(part: ElementPart, [s, args]: [Spec, Args]) {
    const el = part.element as HTMLElement & Record<string, unknown>;
    for (const name of s.attributes) {
      const value = args[name];
      if (value === undefined || value === null || value === false || value === '') el.removeAttribute(name);
      else el.setAttribute(name, value === true ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    for (const name of s.properties) {
      if (args[name] !== undefined) {
        el[name] = args[name];
        this.properties.add(name);
      } else if (this.properties.delete(name)) el[name] = undefined;
    }
    for (const name of s.cssProperties) {
      const value = args[name];
      if (value === undefined || value === '') el.style.removeProperty(name);
      else el.style.setProperty(name, String(value));
    }
    if (!el.getAttribute('style')) el.removeAttribute('style');
    for (const [arg, event] of s.events) {
      const old = this.listeners.get(event);
      if (old) el.removeEventListener(event, old);
      const handler = args[arg];
      if (typeof handler === 'function') {
        const listener = (e: Event) => handler(e);
        el.addEventListener(event, listener);
        this.listeners.set(event, listener);
      } else this.listeners.delete(event);
    }
    return nothing;
  }
}
const applyArgs = directive(ApplyArgs);

/**
 * The render function for a widget's stories: the tag with the story's args. `extra` adds values
 * that should not be controls (10,000 generated ideas, a transform function); `content` is
 * the fallback content inside the tag.
 */
export function renderWidget(
  tag: string,
  options: { extra?: Args; content?: TemplateResult; wrap?: (widget: TemplateResult) => TemplateResult } = {},
) {
  let s: Spec | undefined;
  const t = unsafeStatic(tag);
  return (args: Args) => {
    s ??= spec(tag);
    // lit/static-html: the tag is a static value, which eslint-plugin-lit cannot tell from a binding.
    // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
    const widget = html`<${t} ${applyArgs(s, { ...args, ...options.extra })}>${options.content ?? nothing}</${t}>`;
    return options.wrap ? options.wrap(widget) : widget;
  };
}
