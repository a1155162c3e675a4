import { describe, expect, it } from 'vitest';
import { identityHash } from '@/lib/openbadges/ob2/identity';
import type { FoundBadge } from '@/lib/openbadges/verify/verify';
import { checkImportRecipient } from './recipient';

const mine = ['zoe@example.org'];
const found = (badge: Partial<FoundBadge>): FoundBadge => ({ identities: [], ...badge });
const detailOf = (badge: Partial<FoundBadge>) => {
  const outcome = checkImportRecipient(found(badge), mine);
  return outcome.kind === 'unchecked' ? outcome.check.detail : outcome.kind;
};

describe('the recipient of an imported badge', () => {
  it('says what kind of identifier a badge names, never the identifier (the check is public)', () => {
    const cases: [Partial<FoundBadge>, string][] = [
      [
        { identities: [{ type: 'telephone', hashed: false, identity: '+44 20 7946 0958' }] },
        'a phone number',
      ],
      [{ identities: [{ type: 'url', hashed: false, identity: 'https://zoe.example/me' }] }, 'a web address'],
      [
        { identities: [{ type: 'telephone', hashed: true, identity: identityHash('+44') }] },
        'an identifier kept private as a hash',
      ],
      [{ subjectId: 'did:key:z6MkZoeZoeZoe' }, 'a decentralized identifier (DID)'],
      [{ subjectId: 'https://zoe.example/profile' }, 'a web address'],
      [{ subjectId: 'urn:uuid:0f0e0d0c-0b0a-4000-8000-000000000000' }, 'an identifier'],
    ];
    for (const [badge, kind] of cases) {
      const detail = detailOf(badge);
      expect(detail).toContain(`awarded to ${kind}`);
      for (const named of [badge.subjectId, ...(badge.identities ?? []).map((i) => i.identity)])
        if (named) expect(detail).not.toContain(named);
    }
    expect(detailOf({})).toBe('It names no email address, so Laurel cannot tell whose it is.');
  });

  it('takes a mailto: subject as the email address it is', () => {
    expect(checkImportRecipient(found({ subjectId: 'mailto:Zoe%40example.org' }), mine).kind).toBe('matched');
    expect(checkImportRecipient(found({ subjectId: 'mailto:zoe@example.org?subject=hi' }), mine).kind).toBe(
      'matched',
    );
    expect(checkImportRecipient(found({ subjectId: 'mailto:someone@else.org' }), mine)).toEqual({
      kind: 'other-address',
      address: 'someone@else.org',
    });
    expect(checkImportRecipient(found({ subjectId: 'mailto:bad%zz@else.org' }), mine).kind).toBe(
      'other-address',
    );
  });
});
