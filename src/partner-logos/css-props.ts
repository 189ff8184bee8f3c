import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Custom properties through CSSOM (`style.setProperty`), from the very first render. lit's
 * `styleMap` writes a `style="…"` attribute on first render, which a strict
 * Content-Security-Policy (`style-src 'self'`) blocks. `undefined` removes a property.
 */
class CssProps extends Directive {
  private last = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps belongs on an element: <div ${cssProps({…})}>');
  }

  render(_props: Record<string, string | undefined>) {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Record<string, string | undefined>]) {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      next.add(name);
      if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    }
    for (const name of this.last) if (!next.has(name)) style.removeProperty(name);
    this.last = next;
    return noChange;
  }
}

export const cssProps = directive(CssProps);
