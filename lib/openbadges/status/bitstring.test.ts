import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBitstring, encodeBitstring, MAX_DECODED_BYTES, MIN_LIST_BITS, readStatus } from './bitstring';

describe('the bitstring encoding', () => {
  it('sets exactly the given bits, most significant bit first, as multibase base64url GZIP', () => {
    const encoded = encodeBitstring(MIN_LIST_BITS, [0, 9, MIN_LIST_BITS - 1]);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = decodeBitstring(encoded);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.bytes.length).toBe(MIN_LIST_BITS / 8);
    expect(decoded.bytes[0]).toBe(0b1000_0000);
    expect(decoded.bytes[1]).toBe(0b0100_0000);
    expect(decoded.bytes[MIN_LIST_BITS / 8 - 1]).toBe(0b0000_0001);
    expect(readStatus(decoded.bytes, 0)).toBe(1);
    expect(readStatus(decoded.bytes, 1)).toBe(0);
    expect(readStatus(decoded.bytes, 8)).toBe(0);
    expect(readStatus(decoded.bytes, 9)).toBe(1);
    expect(readStatus(decoded.bytes, 10)).toBe(0);
    expect(readStatus(decoded.bytes, MIN_LIST_BITS)).toBeNull();
  });

  it('reads wider status values and refuses indexes past the end', () => {
    const bytes = new Uint8Array([0b1011_0000]);
    expect(readStatus(bytes, 0, 2)).toBe(0b10);
    expect(readStatus(bytes, 1, 2)).toBe(0b11);
    expect(readStatus(bytes, 3, 2)).toBe(0);
    expect(readStatus(bytes, 4, 2)).toBeNull();
  });

  it('refuses a list that inflates past the limit (a gzip bomb) without inflating it all', () => {
    const bomb = `u${gzipSync(new Uint8Array(MAX_DECODED_BYTES + 1)).toString('base64url')}`;
    const decoded = decodeBitstring(bomb);
    expect(decoded).toEqual({ ok: false, reason: expect.stringContaining('refused') });
  });

  it('refuses text that is not base64url GZIP', () => {
    expect(decodeBitstring('u!!!').ok).toBe(false);
    expect(decodeBitstring(`u${Buffer.from('plain').toString('base64url')}`).ok).toBe(false);
  });
});
