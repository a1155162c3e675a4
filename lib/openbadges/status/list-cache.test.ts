import { describe, expect, it } from 'vitest';
import { createStatusListCache, exceptHost, freshnessMs, MAX_AGE_MS } from './list-cache';

const list = (subject: Record<string, unknown> = {}) => ({
  type: ['VerifiableCredential', 'BitstringStatusListCredential'],
  credentialSubject: { type: 'BitstringStatusList', ...subject },
});

function clock() {
  let now = 1_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the status list cache', () => {
  it('answers a kept list until it is no longer fresh, then forgets it', () => {
    const time = clock();
    const cache = createStatusListCache({ now: time.now });
    const document = list();
    cache.put('https://a.test/1', document, { bytes: 100, maxAgeMs: 30_000 });
    time.advance(29_999);
    expect(cache.get('https://a.test/1')).toBe(document);
    time.advance(1);
    expect(cache.get('https://a.test/1')).toBeUndefined();
  });

  it('never keeps or answers lists from our own host, so our revocations show at once', () => {
    const shared = createStatusListCache();
    const cache = exceptHost(shared, 'laurel.test');
    const ours = list();
    const theirs = list();
    cache.put('https://laurel.test/ob/v3/status/acme/1', ours, { bytes: 100, maxAgeMs: 30_000 });
    cache.put('https://issuer.test/status/1', theirs, { bytes: 100, maxAgeMs: 30_000 });
    expect(cache.get('https://laurel.test/ob/v3/status/acme/1')).toBeUndefined();
    expect(shared.get('https://laurel.test/ob/v3/status/acme/1')).toBeUndefined();
    expect(cache.get('https://issuer.test/status/1')).toBe(theirs);
  });

  it('keeps nothing longer than a minute, whatever the answer allowed', () => {
    const time = clock();
    const cache = createStatusListCache({ now: time.now });
    cache.put('https://a.test/1', list(), { bytes: 100, maxAgeMs: 86_400_000 });
    time.advance(MAX_AGE_MS);
    expect(cache.get('https://a.test/1')).toBeUndefined();
  });

  it('keeps nothing whose freshness is zero', () => {
    const cache = createStatusListCache();
    cache.put('https://a.test/1', list(), { bytes: 100, maxAgeMs: 0 });
    expect(cache.get('https://a.test/1')).toBeUndefined();
  });

  it('drops the least recently used list past its entry and byte limits', () => {
    const cache = createStatusListCache({ maxEntries: 2, maxBytes: 1000 });
    const put = (url: string, bytes = 100) => cache.put(url, list(), { bytes, maxAgeMs: 10_000 });
    put('https://a.test/1');
    put('https://a.test/2');
    cache.get('https://a.test/1'); // now 2 is the least recently used
    put('https://a.test/3');
    expect(cache.get('https://a.test/2')).toBeUndefined();
    expect(cache.get('https://a.test/1')).toBeDefined();
    expect(cache.get('https://a.test/3')).toBeDefined();

    put('https://a.test/big', 950); // over 1000 bytes with the others: they go
    expect(cache.get('https://a.test/big')).toBeDefined();
    expect(cache.get('https://a.test/1')).toBeUndefined();
    expect(cache.get('https://a.test/3')).toBeUndefined();
    put('https://a.test/huge', 1001); // larger than the whole cache: never kept
    expect(cache.get('https://a.test/huge')).toBeUndefined();
    expect(cache.get('https://a.test/big')).toBeDefined();
  });

  it('remembers that a kept list was verified only for that very copy', () => {
    const cache = createStatusListCache();
    const first = list();
    cache.put('https://a.test/1', first, { bytes: 100, maxAgeMs: 10_000 });
    cache.markVerified(first);
    expect(cache.isVerified(first)).toBe(true);
    const refetched = list();
    cache.put('https://a.test/1', refetched, { bytes: 100, maxAgeMs: 10_000 });
    expect(cache.isVerified(refetched)).toBe(false);
  });
});

describe('how long a fetched list stays fresh', () => {
  it("follows the answer's max-age, refuses no-store and no-cache, and caps at a minute", () => {
    expect(freshnessMs('public, max-age=10', list())).toBe(10_000);
    expect(freshnessMs('max-age=0', list())).toBe(0);
    expect(freshnessMs('no-store', list())).toBe(0);
    expect(freshnessMs('max-age=60, no-cache', list())).toBe(0);
    expect(freshnessMs('public, max-age=3600', list())).toBe(MAX_AGE_MS);
    expect(freshnessMs(undefined, list())).toBe(MAX_AGE_MS);
  });

  it("is shortened by the list's own ttl (milliseconds)", () => {
    expect(freshnessMs('max-age=60', list({ ttl: 5000 }))).toBe(5000);
    expect(freshnessMs(undefined, list({ ttl: 0 }))).toBe(0);
    expect(freshnessMs('max-age=2', list({ ttl: 5000 }))).toBe(2000);
    expect(freshnessMs(undefined, list({ ttl: 'soon' }))).toBe(MAX_AGE_MS);
  });
});
