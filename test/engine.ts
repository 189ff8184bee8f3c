/**
 * For the few tests that need something only one engine has: they say so, and elsewhere they are
 * skipped with the reason printed (in the runner's browser log), never silently passed.
 */
export function requireFacility(ctx: Mocha.Context, available: boolean, reason: string): void {
  if (available) return;
  const ua = navigator.userAgent;
  const engine = /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chromium' : /AppleWebKit\//.test(ua) ? 'WebKit' : ua;
  console.log(`ÜBERSPRUNGEN in ${engine}: „${ctx.test?.title}“ – ${reason}`);
  ctx.skip();
}
