/**
 * One consent API for all widgets and all copies of the script on a page:
 *   window.stadttraum.consent.grant('map') / .revoke('map') / .has('map')
 * State lives on `window`, so two bundles share it. Widgets listen for `st-consent-change`
 * on `window`. Nothing is stored unless a visitor asks for it to be remembered (localStorage,
 * never a cookie).
 */
export type ConsentPurpose = 'map' | (string & {});

export interface ConsentApi {
  grant(purpose: ConsentPurpose, options?: { remember?: boolean }): void;
  revoke(purpose: ConsentPurpose): void;
  has(purpose: ConsentPurpose): boolean;
}

export class StConsentChangeEvent extends Event {
  static readonly eventName = 'st-consent-change';
  readonly detail: { purpose: ConsentPurpose; granted: boolean };
  constructor(purpose: ConsentPurpose, granted: boolean) {
    super(StConsentChangeEvent.eventName);
    this.detail = { purpose, granted };
  }
}

declare global {
  interface Window {
    stadttraum?: { consent?: ConsentApi; strings?: Record<string, Record<string, string>>; version?: string };
  }
  interface WindowEventMap {
    'st-consent-change': StConsentChangeEvent;
  }
}

const storageKey = (purpose: string) => `stadttraum.consent.${purpose}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked storage (privacy modes, sandboxed iframes)
  }
}

function createConsentApi(): ConsentApi {
  const granted = new Set<string>();
  const announce = (purpose: string, value: boolean) => globalThis.dispatchEvent?.(new StConsentChangeEvent(purpose, value));
  return {
    grant(purpose, options) {
      if (options?.remember) storage()?.setItem(storageKey(purpose), 'granted');
      if (granted.has(purpose)) return;
      granted.add(purpose);
      announce(purpose, true);
    },
    revoke(purpose) {
      storage()?.removeItem(storageKey(purpose));
      if (!granted.delete(purpose)) return;
      announce(purpose, false);
    },
    has(purpose) {
      if (granted.has(purpose)) return true;
      if (storage()?.getItem(storageKey(purpose)) === 'granted') granted.add(purpose);
      return granted.has(purpose);
    },
  };
}

/** The page-wide API, created on first use and shared with any other copy of the script. */
export function consent(): ConsentApi {
  if (typeof window === 'undefined') return createConsentApi();
  const ns = (window.stadttraum ??= {});
  return (ns.consent ??= createConsentApi());
}
