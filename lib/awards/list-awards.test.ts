import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awards, users } from '@/db/schema';
import { upsertTemplate } from '@/lib/issuers/issuers';
import { makeAward, makeIssuer, makeUser, uniqueEmail } from '@/test/factories';
import { acceptWithToken, declineWithToken } from './claim';
import { type AwardListQuery, awardListQuerySchema, decodeCursor, listAwards } from './list-awards';
import { revokeAward } from './revoke-award';

const query = (q: Record<string, string>): AwardListQuery => awardListQuerySchema.parse(q);

describe('listAwards', () => {
  it('pages newest first with a cursor, never skipping or repeating awards made in the same instant', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const made = [];
    for (let i = 0; i < 7; i++) made.push((await makeAward(db, issued)).award);
    // Four awards share one creation time down to the microsecond: the id breaks the tie.
    const sameInstant = made.slice(1, 5).map((a) => a.id);
    await db
      .update(awards)
      .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
      .where(inArray(awards.id, sameInstant));

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAwards(db, {
        issuerId: issued.issuer.id,
        query: query({ limit: '3', ...(cursor ? { cursor } : {}) }),
      });
      seen.push(...page.awards.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);

    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect(seen.sort()).toEqual(made.map((a) => a.id).sort());
    const rows = await db.select().from(awards).where(inArray(awards.id, seen));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = [...rows].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    const firstPage = await listAwards(db, { issuerId: issued.issuer.id, query: query({ limit: '100' }) });
    expect(firstPage.awards.map((a) => a.id)).toEqual(ordered.map((a) => a.id));
    expect(firstPage.nextCursor).toBeNull();
    expect(byId.size).toBe(7);
  });

  it('filters by derived state: revoked and expired win over the stored state', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const pending = await makeAward(db, issued);
    const accepted = await makeAward(db, issued);
    const declined = await makeAward(db, issued);
    const revoked = await makeAward(db, issued);
    const expired = await makeAward(db, issued, {
      issuedAt: new Date('2020-01-01T00:00:00Z'),
      expiresAt: new Date('2021-01-01T00:00:00Z'),
    });
    const optedOut = await makeUser(db);
    await db.update(users).set({ optedOutAt: new Date() }).where(eq(users.id, optedOut.user.id));
    const opted = await makeAward(db, issued, { email: optedOut.email }).catch(() => null);
    const { user } = await makeUser(db, { email: accepted.award.recipientEmail });
    await acceptWithToken(db, { token: accepted.token, userId: user.id });
    await declineWithToken(db, { token: declined.token, userId: null });
    await revokeAward(db, { issuerId: issued.issuer.id, awardId: revoked.award.id, reason: 'Error' });
    // An accepted award that is later revoked is listed as revoked only.
    const acceptedThenRevoked = await makeAward(db, issued);
    const other = await makeUser(db, { email: acceptedThenRevoked.award.recipientEmail });
    await acceptWithToken(db, { token: acceptedThenRevoked.token, userId: other.user.id });
    await revokeAward(db, {
      issuerId: issued.issuer.id,
      awardId: acceptedThenRevoked.award.id,
      reason: 'Error',
    });

    const ids = async (state: string) =>
      (await listAwards(db, { issuerId: issued.issuer.id, query: query({ state }) })).awards
        .map((a) => a.id)
        .sort();
    expect(await ids('pending')).toEqual([pending.award.id]);
    expect(await ids('accepted')).toEqual([accepted.award.id]);
    expect(await ids('declined')).toEqual([declined.award.id]);
    expect(await ids('revoked')).toEqual([revoked.award.id, acceptedThenRevoked.award.id].sort());
    expect(await ids('expired')).toEqual([expired.award.id]);
    // makeAward reads a claim email, and an opted-out address gets none: look the award up instead.
    const [optedRow] = await db.select().from(awards).where(eq(awards.recipientEmail, optedOut.email));
    expect(opted).toBeNull();
    expect(await ids('opted_out')).toEqual([optedRow?.id]);
  });

  it('filters by template and by email, exact or contained, with LIKE wildcards taken literally', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const second = await upsertTemplate(db, {
      issuerId: issued.issuer.id,
      name: 'Second',
      description: 'Another.',
      imageId: issued.template.imageId,
      criteriaNarrative: 'Do it.',
    });
    const tag = uniqueEmail('x').slice(2, 10);
    const a = await makeAward(db, issued, { email: `ana_${tag}@example.test` });
    const b = await makeAward(db, issued, { email: `anax${tag}@example.test`, templateId: second.id });
    const c = await makeAward(db, issued, { email: `bob.${tag}@example.test` });

    const ids = async (q: Record<string, string>) =>
      (await listAwards(db, { issuerId: issued.issuer.id, query: query(q) })).awards.map((x) => x.id).sort();
    expect(await ids({ templateId: second.id })).toEqual([b.award.id]);
    expect(await ids({ email: `ANA_${tag}@example.test` })).toEqual([a.award.id]);
    expect(await ids({ emailContains: tag })).toEqual([a.award.id, b.award.id, c.award.id].sort());
    expect(await ids({ emailContains: 'ana_' })).toEqual([a.award.id]);
    expect(await ids({ emailContains: 'ana', templateId: issued.template.id })).toEqual([a.award.id]);
  });

  it('is scoped to the issuer', async () => {
    const db = await getDb();
    const mine = await makeIssuer(db);
    const theirs = await makeIssuer(db);
    await makeAward(db, theirs);
    const page = await listAwards(db, { issuerId: mine.issuer.id, query: query({}) });
    expect(page).toEqual({ awards: [], nextCursor: null });
  });

  it('names bad query parameters', () => {
    const parsed = awardListQuerySchema.safeParse({
      limit: '0',
      state: 'lost',
      cursor: 'garbage',
      templateId: 'x',
      page: '2',
    });
    expect(parsed.success).toBe(false);
    const fields = parsed.error?.issues.map((i) => (i.path.length ? i.path.join('.') : i.code)).sort();
    expect(fields).toEqual(['cursor', 'limit', 'state', 'templateId', 'unrecognized_keys'].sort());
    expect(awardListQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
    expect(decodeCursor('garbage')).toBeNull();
  });
});
