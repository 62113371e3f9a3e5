import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests whose result can depend on the machine's time zone (times, validation of starts, the model, the
 * views and pages, calendars, feeds) run once per zone: nothing may depend on it. UTC is where CI builds
 * the site; Pacific/Auckland (UTC+12/+13, summer time in the other half of the year) puts every
 * afternoon start of the series on the next day and moves its clocks on other dates, so a time taken
 * from the machine shows there. (A third zone, America/Los_Angeles, cost 22 s of every run.)
 */
const ZONES = ['UTC', 'Pacific/Auckland'];
const ZONE_DEPENDENT = [
  'test/time.test.ts',
  'test/validate/**/*.test.ts',
  'test/model/**/*.test.ts',
  'test/render/**/*.test.ts',
  'test/publish/**/*.test.ts',
  'test/calendar.test.ts',
  'test/build.test.ts',
];

/**
 * The browser tests (Chromium, axe-core, html-validate) run once: the browser shows the pages the builds
 * wrote, which the zone projects check in every zone, and they take the longest.
 */
const BROWSER_TESTS = 'test/browser/**/*.test.ts';

/**
 * The rest (command line, dev server, writer, loading, scaffolding, the year of the series) runs once too,
 * in a zone that is neither UTC nor the series' own, where a time taken from the machine would show.
 */
const ONCE_ZONE = 'America/New_York';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    globalSetup: ['test/helpers/temp-in-memory.ts'],
    hookTimeout: 240_000,
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Many tests wait on a
    // child process (the CLI) or on Chromium, so one worker more than the cores keeps both busy (on 2
    // cores: 129 s for the suite with three workers, 147 s with two).
    maxWorkers: availableParallelism() + 1,
    // Test files share one module graph per worker (importing src/ through Vite for every file was a
    // third of the suite's time). They keep no state that matters between files: builds go to
    // temporary folders, servers and watchers are closed, caches are keyed by their inputs.
    isolate: false,
    projects: [
      {
        extends: true,
        test: { name: 'browser', include: [BROWSER_TESTS], env: { TZ: 'UTC' } },
      },
      ...ZONES.map((zone) => ({
        extends: true,
        test: { name: `zone ${zone}`, include: ZONE_DEPENDENT, env: { TZ: zone } },
      })),
      {
        extends: true,
        test: { name: `once (${ONCE_ZONE})`, include: ['test/**/*.test.ts'], exclude: [BROWSER_TESTS, ...ZONE_DEPENDENT], env: { TZ: ONCE_ZONE } },
      },
    ],
  },
});
