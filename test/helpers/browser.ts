// Real Chromium (Debian's package) driven by playwright-core: never a
// downloaded browser. CI installs it and sets SPECFILL_REQUIRE_BROWSER=1, so
// that a missing browser fails there instead of skipping.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether browser tests can run here (they must in CI). */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.SPECFILL_REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return false;
}

/** Launches headless Chromium with the flags this project allows. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
