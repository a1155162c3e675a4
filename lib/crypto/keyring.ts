import 'server-only';
import { statSync } from 'node:fs';
import { ConfigError, getConfig } from '@/lib/config';
import { readOrCreateEncryptionKeys, secretsFile } from '@/lib/config/secrets';
import { type EncryptionKey, parseEncryptionKeys } from './encryption-keys';

/** The keys secrets at rest are encrypted with: the first encrypts, all of them decrypt. */
export type Keyring = {
  keys: EncryptionKey[];
  /** Where the keys are set, for messages: "ENCRYPTION_KEYS" or the demo's secrets.json. */
  source: string;
  /** AUTH_SECRET, which derived the key of legacy `v1.` values; read only when one is met. */
  legacyAuthSecret: () => string;
};

type Source = { kind: 'env'; value: string } | { kind: 'file'; dataDir: string };

function sourceOf(env: NodeJS.ProcessEnv): Source {
  const value = env.ENCRYPTION_KEYS?.trim();
  if (value) return { kind: 'env', value };
  const config = getConfig();
  // getConfig refuses production without ENCRYPTION_KEYS; this keeps a key file from ever appearing there.
  if (config.mode === 'production') {
    throw new ConfigError('production', [
      'ENCRYPTION_KEYS: required in production (npm run cli -- keys generate)',
    ]);
  }
  return { kind: 'file', dataDir: config.dataDir };
}

/** A keyring from a value in the ENCRYPTION_KEYS format; a bad value is a ConfigError naming `source`. */
export function keyringFrom(value: string, source: string, legacyAuthSecret = () => getConfig().authSecret) {
  const parsed = parseEncryptionKeys(value);
  if ('problems' in parsed) {
    throw new ConfigError(
      undefined,
      parsed.problems.map((p) => `${source}: ${p}`),
    );
  }
  return { keys: parsed.keys, source, legacyAuthSecret } satisfies Keyring;
}

/** Which secrets.json the demo setup keeps its keys in; null when ENCRYPTION_KEYS is set. */
export function demoKeysDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const source = sourceOf(env);
  return source.kind === 'file' ? source.dataDir : null;
}

const cache = globalThis as unknown as { laurelKeyring?: { signature: string; keyring: Keyring } };

/**
 * The keyring of this process: ENCRYPTION_KEYS, or in the demo setup (no ENCRYPTION_KEYS, not
 * production) the keys in DATA_DIR/secrets.json, generated on first need. The file is read again
 * when it changes, so `keys rotate` run beside the app is picked up without a restart.
 */
export function currentKeyring(): Keyring {
  const source = sourceOf(process.env);
  if (source.kind === 'env') {
    if (cache.laurelKeyring?.signature !== `env:${source.value}`) {
      cache.laurelKeyring = {
        signature: `env:${source.value}`,
        keyring: keyringFrom(source.value, 'ENCRYPTION_KEYS'),
      };
    }
    return cache.laurelKeyring.keyring;
  }
  const file = secretsFile(source.dataDir);
  const signature = fileSignature(file);
  if (signature && cache.laurelKeyring?.signature === signature) return cache.laurelKeyring.keyring;
  const keyring = keyringFrom(readOrCreateEncryptionKeys(source.dataDir), file);
  cache.laurelKeyring = { signature: fileSignature(file) ?? '', keyring };
  return keyring;
}

function fileSignature(file: string): string | null {
  try {
    const { mtimeMs, size } = statSync(file);
    return `file:${file}:${mtimeMs}:${size}`;
  } catch {
    return null;
  }
}

/** For tests that change the environment or the keys. */
export function resetKeyring() {
  cache.laurelKeyring = undefined;
}
