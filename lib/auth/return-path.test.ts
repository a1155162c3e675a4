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
    ['/wallet/ünïcode', 'raw non-ASCII text'],
    ['/wallet\u2028/x', 'a Unicode line separator'],
    ['/wallet /x', 'a space'],
    [undefined, 'nothing'],
    [42, 'a number'],
  ] as const)('%j (%s) becomes the default page', (value: unknown, _why: string) => {
    expect(resolve(value)).toBe('/wallet');
  });

  it('keeps a same-origin path with its query and fragment', () => {
    expect(resolve('/claim/abc?x=1#accept')).toBe('/claim/abc?x=1#accept');
    expect(resolve('/wallet/../settings')).toBe('/settings');
  });

  it('keeps percent-encoded text as it is', () => {
    expect(resolve('/wallet/%C3%BCn%0Ax')).toBe('/wallet/%C3%BCn%0Ax');
  });
});
