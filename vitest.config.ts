import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      'server-only': path.join(root, 'test/server-only-shim.ts'),
    },
  },
  test: {
    environment: 'node',
    include: [
      'lib/**/*.test.ts',
      'lib/**/*.test.tsx',
      'components/**/*.test.tsx',
      'db/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // Those read the public data sets beside the repository: `npm run test:conformance`.
    exclude: ['**/*.conformance.test.ts', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // JSON log lines go straight to stdout; errors the tests provoke on purpose would bury the
    // report. LOG_LEVEL=info npx vitest … shows them all.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    // The first test of a file also starts and migrates its in-memory database: slow on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
