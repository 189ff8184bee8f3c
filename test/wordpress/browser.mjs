// The headless Chromium every WordPress test drives. Nothing leaves the machine: every host but
// the test site fails at once (avatars, news, update checks).
import puppeteer from 'puppeteer-core';

export function launchBrowser() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}
