/**
 * Local memory of the idea wall, never cookies: which ideas this browser supported
 * (localStorage) and the submit form's draft (sessionStorage: survives a reload, not a shared
 * computer's next visitor). Blocked storage (privacy modes, sandboxed iframes) just means no memory.
 */
function store(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[kind];
  } catch {
    return undefined;
  }
}

export function readJson<T>(kind: 'localStorage' | 'sessionStorage', key: string): T | undefined {
  try {
    const raw = store(kind)?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeJson(kind: 'localStorage' | 'sessionStorage', key: string, value: unknown): void {
  try {
    if (value === undefined) store(kind)?.removeItem(key);
    else store(kind)?.setItem(key, JSON.stringify(value));
  } catch {
    /* quota or blocked: the wall works without memory */
  }
}

export const supportKey = (endpoint: string) => `stadttraum.idea-wall.supported:${endpoint}`;
export const draftKey = (endpoint: string) => `stadttraum.idea-wall.draft:${endpoint}`;

/** The submit form's saved state. */
export interface Draft {
  title: string;
  description: string;
  category: string;
  name: string;
  consent: boolean;
  /** The message of the last failed send, shown again after a reload. */
  error?: string;
}
