// Two corrections to what the analyzer and the type parser write:
// - `this.dispatchEvent(new SomeEvent())` calls are also listed as events without a name; the
//   named ones come from the @fires tags. The nameless duplicates go.
// - `parsedType` (the expanded type) is kept only where it is a list of values a developer can
//   pick from ('newest' | 'support' …). Expanded object types (`strings`) come out unreadable,
//   and there the written type says more.
//   On an attribute, HTML only ever holds a string: an object attribute (`strings`, JSON) gets
//   `string` there, so editors offer free text instead of the TypeScript type's name as a value.
// - `lang` is the native global attribute the widgets observe (documented by an @attr tag on
//   WidgetElement); it maps to the native `lang` property, which generators need to know.
const pickable = /^\s*(('[^']*'|"[^"]*"|-?\d+(\.\d+)?|true|false|null|undefined|string|number|boolean)\s*(\||$)\s*)+$/;

export function tidyPlugin() {
  return {
    name: 'stadttraum:tidy',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.events) decl.events = decl.events.filter((e) => e.name);
          for (const attr of decl.attributes ?? []) if (attr.name === 'lang' && !attr.fieldName) attr.fieldName = 'lang';
          for (const item of [...(decl.members ?? []), ...(decl.attributes ?? [])]) {
            if (item.parsedType && (!pickable.test(item.parsedType.text) || item.parsedType.text === item.type?.text))
              delete item.parsedType;
          }
          for (const attr of decl.attributes ?? []) {
            if (attr.type && !pickable.test(attr.parsedType?.text ?? attr.type.text)) attr.parsedType = { text: 'string' };
          }
        }
      }
    },
  };
}
