// The analyzer also lists `this.dispatchEvent(new SomeEvent())` calls as events without a name;
// the named ones come from the @fires tags. Drop the nameless duplicates.
import { readFileSync, writeFileSync } from 'node:fs';

const path = 'custom-elements.json';
const manifest = JSON.parse(readFileSync(path, 'utf8'));
for (const mod of manifest.modules) {
  for (const decl of mod.declarations ?? []) {
    if (decl.events) decl.events = decl.events.filter((e) => e.name);
  }
}
writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
