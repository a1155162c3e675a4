import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newEncryptionKeyEntry } from '@/lib/crypto/encryption-keys';

/** `encryptionKeys` is in the ENCRYPTION_KEYS format; files written before it existed lack it. */
type Secrets = { authSecret: string; encryptionKeys?: string };

export const secretsFile = (dataDir: string) => path.join(dataDir, 'secrets.json');

const readSecrets = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Secrets;

/**
 * Secrets the embedded setup needs, generated on first start and kept in the data directory,
 * so a fresh clone runs with no configuration. Production sets them in the environment.
 */
export function readOrCreateSecrets(dataDir: string): Secrets {
  const file = secretsFile(dataDir);
  try {
    return readSecrets(file);
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secrets: Secrets = {
      authSecret: randomBytes(32).toString('base64url'),
      encryptionKeys: newEncryptionKeyEntry(),
    };
    // 'wx' fails if another process created the file first; then read theirs.
    try {
      writeFileSync(file, JSON.stringify(secrets), { flag: 'wx', mode: 0o600 });
      return secrets;
    } catch {
      return readSecrets(file);
    }
  }
}

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Holds `secrets.json.lock` while `fn` runs, so two processes never both add a key. */
function withSecretsLock<T>(dataDir: string, fn: () => T): T {
  const lock = `${secretsFile(dataDir)}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
      } catch {
        // Removed by its owner meanwhile: try again.
      }
      if (Date.now() > deadline)
        throw new Error(`${lock} is held by another process; remove it if none runs.`);
      sleepSync(20);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Changes secrets.json under a lock and replaces it in one rename, so a reader never sees half a
 * file. Returns what was written.
 */
export function updateSecrets(dataDir: string, change: (secrets: Secrets) => Secrets): Secrets {
  readOrCreateSecrets(dataDir);
  return withSecretsLock(dataDir, () => {
    const file = secretsFile(dataDir);
    const next = change(readSecrets(file));
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(next), { mode: 0o600 });
    renameSync(temporary, file);
    return next;
  });
}

/** The embedded setup's encryption keys; a secrets.json from before they existed gets one now. */
export function readOrCreateEncryptionKeys(dataDir: string): string {
  const existing = readOrCreateSecrets(dataDir).encryptionKeys;
  if (existing) return existing;
  const updated = updateSecrets(dataDir, (secrets) => ({
    ...secrets,
    encryptionKeys: secrets.encryptionKeys || newEncryptionKeyEntry(),
  }));
  return updated.encryptionKeys ?? '';
}
