// A web-test-runner reporter that lists every failed test (file › suite › test: first line of the
// error) in a JSON file. scripts/test.mjs prints that list under the engines' summary, so a CI log that
// shows only its last lines still names what failed and where.
import { writeFileSync } from 'node:fs';

/** Collects "suite › test" names with their error from one file's result tree. */
function failedTests(suite, path, out) {
  const here = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests) {
    if (!test.passed && !test.skipped) out.push({ test: [...here, test.name].join(' › '), error: test.error?.message });
  }
  for (const child of suite.suites) failedTests(child, here, out);
  return out;
}

/** The failures of one test file's sessions. */
function failuresOf(sessions) {
  const failures = [];
  for (const session of sessions) {
    const tests = session.testResults ? failedTests(session.testResults, [], []) : [];
    for (const t of tests) failures.push({ file: session.testFile, ...t });
    // An error outside any test (a module that did not load, a timeout) fails the file on its own.
    for (const e of session.errors ?? []) failures.push({ file: session.testFile, test: '(file)', error: e.message });
    if (!session.passed && !tests.length && !session.errors?.length)
      failures.push({ file: session.testFile, test: '(file)', error: `status ${session.status}` });
  }
  return failures;
}

export function failureReporter(file) {
  // Written after every file, not only at the end: when the browser disconnects, the runner stops
  // without finishing the run, and a WebKit run that failed a test earlier named nothing.
  const byFile = new Map();
  const write = () => writeFileSync(file, JSON.stringify([...byFile.values()].flat(), null, 1));
  return {
    reportTestFileResults({ sessionsForTestFile, testFile }) {
      byFile.set(testFile, failuresOf(sessionsForTestFile));
      write();
    },
    onTestRunFinished({ sessions }) {
      const files = new Map();
      for (const s of sessions) files.set(s.testFile, [...(files.get(s.testFile) ?? []), s]);
      for (const [testFile, list] of files) byFile.set(testFile, failuresOf(list));
      write();
    },
  };
}
