// Runs first on the hostile page: records every CSP / Trusted Types violation and every error,
// and registers the CMS's own Trusted Types policy (the allow-list names it besides lit-html).
window.__violations = [];
window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => {
  if (String(e.sample).includes('stadttraum-probe')) return;
  window.__violations.push(
    `${e.violatedDirective} ${e.blockedURI} ${e.sample} (${String(e.sourceFile).replace(location.origin, '')}:${e.lineNumber}:${e.columnNumber})`,
  );
});
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
// Proves the policy is really enforced (before any default policy exists): a raw innerHTML write must throw.
try {
  document.createElement('div').innerHTML = '<b>stadttraum-probe</b>';
  window.__trustedTypesEnforced = false;
} catch {
  window.__trustedTypesEnforced = true;
}
window.cmsPolicy = window.trustedTypes.createPolicy('cms-sanitizer', { createHTML: (s) => s.replace(/</g, '&lt;') });
// Like many real sites with an old Leaflet, the CMS keeps it alive under Trusted Types with a
// default policy that lets exactly Leaflet 1.9.4's SVG feature probe through. Anything else
// reaching a string sink through the default policy is recorded as a violation and refused.
window.trustedTypes.createPolicy('default', {
  createHTML: (s, type, sink) => {
    if (s === '<svg/>') return s;
    window.__violations.push(`default policy asked for ${sink ?? type}: ${String(s).slice(0, 80)}`);
    return null;
  },
  createScript: (s, type, sink) => {
    window.__violations.push(`default policy asked for ${sink ?? type}: ${String(s).slice(0, 80)}`);
    return null;
  },
  createScriptURL: (s, type, sink) => {
    window.__violations.push(`default policy asked for ${sink ?? type}: ${String(s).slice(0, 80)}`);
    return null;
  },
});
