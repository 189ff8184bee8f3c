import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { ensureChrome, chromeArgs } from './scripts/find-chrome.mjs';
import { testServer } from './test/server/middleware.mjs';

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
<script type="module" src="${framework}"></script>
</body></html>`,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: ensureChrome(), headless: true, args: chromeArgs },
    }),
  ],
};
