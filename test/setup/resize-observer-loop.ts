/**
 * Loaded before every test file, before mocha (web-test-runner.config.mjs, testRunnerHtml).
 *
 * Why: "ResizeObserver loop completed with undelivered notifications" is the browser telling that
 * some size changes are delivered in the next frame instead of this one (the spec's loop guard); it
 * is reported as an error event, not thrown by any code. Mocha's window.onerror would fail whichever
 * test happens to run then (seen once in WebKitGTK with <idea-wall> loading a page). Registered
 * before mocha, this listener keeps exactly that report from reaching it; every other error still fails.
 */
window.addEventListener('error', (event) => {
  if (/^ResizeObserver loop/.test(event.message)) event.stopImmediatePropagation();
});
