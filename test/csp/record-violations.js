// Loaded first on the strict-CSP test page: records every CSP / Trusted Types violation.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  if (String(e.sample).includes('stadttraum-probe')) return;
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
});
// Proves the policy is really enforced on this page: a raw innerHTML write must throw.
try {
  document.createElement('div').innerHTML = '<b>stadttraum-probe</b>';
  window.__trustedTypesEnforced = false;
} catch {
  window.__trustedTypesEnforced = true;
}
