import * as puppeteer from 'puppeteer-core';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { ensureChrome, chromeArgs } from './scripts/find-chrome.mjs';
import { firefoxPath, miniBrowserPath } from './scripts/engines.mjs';
import { testServer } from './test/server/middleware.mjs';
import { defaultReporter } from '@web/test-runner';
import { failureReporter } from './scripts/failure-reporter.mjs';
// Visual baselines (test/visual/): UPDATE_VISUAL=1 npx wtr --files test/visual/*.test.ts rewrites them.
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
const visual = visualRegressionPlugin({
  update: process.env.UPDATE_VISUAL === '1',
  baseDir: 'test/visual',
  getBaselineName: ({ browser, name }) => `baselines/${browser}/${name}`,
  getFailedName: ({ browser, name }) => `failed/${browser}/${name}`,
  getDiffName: ({ browser, name }) => `failed/${browser}/${name}-diff`,
  // Anti-aliasing noise passes; a changed colour or a moved box does not.
  diffOptions: { threshold: 0.02 },
  failureThreshold: 0.2,
  failureThresholdType: 'percent',
});

// One engine per run: `STADTTRAUM_ENGINE=chromium|firefox|webkit` (scripts/test.mjs runs all three
// one after another). WebKit needs a running WebKitWebDriver on WEBKIT_DRIVER_PORT (test.mjs starts it).
const engine = process.env.STADTTRAUM_ENGINE ?? 'chromium';

function browser() {
  if (engine === 'firefox') {
    // The project's own puppeteer-core speaks WebDriver BiDi to Firefox, through the Chrome launcher.
    return chromeLauncher({
      puppeteer,
      launchOptions: { browser: 'firefox', protocol: 'webDriverBiDi', executablePath: firefoxPath(), headless: true },
    });
  }
  if (engine === 'webkit') {
    return webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: Number(process.env.WEBKIT_DRIVER_PORT),
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitGTK 2.50's driver answers "Failed to match capabilities" to a BiDi session request.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      },
    });
  }
  return chromeLauncher({ launchOptions: { executablePath: ensureChrome(), headless: true, args: chromeArgs } });
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a background tab gets no animation frames, which hangs rAF-based waits.
  concurrency: 1,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 15_000 } },
  middleware: [testServer],
  // Every test page loads the assertion setup first (failures on DOM nodes report instead of hanging).
  testRunnerHtml: (framework) => `<!doctype html>
<html><body>
<script type="module" src="/test/setup/loud-assertions.ts"></script>
<script type="module" src="/test/setup/resize-observer-loop.ts"></script>
<script type="module" src="${framework}"></script>
</body></html>`,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), visual],
  browsers: [browser()],
  // scripts/test.mjs names the failed tests again under its summary (STADTTRAUM_FAILURES: where to list them).
  reporters: [defaultReporter(), ...(process.env.STADTTRAUM_FAILURES ? [failureReporter(process.env.STADTTRAUM_FAILURES)] : [])],
};
