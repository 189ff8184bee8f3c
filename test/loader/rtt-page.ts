// Shared by the round-trip tests (round-trip.test.ts, big-feed-round-trip.test.ts): a host page
// from the slow server of test/server/round-trip.mjs, its request log, and a readable timeline.

/** One request in the server's log: when it arrived and when its answer was sent (0: still open). */
export interface Hit {
  path: string;
  start: number;
  end: number;
}

let count = 0;

/** Polls `check` every 25 ms until it holds, or fails naming `what`. */
export async function until(check: () => unknown, what: string, ms = 12_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A host page with the embed snippet around `body` (and `head` before it), from the slow server, in a fixed iframe;
 * with `tail` the page's end (that markup) comes `hold` ms after its start, as a long page's would.
 */
export async function page(body: string, head = '', tail?: string, hold?: number) {
  const run = `r${Date.now()}x${count++}`;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;top:0;left:0;width:1000px;height:700px;border:0;background:#fff';
  const rest = tail === undefined ? '' : `&tail=${encodeURIComponent(tail)}&hold=${hold ?? 1200}`;
  frame.src = `/mock/rtt/${run}/page.html?body=${encodeURIComponent(body)}&head=${encodeURIComponent(head)}${rest}`;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const doc = frame.contentDocument!;
  return {
    doc,
    win: frame.contentWindow!,
    shadow: (tag: string) => doc.querySelector(tag)?.shadowRoot ?? null,
    log: async (): Promise<Hit[]> => (await fetch(`/mock/rtt-log?run=${run}`)).json(),
    close: () => frame.remove(),
  };
}

/** The log relative to the loader's answer, for failure messages: "path +start…+end". */
export function timeline(log: Hit[]): string {
  const t0 = log.find((h) => h.path === 'dist/stadttraum.js')?.end ?? 0;
  return log.map((h) => `${h.path} +${h.start - t0}…${h.end ? `+${h.end - t0}` : 'open'}`).join('\n');
}
