import { waitFor, within } from 'storybook/test';

/**
 * The widget's shadow root as a testing-library container, once `ready` (a selector) is in it:
 * feeds and lazy chunks load asynchronously. Queries then read like a visitor's view
 * (`findByRole('button', { name: 'Schließen' })`).
 */
export async function widgetRoot<T extends HTMLElement>(canvas: HTMLElement, tag: string, ready: string) {
  const el = await waitFor(
    () => {
      const hit = canvas.querySelector<T>(tag);
      if (!hit?.shadowRoot?.querySelector(ready)) throw new Error(`<${tag}> shows no ${ready} yet`);
      return hit;
    },
    { timeout: 10_000 },
  );
  const root = el.shadowRoot!;
  return { el, root, screen: within(root as unknown as HTMLElement) };
}
