import { defineConfig } from 'vitest/config';

// The whole suite runs once per time zone: nothing may depend on the machine's zone.
const zones = ['UTC', 'America/Los_Angeles', 'Pacific/Auckland'];

// The browser tests (Chromium, axe-core, html-validate) run once: the browser shows the pages the
// builds wrote, which the zone projects already check in every zone, and they take the longest.
const BROWSER_TESTS = 'test/browser/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      ...zones.map((zone) => ({
        extends: true,
        test: {
          name: zone,
          include: ['test/**/*.test.ts'],
          exclude: [BROWSER_TESTS],
          env: { TZ: zone },
        },
      })),
      {
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER_TESTS],
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
