import type { LocalizeController } from '../core/i18n.js';
import { pageUrl } from '../core/safe-url.js';
import { WriteError } from '../core/write.js';

/** The visitor's message for a failed write: the server's own words when it sent some. */
export function writeMessage(error: unknown, l10n: LocalizeController): string {
  if (!(error instanceof WriteError)) return l10n.t('writeServer');
  if (error.serverMessage) return error.serverMessage;
  const key = { network: 'writeNetwork', timeout: 'writeTimeout', server: 'writeServer', rejected: 'writeServer', 'invalid-response': 'writeInvalid' }[error.reason];
  return l10n.t(key);
}

/** Endpoints resolve against the page (they are the webmaster's, not the feed's). */
export const endpointUrl = (value: string) => new URL(value, pageUrl()).href;
