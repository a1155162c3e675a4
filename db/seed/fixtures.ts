import path from 'node:path';

/**
 * A file of the public data sets (labor-market release, sample job feed) for the demo seed, from
 * the directory `LAUREL_FIXTURES` names; null without it, so a fresh clone seeds without them and
 * never reaches outside the repository.
 */
export function demoFixture(...parts: string[]): string | null {
  const root = process.env.LAUREL_FIXTURES;
  return root ? path.resolve(root, ...parts) : null;
}
