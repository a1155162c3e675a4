import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { issuerMembers } from '@/db/schema';
import { makeIssuer, makeUser } from '@/test/factories';
import { issuersOnlyAdministeredBy } from './sole-admin';

describe('the issuers an account is the only admin of', () => {
  it('names those with no other admin; staff and fellow admins do not count as alone', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const { user: colleague } = await makeUser(db);
    const alone = await makeIssuer(db);
    const shared = await makeIssuer(db);
    const asStaff = await makeIssuer(db);
    const withStaffOnly = await makeIssuer(db);
    await db.insert(issuerMembers).values([
      { issuerId: alone.issuer.id, userId: user.id, role: 'admin' },
      { issuerId: withStaffOnly.issuer.id, userId: user.id, role: 'admin' },
      { issuerId: withStaffOnly.issuer.id, userId: colleague.id, role: 'staff' },
      { issuerId: shared.issuer.id, userId: user.id, role: 'admin' },
      { issuerId: shared.issuer.id, userId: colleague.id, role: 'admin' },
      { issuerId: asStaff.issuer.id, userId: user.id, role: 'staff' },
    ]);

    const found = await issuersOnlyAdministeredBy(db, user.id);

    expect(found.map((issuer) => issuer.slug).sort()).toEqual(
      [alone.issuer.slug, withStaffOnly.issuer.slug].sort(),
    );
    expect(await issuersOnlyAdministeredBy(db, colleague.id)).toEqual([]);
  });
});
