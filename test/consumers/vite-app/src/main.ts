// A developer's app: one widget from the npm package, its typed properties and events.
import 'stadttraum/idea-wall.js';
import type { IdeaWall, StIdeaSelectEvent } from 'stadttraum';

const wall = document.querySelector('idea-wall'); // HTMLElementTagNameMap → IdeaWall | null
if (!wall) throw new Error('no <idea-wall> on the page');

wall.sort = 'newest';
wall.pageSize = 12;
wall.theme = 'auto';
wall.transform = (raw) => raw;
// @ts-expect-error `sort` is one of newest | support | status | random
wall.sort = 'alphabetisch';
// @ts-expect-error `pageSize` is a number, not the attribute's string
wall.pageSize = '12';

const chosen = document.querySelector<HTMLParagraphElement>('#chosen')!;
wall.addEventListener('st-idea-select', (event) => {
  // The listener's event is the widget's own class, through GlobalEventHandlersEventMap.
  const id: string = event.detail.id;
  // @ts-expect-error the id is a string
  const asNumber: number = event.detail.id;
  chosen.textContent = `${id} ${asNumber}`;
});
wall.addEventListener('st-load', (event) => {
  const count: number = event.detail.count;
  document.title = `${count} Ideen`;
});

export function pick(el: IdeaWall, handler: (e: StIdeaSelectEvent) => void): void {
  el.addEventListener('st-idea-select', handler);
}
