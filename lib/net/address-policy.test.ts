import { describe, expect, it } from 'vitest';
import { isPublicAddress, normalizeHost } from './address-policy';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '240.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::a00:1',
    '::ffff:0:a00:1',
    '2002:a00:1::1',
    '::127.0.0.1',
    'not-an-ip',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['8.8.8.8', '93.184.215.14', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'accepts the public address %s',
    (ip) => {
      expect(isPublicAddress(ip)).toBe(true);
    },
  );
});

describe('normalizeHost', () => {
  it('compares hosts and IPs in one canonical form', () => {
    expect(normalizeHost(' LocalHost ')).toBe('localhost');
    expect(normalizeHost('[::FFFF:127.0.0.1]')).toBe(
      normalizeHost(new URL('http://[::ffff:127.0.0.1]/').hostname),
    );
  });
});
