import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * `npm test` must run in a clone with nothing beside it. Only the conformance suite reads the
 * public data sets: `*.conformance.test.ts`, `*.conformance-support.ts` and `test/conformance/`.
 * Everything else (the app, the seed, npm test's own tests and e2e) neither names a path beside
 * the repository nor imports the conformance suite's helpers.
 */
const isConformance = (file: string) =>
  /\.conformance(\.test|-support)\.ts$/.test(file) || file.startsWith('test/conformance/');
// The benchmarks read the public release when asked (`LAUREL_FIXTURES`); they are not npm test.
const isBench = (file: string) => file.startsWith('bench/');

const sourceFiles = () =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.mjs'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);

const OUTSIDE_THE_REPOSITORY = /\.\.\/shared\b|['"]shared['"]\s*,\s*['"]fixtures['"]/;
const CONFORMANCE_IMPORT = /from\s+['"][^'"]*(?:\.conformance-support|test\/conformance\/)[^'"]*['"]/;

describe('the conformance boundary', () => {
  it('keeps every file outside the conformance suite from reading the public data sets', () => {
    const files = sourceFiles();
    expect(files).toContain('test/conformance/public-fixtures.ts');
    const offenders = files
      .filter(
        (file) => !isConformance(file) && !isBench(file) && file !== 'test/conformance-boundary.test.ts',
      )
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        return OUTSIDE_THE_REPOSITORY.test(text) || CONFORMANCE_IMPORT.test(text);
      });
    expect(offenders).toEqual([]);
  });
});
