import { describe, expect, it } from 'vitest';
import { identityHash, isIdentityHash, matchesIdentity } from './identity';

const NOBODY_HASH = 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942';

describe('identityHash', () => {
  it('reproduces the spec and fixture test vectors', () => {
    expect(identityHash('mayze', '')).toBe(
      'sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6',
    );
    expect(identityHash('nobody@example.org', 'deadsea')).toBe(NOBODY_HASH);
  });

  it('supports md5, the only other algorithm OB 2.0 allows', () => {
    expect(identityHash('mayze', '', 'md5')).toMatch(/^md5\$[0-9a-f]{32}$/);
    expect(isIdentityHash(identityHash('mayze', '', 'md5'))).toBe(true);
    expect(isIdentityHash('sha256$abc')).toBe(false);
  });
});

describe('matchesIdentity', () => {
  const recipient = { type: 'email', hashed: true, salt: 'deadsea', identity: NOBODY_HASH };

  it('matches the hashed recipient, with upper-case hex and a capitalised email', () => {
    expect(matchesIdentity(recipient, 'nobody@example.org')).toBe(true);
    expect(
      matchesIdentity(
        { ...recipient, identity: NOBODY_HASH.toUpperCase().replace('SHA256', 'sha256') },
        'nobody@example.org',
      ),
    ).toBe(true);
    expect(matchesIdentity(recipient, ' Nobody@Example.ORG ')).toBe(true);
    expect(matchesIdentity(recipient, 'somebody@example.org')).toBe(false);
  });

  it('matches md5 hashes and plaintext identities', () => {
    const md5 = { type: 'email', hashed: true, identity: identityHash('a@example.com', '', 'md5') };
    expect(matchesIdentity(md5, 'a@example.com')).toBe(true);
    expect(
      matchesIdentity({ type: 'email', hashed: false, identity: 'A@example.com' }, 'a@example.com'),
    ).toBe(true);
    expect(
      matchesIdentity(
        { type: 'url', hashed: false, identity: 'https://example.org/Beth' },
        'https://example.org/beth',
      ),
    ).toBe(false);
  });

  it('does not match a malformed hash', () => {
    expect(matchesIdentity({ ...recipient, identity: 'sha1$abcdef' }, 'nobody@example.org')).toBe(false);
  });
});
