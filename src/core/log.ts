/** Console output for webmasters: one prefix, and each distinct message only once per page. */
const seen = new Set<string>();

export function warn(message: string, ...detail: unknown[]): void {
  console.warn(`[stadttraum] ${message}`, ...detail);
}

export function warnOnce(message: string, ...detail: unknown[]): void {
  if (seen.has(message)) return;
  seen.add(message);
  warn(message, ...detail);
}
