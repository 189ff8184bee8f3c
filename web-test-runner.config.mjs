import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { ensureChrome, chromeArgs } from './scripts/find-chrome.mjs';
import { testServer } from './test/server/middleware.mjs';
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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a background tab gets no animation frames, which hangs rAF-based waits.
  concurrency: 1,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 15_000 } },
  middleware: [testServer],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), visual],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: ensureChrome(), headless: true, args: chromeArgs },
    }),
  ],
};
