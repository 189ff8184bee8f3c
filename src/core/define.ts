import { normalizeLang } from './i18n.js';
import { warnOnce } from './log.js';
import { VERSION } from './version.js';

type Versioned = CustomElementConstructor & { stVersion?: string };

/**
 * Registers a tag only when it is free, so a page that includes the script twice (or two
 * versions of it) keeps working; warns once when another version holds the tag.
 */
export function define(tag: string, ctor: Versioned): void {
  const registry = globalThis.customElements;
  if (!registry) return; // Node / server rendering: nothing to define
  const existing = registry.get(tag) as Versioned | undefined;
  if (!existing) {
    ctor.stVersion = VERSION;
    registry.define(tag, ctor);
    return;
  }
  if (existing === ctor || existing.stVersion === VERSION) return;
  const other = existing.stVersion;
  warnOnce(
    normalizeLang(globalThis.document?.documentElement.lang) === 'en'
      ? `<${tag}> is already registered by another version (${other ?? 'unknown'}); this version (${VERSION}) is not used for this tag.`
      : `<${tag}> ist bereits von einer anderen Version (${other ?? 'unbekannt'}) registriert; diese Version (${VERSION}) wird für diesen Tag nicht verwendet.`,
  );
}
