import { defineConfig } from 'vitest/config';

// The whole suite runs once per time zone: nothing may depend on the machine's zone.
const zones = ['UTC', 'America/Los_Angeles', 'Pacific/Auckland'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: zones.map((zone) => ({
      extends: true,
      test: {
        name: zone,
        include: ['test/**/*.test.ts'],
        env: { TZ: zone },
      },
    })),
  },
});
