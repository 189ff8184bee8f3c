import type { Column } from './sheet.js';

/** A documented column: key in the widget's feed, German and English header, help and an example. */
export const col = (key: string, de: string, en: string, help: [string, string], example: string, more: Partial<Column> = {}): Column => ({
  key,
  de,
  en,
  help: { de: help[0], en: help[1] },
  example,
  ...more,
});
