import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/** The tests that read the public data sets in LAUREL_FIXTURES; `npm test` never runs them. */
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['**/*.conformance.test.ts'], exclude: ['node_modules/**'] },
});
