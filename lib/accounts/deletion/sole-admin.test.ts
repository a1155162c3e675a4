import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { issuerMembers, users } from '@/db/schema';
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

  it('does not count a fellow admin whose own account is being deleted', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const { user: leaving } = await makeUser(db);
    const { issuer } = await makeIssuer(db);
    await db.insert(issuerMembers).values([
      { issuerId: issuer.id, userId: user.id, role: 'admin' },
      { issuerId: issuer.id, userId: leaving.id, role: 'admin' },
    ]);
    expect(await issuersOnlyAdministeredBy(db, user.id)).toEqual([]);

    await db.update(users).set({ deletionRequestedAt: new Date() }).where(eq(users.id, leaving.id));

    expect(await issuersOnlyAdministeredBy(db, user.id)).toEqual([{ name: issuer.name, slug: issuer.slug }]);
  });
});
