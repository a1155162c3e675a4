import { describe, expect, it } from 'vitest';
import { clientKeyFrom, SOCKET_ADDRESS_HEADER } from './client-key';

const request = (forwardedFor: string | null, socket = '203.0.113.7') => {
  const headers = new Headers({ [SOCKET_ADDRESS_HEADER]: socket });
  if (forwardedFor !== null) headers.set('x-forwarded-for', forwardedFor);
  return headers;
};

describe('clientKeyFrom', () => {
  it('with no trusted proxy, is the socket address whatever X-Forwarded-For claims', () => {
    expect(clientKeyFrom(request(null), 0)).toBe('203.0.113.7');
    expect(clientKeyFrom(request('198.51.100.1'), 0)).toBe('203.0.113.7');
    expect(clientKeyFrom(request('198.51.100.1, 198.51.100.2'), 0)).toBe('203.0.113.7');
  });

  it('behind N trusted proxies, is the address the outermost one saw (Nth from the right)', () => {
    // The proxy (10.0.0.2) appended the client it saw; what the client wrote is further left.
    expect(clientKeyFrom(request('spoofed, 192.0.2.9', '10.0.0.2'), 1)).toBe('192.0.2.9');
    expect(clientKeyFrom(request('spoofed, 192.0.2.9, 10.0.0.1', '10.0.0.2'), 2)).toBe('192.0.2.9');
  });

  it('a request that skipped the proxies gets the farthest address there is, not a spoofed gap', () => {
    expect(clientKeyFrom(request(null, '192.0.2.50'), 2)).toBe('192.0.2.50');
  });

  it('reads the configured hop count by default (TRUSTED_PROXY_HOPS, 0 when unset)', () => {
    expect(clientKeyFrom(request('198.51.100.1'))).toBe('203.0.113.7');
  });
});
