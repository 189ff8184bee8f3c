import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets custom properties on an element through CSSOM (`style.setProperty`), also on the first
 * render. lit's `styleMap` writes a `style="…"` attribute on first render, which a strict
 * Content-Security-Policy (`style-src 'self'`) blocks.
 */
class CssVars extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssVars belongs on an element: <div ${cssVars({...})}>');
  }
  render(_vars: Record<string, string>) {
    return noChange;
  }
  override update(part: ElementPart, [vars]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(vars)) style.setProperty(name, value);
    return noChange;
  }
}

export const cssVars = directive(CssVars);
