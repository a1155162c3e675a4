import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { addIssuerMember } from '@/lib/issuers/members';
import { makeIssuer, makeUser } from '@/test/factories';
import { authenticateApiKey, createApiKey, revokeApiKey } from './api-keys';

describe('API keys check who asks', () => {
  it('only an admin of the issuer creates or revokes its keys; another issuer’s key is not found', async () => {
    const db = await getDb();
    const { issuer, apiKey } = await makeIssuer(db);
    const other = await makeIssuer(db);
    const staff = await makeUser(db);
    const admin = await makeUser(db);
    const stranger = await makeUser(db);
    await addIssuerMember(db, { issuerId: issuer.id, email: staff.email, role: 'staff' });
    await addIssuerMember(db, { issuerId: issuer.id, email: admin.email, role: 'admin' });
    const keysOf = async () =>
      (await db.select().from(apiKeys).where(eq(apiKeys.issuerId, issuer.id))).length;

    await expect(
      createApiKey(db, { actor: { id: staff.user.id }, issuerId: issuer.id, name: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createApiKey(db, { actor: { id: stranger.user.id }, issuerId: issuer.id, name: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await keysOf()).toBe(1);

    const [key] = await db.select().from(apiKeys).where(eq(apiKeys.issuerId, issuer.id));
    const otherAdmin = await makeUser(db);
    await addIssuerMember(db, { issuerId: other.issuer.id, email: otherAdmin.email, role: 'admin' });
    await expect(
      revokeApiKey(db, {
        actor: { id: otherAdmin.user.id },
        issuerId: other.issuer.id,
        keyId: key?.id ?? '',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await authenticateApiKey(db, apiKey))?.id).toBe(issuer.id);

    await createApiKey(db, { actor: { id: admin.user.id }, issuerId: issuer.id, name: 'second' });
    expect(await keysOf()).toBe(2);
  });
});
