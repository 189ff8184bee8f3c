/** Kept in step with package.json (test/node/import.test.mjs checks it). */
export const VERSION = '0.1.0';
