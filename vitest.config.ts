import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The audit-log sweep reads what every other integration file wrote, so it runs last. */
const LAST = 'audit-log-sweep.test.ts';
class IntegrationSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    return [...sorted.filter((file) => !file.moduleId.endsWith(LAST)), ...sorted.filter((file) => file.moduleId.endsWith(LAST))];
  }
}

const alias = {
  '@': path.resolve(import.meta.dirname),
  // `server-only` throws outside Next's server build; tests run services directly.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'lib/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          // One database for the run: files run one after another, tests inside a file in order.
          fileParallelism: false,
          sequence: { sequencer: IntegrationSequencer },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
