import { sendKeys } from '@web/test-runner-commands';

/**
 * Types text like a visitor, in every engine. WebKitWebDriver drops a key that comes again within
 * one command ("Willkommen" arrives as "Wilkomen"), so the text goes in runs in which no
 * character repeats; Chromium and Firefox get the same runs.
 */
export async function typeText(text: string): Promise<void> {
  let run = '';
  for (const c of text) {
    if (run.includes(c)) {
      await sendKeys({ type: run });
      run = '';
    }
    run += c;
  }
  if (run) await sendKeys({ type: run });
}
