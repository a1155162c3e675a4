import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awards } from '@/db/schema';
import { makeAward, makeIssuer, makeUser } from '@/test/factories';
import { badgeKey, forgetKnown, isRememberedKnown, rememberKnown } from './known-memo';
import { isKnownPublicPath } from './known-path';

describe('which public paths may reach the cached pages', () => {
  it('lets through a public badge and its embed card, and nothing for unknown, malformed or private ids', async () => {
    const db = await getDb();
    const { user, email } = await makeUser(db);
    const { award } = await makeAward(db, await makeIssuer(db), { email });
    expect(await isKnownPublicPath(db, `/badges/${award.id}`)).toBe(false); // still pending
    await db.update(awards).set({ state: 'accepted', userId: user.id }).where(eq(awards.id, award.id));
    expect(await isKnownPublicPath(db, `/badges/${award.id}`)).toBe(true);
    expect(await isKnownPublicPath(db, `/badges/${award.id}/embed`)).toBe(true);
    expect(await isKnownPublicPath(db, `/badges/${randomUUID()}`)).toBe(false);
    expect(await isKnownPublicPath(db, '/badges/not-a-uuid')).toBe(false);
    await db.update(awards).set({ isPublic: false }).where(eq(awards.id, award.id));
    // Remembered as known until the change forgets it, as refreshBadgePage does.
    expect(await isKnownPublicPath(db, `/badges/${award.id}/embed`)).toBe(true);
    forgetKnown(badgeKey(award.id));
    expect(await isKnownPublicPath(db, `/badges/${award.id}/embed`)).toBe(false);
  });

  it('refuses undecodable and overlong labor-market segments without a query', async () => {
    const db = await getDb();
    expect(await isKnownPublicPath(db, '/skills/%E0%A4%A')).toBe(false);
    expect(await isKnownPublicPath(db, `/occupations/${'1'.repeat(201)}`)).toBe(false);
    expect(await isKnownPublicPath(db, '/verify')).toBe(true);
  });

  it('remembers known paths for a minute, and at most ten thousand of them', () => {
    const now = Date.now();
    rememberKnown('badge:first', now);
    expect(isRememberedKnown('badge:first', now + 59_000)).toBe(true);
    expect(isRememberedKnown('badge:first', now + 61_000)).toBe(false);
    rememberKnown('badge:oldest', now);
    for (let i = 0; i < 10_000; i++) rememberKnown(`badge:${i}`, now);
    expect(isRememberedKnown('badge:oldest', now)).toBe(false);
    expect(isRememberedKnown('badge:9999', now)).toBe(true);
  });
});
