import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, resetConfig } from '@/lib/config';
import { updateSecrets } from '@/lib/config/secrets';
import { decryptAtRest, encryptAtRest } from './at-rest';
import { encryptionKeysProblems, newEncryptionKeyEntry } from './encryption-keys';
import { currentKeyring, resetKeyring } from './keyring';

const saved = { ...process.env };
const dirs: string[] = [];

function demoDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'laurel-keyring-'));
  dirs.push(dir);
  delete process.env.ENCRYPTION_KEYS;
  process.env.LAUREL_MODE = 'demo';
  process.env.DATA_DIR = dir;
  resetConfig();
  resetKeyring();
  return dir;
}

afterEach(() => {
  for (const name of ['ENCRYPTION_KEYS', 'LAUREL_MODE', 'DATA_DIR']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetConfig();
  resetKeyring();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the keyring of the process', () => {
  it('in the demo setup, adds a key to a secrets.json written before keys existed, keeping its AUTH_SECRET', () => {
    const dir = demoDataDir();
    writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify({ authSecret: 'kept-auth-secret' }));
    const keyring = currentKeyring();
    expect(keyring.keys).toHaveLength(1);
    const file = JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8'));
    expect(file.authSecret).toBe('kept-auth-secret');
    expect(file.encryptionKeys).toMatch(new RegExp(`^${keyring.keys[0]?.id}:`));
    expect(currentKeyring()).toBe(keyring);
  });

  it('in the demo setup, reads secrets.json again when keys rotate there', () => {
    const dir = demoDataDir();
    const stored = encryptAtRest('s3cret', 'webhook-secret');
    const entry = newEncryptionKeyEntry();
    updateSecrets(dir, (s) => ({ ...s, encryptionKeys: `${entry},${s.encryptionKeys}` }));
    expect(currentKeyring().keys[0]?.id).toBe(entry.split(':')[0]);
    expect(decryptAtRest(stored, 'webhook-secret')).toBe('s3cret');
  });

  it('uses ENCRYPTION_KEYS when set, and says what is wrong with a bad value', () => {
    demoDataDir();
    const entry = newEncryptionKeyEntry();
    process.env.ENCRYPTION_KEYS = entry;
    expect(currentKeyring().keys.map((k) => k.id)).toEqual([entry.split(':')[0]]);
    process.env.ENCRYPTION_KEYS = `a:${Buffer.alloc(16).toString('base64url')}`;
    expect(() => currentKeyring()).toThrow(ConfigError);
    expect(() => currentKeyring()).toThrow(/ENCRYPTION_KEYS: key "a" is 16 bytes/);
    expect(encryptionKeysProblems(process.env)).toEqual([
      'ENCRYPTION_KEYS: key "a" is 16 bytes; it must be 32 random bytes in base64url (npm run cli -- keys generate)',
    ]);
  });

  it('requires ENCRYPTION_KEYS in production', () => {
    demoDataDir();
    process.env.LAUREL_MODE = 'production';
    expect(() => currentKeyring()).toThrow(/ENCRYPTION_KEYS: required in production/);
  });
});
