import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Secrets = { authSecret: string };

/**
 * Secrets the embedded setup needs, generated on first start and kept in the data directory,
 * so a fresh clone runs with no configuration. Production sets them in the environment.
 */
export function readOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secrets: Secrets = { authSecret: randomBytes(32).toString('base64url') };
    // 'wx' fails if another process created the file first; then read theirs.
    try {
      writeFileSync(file, JSON.stringify(secrets), { flag: 'wx', mode: 0o600 });
      return secrets;
    } catch {
      return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
    }
  }
}
