import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties through the CSSOM (`style.setProperty`), never through a `style`
 * attribute: `style-src 'self'` without `unsafe-inline` blocks style attributes, and Lit's
 * `styleMap` writes one on first render. Use as `style=${cssVars({ '--_cat': colour })}` or
 * on the element itself, `<div ${cssVars({ … })}>`; undefined values remove the property.
 */
class CssVarsDirective extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    const onStyle = info.type === PartType.ATTRIBUTE && info.name === 'style';
    if (!onStyle && info.type !== PartType.ELEMENT) throw new Error('cssVars() belongs in a style attribute or on the element itself');
  }

  render(_props: Record<string, string | number | undefined | null>) {
    return noChange;
  }

  override update(part: AttributePart | ElementPart, [props]: [Record<string, string | number | undefined | null>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (props[name] == null) style.removeProperty(name);
    this.previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, String(value));
      this.previous.add(name);
    }
    return noChange;
  }
}

export const cssVars = directive(CssVarsDirective);
