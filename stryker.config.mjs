// `npm run mutation`: how many deliberate faults the tests catch (StrykerJS). Not a CI gate.
// StrykerJS has no runner for @web/test-runner, so the pure modules are tested in Node
// (test/unit/*.test.mjs, TypeScript through test/unit/register.mjs) with node:test via the TAP runner.
export default {
  mutate: [
    'src/core/write.ts', // the write path
    'src/core/safe-url.ts', // the URL sanitizer
    'src/core/consent.ts', // the consent gate
    'src/core/define.ts', // the define guard
    'src/*/*.model.ts', // the widgets' models
  ],
  testRunner: 'tap',
  tap: {
    testFiles: ['test/unit/*.test.mjs'],
    nodeArgs: ['--test-reporter=tap', '--import', './test/unit/register.mjs', '-r', '{{hookFile}}', '{{testFile}}'],
  },
  coverageAnalysis: 'perTest',
  concurrency: 2, // the machine's two cores
  timeoutMS: 10_000,
  // (the models' tests read the demo feeds in demo/data)
  ignorePatterns: [
    'dist',
    'storybook-static',
    'reports',
    'bench/.vendor',
    'wordpress',
    'demo/*',
    '!demo/data',
    'docs',
    'stories',
    'test/wordpress',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
