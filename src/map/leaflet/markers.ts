/** Marker elements built as DOM (never HTML strings): a pin, a cluster disc and the visitor's dot. */
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** A 44×44 button holding a pin; the pin's tip is the bottom centre. */
export function pinButton(label: string, selected: boolean): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'st-pin';
  button.setAttribute('aria-label', label);
  button.title = label;
  if (selected) button.setAttribute('aria-current', 'true');
  const icon = svg('svg', { viewBox: '0 0 30 40', width: '30', height: '40', 'aria-hidden': 'true', focusable: 'false' });
  icon.append(
    svg('path', {
      class: 'st-pin-body',
      d: 'M15 1.5C7.5 1.5 1.5 7.4 1.5 14.8 1.5 24.6 15 38.5 15 38.5S28.5 24.6 28.5 14.8C28.5 7.4 22.5 1.5 15 1.5Z',
    }),
    svg('circle', { class: 'st-pin-dot', cx: '15', cy: '14.5', r: '5.5' }),
  );
  button.append(icon);
  return button;
}

/** A disc with the number of points it stands for. */
export function clusterButton(count: number, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `st-cluster ${count >= 100 ? 'large' : count >= 10 ? 'medium' : 'small'}`;
  button.setAttribute('aria-label', label);
  button.title = label;
  const span = document.createElement('span');
  span.setAttribute('aria-hidden', 'true');
  span.textContent = count >= 10000 ? `${Math.round(count / 1000)}k` : String(count);
  button.append(span);
  return button;
}

/** The visitor's position: not interactive, named for screen readers. */
export function hereDot(label: string): HTMLElement {
  const el = document.createElement('span');
  el.className = 'st-here';
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  el.title = label;
  return el;
}
