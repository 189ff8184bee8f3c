// `node --import ./test/unit/register.mjs`: TypeScript sources in Node (see ts-hooks.mjs).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
