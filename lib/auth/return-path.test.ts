import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

const APP = 'http://laurel.test:3000';
const resolve = (value: unknown) => safeReturnPath(value, '/wallet', APP);

describe('safeReturnPath', () => {
  it.each([
    ['/\t/evil.example', 'a tab the browser drops'],
    ['/\n/evil.example', 'a newline'],
    ['/\r/evil.example', 'a carriage return'],
    ['//evil.example', 'a protocol-relative URL'],
    ['/\\evil.example', 'a backslash the browser reads as a slash'],
    ['https://evil.example/wallet', 'an absolute URL'],
    ['http://laurel.test:3001/wallet', 'our host on another port'],
    ['wallet', 'a relative path'],
    [undefined, 'nothing'],
    [42, 'a number'],
  ] as const)('%j (%s) becomes the default page', (value: unknown, _why: string) => {
    expect(resolve(value)).toBe('/wallet');
  });

  it('keeps a same-origin path with its query and fragment', () => {
    expect(resolve('/claim/abc?x=1#accept')).toBe('/claim/abc?x=1#accept');
    expect(resolve('/wallet/../settings')).toBe('/settings');
  });

  it('percent-encodes non-ASCII text so it is a valid Location header', () => {
    const path = resolve('/wallet/ünïcode\u2028x');
    expect(path).toBe('/wallet/%C3%BCn%C3%AFcode%E2%80%A8x');
    expect(/^[\x21-\x7e]+$/.test(path)).toBe(true);
  });
});
