import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The public data sets the conformance suite reads in place (1EdTech Open Badges fixtures, real-world badges, the
 * labor-market sample feed and release), from the directory `LAUREL_FIXTURES` names. Called
 * when a test reads a file, so importing a helper costs nothing; missing, it fails loudly, since
 * a conformance run that silently read nothing would prove nothing.
 */
export function publicFixture(...parts: string[]): string {
  const root = process.env.LAUREL_FIXTURES;
  if (!root || !existsSync(root)) {
    throw new Error(
      `LAUREL_FIXTURES must name the public fixtures directory (e.g. the fixtures directory beside the checkout); got ${root ?? 'nothing'}.`,
    );
  }
  return path.resolve(root, ...parts);
}
