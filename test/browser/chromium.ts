import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (apt-get install -y chromium); the browser tests drive it with playwright-core. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const hasChromium = existsSync(CHROMIUM);

/** Why the browser tests are skipped, printed once so a skip is never mistaken for a pass. */
export const SKIP_REASON = `browser tests skipped: ${CHROMIUM} not found; install with apt-get install -y chromium`;

/** A headless Chromium with no background traffic of its own, so every request it makes comes from the page. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
