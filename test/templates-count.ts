/**
 * How many templates lit prepares while `run` runs: lit parses each template's HTML through a
 * `<template>` element's `innerHTML`, once per page, on its first use (issue 18: that is work before a
 * widget's first frame). Counted by wrapping the setter for the run only.
 */
export async function countTemplates(run: () => Promise<unknown>): Promise<number> {
  const proto = HTMLTemplateElement.prototype;
  const own = Object.getOwnPropertyDescriptor(proto, 'innerHTML');
  const inherited = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
  let made = 0;
  Object.defineProperty(proto, 'innerHTML', {
    configurable: true,
    get() {
      return inherited.get!.call(this);
    },
    set(value: string) {
      made++;
      inherited.set!.call(this, value);
    },
  });
  try {
    await run();
  } finally {
    if (own) Object.defineProperty(proto, 'innerHTML', own);
    else delete (proto as { innerHTML?: string }).innerHTML;
  }
  return made;
}
