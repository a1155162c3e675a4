import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { outbox, userEmails, userTokens } from '@/db/schema';
import { decidePendingAward } from '@/lib/awards/claim';
import { listWallet } from '@/lib/awards/wallet';
import { hashToken } from '@/lib/crypto/tokens';
import { makeAward, makeIssuer, makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { verifyCredentials } from './credentials';
import {
  ADDRESS_TAKEN,
  addAccountEmail,
  listAccountEmails,
  MAX_ADDRESSES,
  makePrimaryEmail,
  removeAccountEmail,
  resendAccountEmailLink,
  TOO_MANY_ADDRESSES,
} from './user-emails';
import { verifyEmailAddress } from './user-tokens';

/** Confirmation links mailed to this address, oldest first. */
async function links(db: Db, email: string) {
  const rows = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(sql`${outbox.payload}->>'to' = ${email}`)
    .orderBy(outbox.createdAt);
  return rows.flatMap((r) => r.payload.text.match(/\/verify-email\/([A-Za-z0-9_-]{43})/)?.[1] ?? []);
}

const idOf = async (db: Db, userId: string, email: string) =>
  (await listAccountEmails(db, userId)).find((e) => e.email === email)?.id ?? '';

describe('email addresses of an account', () => {
  it('adds an address unconfirmed, confirms it by its single-use link, and then it signs in', async () => {
    const db = await getDb();
    const { user, password } = await makeUser(db);
    const extra = uniqueEmail('extra');
    await addAccountEmail(db, { config: testConfig, userId: user.id, email: ` ${extra.toUpperCase()} ` });
    expect((await listAccountEmails(db, user.id)).find((e) => e.email === extra)).toMatchObject({
      isPrimary: false,
      isVerified: false,
    });
    await expect(verifyCredentials(db, { email: extra, password, client: randomUUID() })).rejects.toThrow(
      /Confirm your email first/,
    );
    const [token] = await links(db, extra);
    // Only a hash of the link rests in the database.
    const [stored] = await db.select().from(userTokens).where(eq(userTokens.email, extra));
    expect(stored?.tokenHash).toBe(hashToken(token ?? ''));
    expect(await verifyEmailAddress(db, token ?? '')).toEqual({ email: extra });
    await expect(verifyEmailAddress(db, token ?? '')).rejects.toThrow(/not valid/);
    expect((await listAccountEmails(db, user.id)).find((e) => e.email === extra)?.isVerified).toBe(true);
    expect(await verifyCredentials(db, { email: extra, password, client: randomUUID() })).toMatchObject({
      id: user.id,
    });
  });

  it('shows an award sent before the address was added once it is confirmed, and it can be accepted', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const old = uniqueEmail('old-school');
    const { award } = await makeAward(db, issued, { email: old });
    const { user } = await makeUser(db);
    expect(await listWallet(db, user.id)).toEqual([]);
    await addAccountEmail(db, { config: testConfig, userId: user.id, email: old });
    expect(await listWallet(db, user.id)).toEqual([]);
    await verifyEmailAddress(db, (await links(db, old))[0] ?? '');
    expect((await listWallet(db, user.id)).map((b) => [b.id, b.state])).toEqual([[award.id, 'pending']]);
    await decidePendingAward(db, { userId: user.id, awardId: award.id, decision: 'accepted' });
    expect((await listWallet(db, user.id)).map((b) => [b.id, b.state])).toEqual([[award.id, 'accepted']]);
  });

  it('refuses an address confirmed by another account, and its own addresses twice', async () => {
    const db = await getDb();
    const other = await makeUser(db);
    const { user, email } = await makeUser(db);
    await expect(
      addAccountEmail(db, { config: testConfig, userId: user.id, email: other.email }),
    ).rejects.toMatchObject({ code: 'conflict', fieldErrors: { email: [ADDRESS_TAKEN] } });
    await expect(addAccountEmail(db, { config: testConfig, userId: user.id, email })).rejects.toMatchObject({
      fieldErrors: { email: ['This address is already on your account.'] },
    });
    expect(await links(db, other.email)).toEqual([]);
  });

  it('takes over an address only claimed, unconfirmed, by another account', async () => {
    const db = await getDb();
    const squatter = await makeUser(db, { isVerified: false });
    const { user } = await makeUser(db);
    await addAccountEmail(db, { config: testConfig, userId: user.id, email: squatter.email });
    const [row] = await db.select().from(userEmails).where(eq(userEmails.email, squatter.email));
    expect(row?.userId).toBe(user.id);
  });

  it(`holds at most ${MAX_ADDRESSES} addresses`, async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const values = Array.from({ length: MAX_ADDRESSES - 1 }, () => ({
      userId: user.id,
      email: uniqueEmail(),
    }));
    await db.insert(userEmails).values(values);
    await expect(
      addAccountEmail(db, { config: testConfig, userId: user.id, email: uniqueEmail() }),
    ).rejects.toMatchObject({ fieldErrors: { email: [TOO_MANY_ADDRESSES] } });
  });

  it('limits how often one account mails one address', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const extra = uniqueEmail();
    await addAccountEmail(db, { config: testConfig, userId: user.id, email: extra });
    const emailId = await idOf(db, user.id, extra);
    const resend = () => resendAccountEmailLink({ db, userId: user.id, emailId, config: testConfig });
    await resend();
    await resend();
    await resend();
    await expect(resend()).rejects.toMatchObject({ code: 'rate_limited' });
    expect(await links(db, extra)).toHaveLength(4);
  });

  it('makes only a confirmed address primary', async () => {
    const db = await getDb();
    const { user, email } = await makeUser(db);
    const extra = uniqueEmail();
    await addAccountEmail(db, { config: testConfig, userId: user.id, email: extra });
    const emailId = await idOf(db, user.id, extra);
    await expect(makePrimaryEmail({ db, userId: user.id, emailId })).rejects.toThrow(/Confirm .* before/);
    await verifyEmailAddress(db, (await links(db, extra))[0] ?? '');
    await makePrimaryEmail({ db, userId: user.id, emailId });
    const primaries = (await listAccountEmails(db, user.id)).filter((e) => e.isPrimary).map((e) => e.email);
    expect(primaries).toEqual([extra]);
    // The old primary can go now; the new one cannot.
    await removeAccountEmail({ db, userId: user.id, emailId: await idOf(db, user.id, email) });
    await expect(removeAccountEmail({ db, userId: user.id, emailId })).rejects.toThrow(
      /Make another address/,
    );
  });

  it('removes an address with its unused links, and a re-added one needs a new link', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const extra = uniqueEmail();
    await addAccountEmail(db, { config: testConfig, userId: user.id, email: extra });
    const [oldLink] = await links(db, extra);
    await removeAccountEmail({ db, userId: user.id, emailId: await idOf(db, user.id, extra) });
    expect((await listAccountEmails(db, user.id)).map((e) => e.email)).not.toContain(extra);
    await addAccountEmail(db, { config: testConfig, userId: user.id, email: extra });
    await expect(verifyEmailAddress(db, oldLink ?? '')).rejects.toThrow(/not valid/);
    const fresh = await links(db, extra);
    expect(fresh).toHaveLength(2);
    await verifyEmailAddress(db, fresh[1] ?? '');
    expect((await listAccountEmails(db, user.id)).find((e) => e.email === extra)?.isVerified).toBe(true);
  });

  it('keeps exactly one primary address when "make primary" and "remove" race on the same address', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    for (let round = 0; round < 8; round++) {
      const extra = uniqueEmail(`race${round}`);
      await addAccountEmail(db, { config: testConfig, userId: user.id, email: extra });
      await verifyEmailAddress(db, (await links(db, extra))[0] ?? '');
      const emailId = await idOf(db, user.id, extra);
      const [primary, removal] = await Promise.allSettled([
        makePrimaryEmail({ db, userId: user.id, emailId }),
        removeAccountEmail({ db, userId: user.id, emailId }),
      ]);
      const addresses = await listAccountEmails(db, user.id);
      expect(addresses.filter((e) => e.isPrimary)).toHaveLength(1);
      // One of the two won; the other was refused with a reason, or the address is now primary and kept.
      expect([primary.status, removal.status]).toContain('fulfilled');
      if (removal.status === 'fulfilled') expect(addresses.map((e) => e.email)).not.toContain(extra);
      if (removal.status === 'rejected') expect(addresses.find((e) => e.isPrimary)?.email).toBe(extra);
    }
  });

  it('never acts on another account’s address', async () => {
    const db = await getDb();
    const owner = await makeUser(db);
    const stranger = await makeUser(db);
    const extra = uniqueEmail();
    await addAccountEmail(db, { config: testConfig, userId: owner.user.id, email: extra });
    const emailId = await idOf(db, owner.user.id, extra);
    for (const act of [makePrimaryEmail, removeAccountEmail]) {
      await expect(act({ db, userId: stranger.user.id, emailId })).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    await expect(
      resendAccountEmailLink({ db, userId: stranger.user.id, emailId, config: testConfig }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await db
      .select()
      .from(userEmails)
      .where(and(eq(userEmails.id, emailId), eq(userEmails.userId, owner.user.id)));
    expect(row?.email).toBe(extra);
  });
});
