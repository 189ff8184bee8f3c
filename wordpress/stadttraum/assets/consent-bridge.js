/*
 * stadttraum: the site's consent manager already asked for map consent. This script grants it
 * through the widgets' consent API. Block it in the consent manager until the visitor agrees
 * (script id "stadttraum-consent-js"); revoke with window.stadttraum.consent.revoke('map').
 */
(function () {
  function grant() {
    var api = window.stadttraum && window.stadttraum.consent;
    if (!api) return false;
    api.grant('map');
    return true;
  }
  // The widgets' module runs before DOMContentLoaded; this classic script may run earlier.
  if (!grant()) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', grant, { once: true });
    else setTimeout(grant, 0);
  }
})();
