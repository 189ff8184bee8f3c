// A fresh page for one timed load, as every first-content bench tool opens it: its own browser context,
// 1280×900, HTTP cache off, and the run's condition (CPU throttling, latency per request with unlimited
// bandwidth, i.e. a phone network's round trip). The caller closes `context`.
export async function freshPage(browser, { throttle = 1, latency = 0 } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (latency)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  return { context, page, cdp };
}
