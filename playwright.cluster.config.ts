import { defineConfig, devices } from '@playwright/test';

// The cluster tier of `npm test` (scripts/test.mjs): it starts nginx, two app instances, two job workers, Redis and an
// S3 server (scripts/lib/cluster.mjs) on the production build and passes their addresses: CLUSTER_URL (nginx, the
// public address), CLUSTER_A_URL and CLUSTER_B_URL (the instances themselves, as nginx reaches them).
export default defineConfig({
  testDir: 'tests/cluster',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/cluster',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: process.env.CLUSTER_JSON_REPORT ?? 'test-results/cluster-report.json' }]],
  use: {
    baseURL: process.env.CLUSTER_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
  projects: [{ name: 'cluster', use: { ...devices['Desktop Chrome'], channel: undefined } }],
});
