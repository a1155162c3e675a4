import { describe, expect, it } from 'vitest';
import { newEncryptionKeyEntry, parseEncryptionKeys } from './encryption-keys';

const KEY = Buffer.alloc(32, 7).toString('base64url');

function problems(value: string): string[] {
  const parsed = parseEncryptionKeys(value);
  return 'problems' in parsed ? parsed.problems : [];
}

describe('parseEncryptionKeys', () => {
  it('reads ids and keys in order, the first being the one that encrypts', () => {
    const parsed = parseEncryptionKeys(` new-2:${KEY} , old:${Buffer.alloc(32, 1).toString('base64url')}`);
    if (!('keys' in parsed)) throw new Error(parsed.problems.join('; '));
    expect(parsed.keys.map((k) => k.id)).toEqual(['new-2', 'old']);
    expect(parsed.keys[0]?.key).toEqual(Buffer.alloc(32, 7));
  });

  it('accepts what keys generate prints', () => {
    const entry = newEncryptionKeyEntry(new Date('2026-03-15T12:00:00Z'));
    expect(entry).toMatch(/^k20260315-[0-9a-f]{6}:[A-Za-z0-9_-]{43}$/);
    expect(parseEncryptionKeys(entry)).toHaveProperty('keys');
    expect(newEncryptionKeyEntry()).not.toBe(newEncryptionKeyEntry());
  });

  it('names every problem precisely', () => {
    expect(problems('')).toEqual(['lists no key; generate one with npm run cli -- keys generate']);
    expect(problems(KEY)).toEqual(['key 1 is not in the form <id>:<base64url key>']);
    expect(problems(`Bad_Id:${KEY}`)).toEqual([
      'key 1 has the id "Bad_Id": use 1–32 lowercase letters, digits and hyphens',
    ]);
    expect(problems(`${'a'.repeat(33)}:${KEY}`)[0]).toMatch(/^key 1 has the id "a{33}": use 1–32/);
    expect(problems(`a:${KEY},b:${Buffer.alloc(16).toString('base64url')}`)).toEqual([
      'key "b" is 16 bytes; it must be 32 random bytes in base64url (npm run cli -- keys generate)',
    ]);
    expect(problems(`a:${KEY}==`)[0]).toMatch(/^key "a" is not base64url/);
    expect(problems(`a:${KEY},a:${KEY}`)).toEqual(['the id "a" is listed twice; every key needs its own id']);
    expect(problems(`:${KEY},b:short`)).toHaveLength(2);
  });
});
