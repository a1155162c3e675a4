import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { makeIssuer, makeUser } from '@/test/factories';
import { addIssuerMember, listMemberships, requireIssuerRole } from './members';

describe('issuer members', () => {
  it('admins may do admin work, staff may not, and strangers do not see the issuer', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const admin = await makeUser(db);
    const staff = await makeUser(db);
    const stranger = await makeUser(db);
    await addIssuerMember(db, { issuerId: issuer.id, email: admin.email.toUpperCase(), role: 'admin' });
    await addIssuerMember(db, { issuerId: issuer.id, email: staff.email, role: 'staff' });

    expect(
      (await requireIssuerRole(db, { userId: admin.user.id, slug: issuer.slug, needs: 'admin' })).role,
    ).toBe('admin');
    expect((await requireIssuerRole(db, { userId: staff.user.id, slug: issuer.slug })).role).toBe('staff');
    await expect(
      requireIssuerRole(db, { userId: staff.user.id, slug: issuer.slug, needs: 'admin' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      requireIssuerRole(db, { userId: stranger.user.id, slug: issuer.slug }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await listMemberships(db, staff.user.id)).map((m) => m.issuer.id)).toEqual([issuer.id]);
  });

  it('changes a role instead of adding a second membership, and refuses unknown addresses', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const person = await makeUser(db);
    await addIssuerMember(db, { issuerId: issuer.id, email: person.email, role: 'staff' });
    await addIssuerMember(db, { issuerId: issuer.id, email: person.email, role: 'admin' });
    expect((await listMemberships(db, person.user.id)).map((m) => m.role)).toEqual(['admin']);
    await expect(
      addIssuerMember(db, { issuerId: issuer.id, email: 'nobody@nowhere.test', role: 'staff' }),
    ).rejects.toThrow(/No Laurel account uses/);
  });
});
