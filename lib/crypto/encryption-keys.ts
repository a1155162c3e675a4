import { randomBytes } from 'node:crypto';

/** One key of the ring: its id is stored in every value it encrypts. */
export type EncryptionKey = { id: string; key: Buffer };

const KEY_ID = /^[a-z0-9-]{1,32}$/;
const KEY_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Reads ENCRYPTION_KEYS: comma-separated `<id>:<base64url of 32 random bytes>`, the first key
 * encrypting and every key decrypting. Pure, so configuration checks can call it and list every
 * problem at once.
 */
export function parseEncryptionKeys(value: string): { keys: EncryptionKey[] } | { problems: string[] } {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0)
    return { problems: ['lists no key; generate one with npm run cli -- keys generate'] };
  const problems: string[] = [];
  const keys: EncryptionKey[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const where = `key ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) {
      problems.push(`${where} is not in the form <id>:<base64url key>`);
      return;
    }
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) {
      problems.push(
        `${where} has the id "${id.slice(0, 40)}": use 1–32 lowercase letters, digits and hyphens`,
      );
      return;
    }
    if (seen.has(id)) problems.push(`the id "${id}" is listed twice; every key needs its own id`);
    seen.add(id);
    const key = Buffer.from(encoded, 'base64url');
    if (!BASE64URL.test(encoded) || key.length !== KEY_BYTES) {
      problems.push(
        `key "${id}" is ${BASE64URL.test(encoded) ? `${key.length} bytes` : 'not base64url'}; it must be 32 random bytes in base64url (npm run cli -- keys generate)`,
      );
      return;
    }
    keys.push({ id, key });
  });
  return problems.length ? { problems } : { keys };
}

/** A fresh `k<yyyymmdd>-<random>:<base64url key>` entry, to put first in ENCRYPTION_KEYS. */
export function newEncryptionKeyEntry(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `k${day}-${randomBytes(3).toString('hex')}:${randomBytes(KEY_BYTES).toString('base64url')}`;
}

/** What is wrong with a set ENCRYPTION_KEYS, one line per problem, for the start-up check. */
export function encryptionKeysProblems(env: NodeJS.ProcessEnv): string[] {
  const value = env.ENCRYPTION_KEYS?.trim();
  if (!value) return [];
  const parsed = parseEncryptionKeys(value);
  return 'problems' in parsed ? parsed.problems.map((problem) => `ENCRYPTION_KEYS: ${problem}`) : [];
}
