import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as download } from '@/app/(site)/imported/[id]/download/route';
import { GET as image } from '@/app/(site)/imported/[id]/image/route';
import { getDb } from '@/db/client';
import { importedBadges, users } from '@/db/schema';
import { startSession } from '@/lib/auth/sessions';
import { revokeAward } from '@/lib/awards/revoke-award';
import { fetcherFor } from '@/lib/badges/verify-award';
import { unreachableError } from '@/lib/net/types';
import { independentTextChunks } from '@/lib/openbadges/bake/test-images';
import { findPublicProfile } from '@/lib/profile/public-profile';
import { type AppRoutesServer, startAppRoutesServer } from '@/test/app-routes-server';
import { importBadge } from './import-badge';
import { REVERIFY_AFTER_MS } from './limits';
import { freshImportedReport, retryUnverifiedImports } from './reverify';
import { type Earned, earned, ob2File, ob3File } from './test-support';
import {
  findOwnImportedBadge,
  findPublicImportedBadge,
  listImportedBadges,
  NOT_VERIFIED_YET,
  setImportedBadgeVisibility,
} from './wallet';

// Downloads ask who is signed in; next-auth's cookie exists only inside Next: here the test says.
const signedIn = vi.hoisted(() => ({ as: null as { userId: string; sessionId: string } | null }));
vi.mock('@/auth', () => ({
  auth: async () => signedIn.as && { user: { id: signedIn.as.userId }, sessionId: signedIn.as.sessionId },
}));
async function signIn(userId: string | null) {
  signedIn.as = userId ? { userId, sessionId: await startSession(await getDb(), userId) } : null;
}
afterEach(() => signIn(null));

let app: AppRoutesServer;
beforeAll(async () => {
  app = await startAppRoutesServer();
});
afterAll(() => app.close());

const down = async () => {
  throw unreachableError('the issuer did not answer');
};

async function imported(mine: Earned, bytes: Uint8Array, fetch = fetcherFor(app.appUrl)) {
  const outcome = await importBadge(await getDb(), {
    userId: mine.userId,
    source: { kind: 'file', bytes },
    fetch,
  });
  if (outcome.status !== 'added') throw new Error(`not added: ${JSON.stringify(outcome)}`);
  return { ...mine, id: outcome.id };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const ask = (id: string, path = 'download') => new Request(`${app.appUrl}/imported/${id}/${path}`);

describe('an imported badge in the wallet', () => {
  it('is private at first: no public page, file or image for visitors; public after the switch', async () => {
    const db = await getDb();
    const mine = await earned();
    const { found } = mine;
    const bytes = await ob3File(found, 'png');
    const { id, userId } = await imported(mine, bytes);

    expect(await findPublicImportedBadge(db, id)).toBeNull();
    expect((await download(ask(id), params(id))).status).toBe(404);
    expect((await image(ask(id, 'image'), params(id))).status).toBe(404);

    await setImportedBadgeVisibility(db, { userId, id, isPublic: true });

    expect(await findPublicImportedBadge(db, id)).toMatchObject({ badgeName: 'Linux Fundamentals' });
    await setImportedBadgeVisibility(db, { userId, id, isPublic: false });
    expect(await findPublicImportedBadge(db, id)).toBeNull();
  });

  it('gives its owner the file as imported, and visitors of the public badge only the picture', async () => {
    const db = await getDb();
    const mine = await earned();
    const bytes = await ob3File(mine.found, 'png');
    const { id, userId } = await imported(mine, bytes);
    await setImportedBadgeVisibility(db, { userId, id, isPublic: true });

    // A visitor: no original (its credential may name the email in plain text), the picture alone.
    expect((await download(ask(id), params(id))).status).toBe(404);
    const picture = Buffer.from(await (await image(ask(id, 'image'), params(id))).arrayBuffer());
    expect(independentTextChunks(picture)).toEqual([]);
    expect(picture.includes(mine.email)).toBe(false);
    const [shown, drawn] = await Promise.all([
      sharp(picture).raw().toBuffer(),
      sharp(bytes).raw().toBuffer(),
    ]);
    expect(shown.equals(drawn)).toBe(true);

    // Another signed-in learner is a visitor too.
    await signIn((await earned()).userId);
    expect((await download(ask(id), params(id))).status).toBe(404);

    await signIn(userId);
    const file = await download(ask(id), params(id));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toMatch(
      /attachment; filename="linux-fundamentals-issuer-[a-z0-9-]+\.png"/,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const own = Buffer.from(await (await image(ask(id, 'image'), params(id))).arrayBuffer());
    expect(own.equals(Buffer.from(bytes))).toBe(true);
  });

  it('draws an SVG badge as a PNG picture for visitors, without the badge inside it', async () => {
    const db = await getDb();
    const mine = await earned();
    const bytes = await ob2File(mine.found, 'svg');
    const { id, userId } = await imported(mine, bytes);
    await setImportedBadgeVisibility(db, { userId, id, isPublic: true });

    const answer = await image(ask(id, 'image'), params(id));
    expect(answer.headers.get('content-type')).toBe('image/png');
    const picture = Buffer.from(await answer.arrayBuffer());
    expect(independentTextChunks(picture)).toEqual([]);
    expect(await sharp(picture).metadata()).toMatchObject({ format: 'png', width: 256, height: 256 });
  });

  it("is gone from every public surface while its owner's account deletion is pending", async () => {
    const db = await getDb();
    const mine = await earned();
    const { id, userId } = await imported(mine, await ob3File(mine.found, 'png'));
    await setImportedBadgeVisibility(db, { userId, id, isPublic: true });
    expect(await findPublicImportedBadge(db, id)).not.toBeNull();

    await db.update(users).set({ deletionRequestedAt: new Date() }).where(eq(users.id, userId));

    expect(await findPublicImportedBadge(db, id)).toBeNull();
    expect((await download(ask(id), params(id))).status).toBe(404);
    expect((await image(ask(id, 'image'), params(id))).status).toBe(404);
  });

  it('gives back an SVG and a JWT byte for byte, the SVG with a sandbox policy', async () => {
    const mine = await earned();
    const { found } = mine;
    await signIn(mine.userId);
    for (const [bytes, type] of [
      [await ob2File(found, 'svg'), 'image/svg+xml'],
      [await ob3File(found, 'jwt'), 'application/jwt'],
    ] as const) {
      const { id } = await imported(mine, bytes);
      const file = await download(ask(id), params(id));
      expect(file.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
      if (type === 'image/svg+xml') expect(file.headers.get('content-security-policy')).toContain('sandbox');
    }
  });

  it("is refused to another learner's wallet and to a made-up id", async () => {
    const db = await getDb();
    const mine = await earned();
    const { found } = mine;
    const { id } = await imported(mine, await ob3File(found, 'json'));
    const other = await earned();

    expect(await findOwnImportedBadge(db, { userId: other.userId, id })).toBeNull();
    await expect(
      setImportedBadgeVisibility(db, { userId: other.userId, id, isPublic: true }),
    ).rejects.toThrow('not in your wallet');
    expect((await download(ask('not-a-uuid'), params('not-a-uuid'))).status).toBe(404);
  });

  it('shows on the public profile only while public', async () => {
    const db = await getDb();
    const mine = await earned();
    const { found } = mine;
    const { id, userId } = await imported(mine, await ob3File(found, 'json'));
    const handle = `learner-${id.slice(0, 8)}`;
    await db.update(users).set({ handle, isProfilePublic: true }).where(eq(users.id, userId));

    expect((await findPublicProfile(db, handle))?.importedBadges).toEqual([]);
    await setImportedBadgeVisibility(db, { userId, id, isPublic: true });
    expect((await findPublicProfile(db, handle))?.importedBadges).toEqual([
      expect.objectContaining({ id, badgeName: 'Linux Fundamentals', status: 'verified' }),
    ]);
  });
});

describe('checking an imported badge again', () => {
  it('retries one kept as unverified once its issuer answers', async () => {
    const db = await getDb();
    const mine = await earned();
    const { found } = mine;
    const { id, userId } = await imported(mine, await ob3File(found, 'json'), down);
    expect((await findOwnImportedBadge(db, { userId, id }))?.status).toBe('unverified');
    const longAgo = new Date(Date.now() - REVERIFY_AFTER_MS - 1000);
    await db.update(importedBadges).set({ verifiedAt: longAgo }).where(eq(importedBadges.id, id));

    // Never verified: it cannot be public (an issuer that does not exist is never reachable).
    await expect(setImportedBadgeVisibility(db, { userId, id, isPublic: true })).rejects.toThrow(
      NOT_VERIFIED_YET,
    );
    await retryUnverifiedImports(db, { fetch: down });
    const still = await findOwnImportedBadge(db, { userId, id });
    expect(still).toMatchObject({ status: 'unverified' });
    await db.update(importedBadges).set({ verifiedAt: longAgo }).where(eq(importedBadges.id, id));

    await retryUnverifiedImports(db, { fetch: fetcherFor(app.appUrl) });

    const after = await findOwnImportedBadge(db, { userId, id });
    expect(after?.status).toBe('verified');
    await setImportedBadgeVisibility(db, { userId, id, isPublic: true });
    // Verified once: its host being down later does not keep it private.
    await setImportedBadgeVisibility(db, { userId, id, isPublic: false });
    await db.update(importedBadges).set({ verifiedAt: longAgo }).where(eq(importedBadges.id, id));
    const stale = await findOwnImportedBadge(db, { userId, id });
    if (!stale) throw new Error('missing');
    await freshImportedReport(db, stale, { fetch: down, waitMs: 30_000 });
    expect(await findOwnImportedBadge(db, { userId, id })).toMatchObject({
      status: 'unverified',
      hasBeenVerified: true,
    });
    await setImportedBadgeVisibility(db, { userId, id, isPublic: true });
    expect(after?.report.checks.find((check) => check.id === 'recipient')?.status).toBe('pass');
  });

  it('checks once for many views at a time, and views do not use up the upkeep’s retries', async () => {
    const db = await getDb();
    const mine = await earned();
    const { id, userId } = await imported(mine, await ob3File(mine.found, 'json'), down);
    const [retriesBefore] = await db
      .select({ n: importedBadges.retryCount })
      .from(importedBadges)
      .where(eq(importedBadges.id, id));
    const badge = await findOwnImportedBadge(db, { userId, id });
    if (!badge) throw new Error('missing');
    let asked = 0;
    const counting: typeof down = async () => {
      asked += 1;
      await new Promise((r) => setTimeout(r, 50));
      return down();
    };
    const later = new Date(Date.now() + REVERIFY_AFTER_MS + 1000);

    await freshImportedReport(db, badge, { fetch: counting, now: later, waitMs: 30_000 });
    const oneCheck = asked;
    expect(oneCheck).toBeGreaterThan(0);
    asked = 0;
    const views = await Promise.all(
      Array.from({ length: 8 }, () =>
        freshImportedReport(db, badge, { fetch: counting, now: later, waitMs: 30_000 }),
      ),
    );

    expect(asked).toBe(oneCheck);
    expect(views.every((view) => view.status === 'unverified')).toBe(true);
    const [retries] = await db
      .select({ n: importedBadges.retryCount })
      .from(importedBadges)
      .where(eq(importedBadges.id, id));
    expect(retries?.n).toBe(retriesBefore?.n);
  });

  it('re-verifies on view after ten minutes: a badge revoked since says so and cannot be made public', async () => {
    const db = await getDb();
    const mine = await earned();
    const { found, issued } = mine;
    const { id, userId } = await imported(mine, await ob3File(found, 'png'));
    const badge = await findOwnImportedBadge(db, { userId, id });
    if (!badge) throw new Error('missing');
    await revokeAward(db, {
      issuerId: issued.issuer.id,
      awardId: found.award.id,
      reason: 'Awarded by mistake',
    });

    const fresh = await freshImportedReport(db, badge, { fetch: fetcherFor(app.appUrl) });
    expect(fresh.status).toBe('verified');

    const later = new Date(Date.now() + REVERIFY_AFTER_MS + 1000);
    const stale = await freshImportedReport(db, badge, { fetch: fetcherFor(app.appUrl), now: later });

    expect(stale.status).toBe('invalid');
    expect(stale.report.checks.find((check) => check.id === 'revoked')?.status).toBe('fail');
    await expect(setImportedBadgeVisibility(db, { userId, id, isPublic: true })).rejects.toThrow(
      'no longer verifies',
    );
    expect((await listImportedBadges(db, userId))[0]?.status).toBe('invalid');
  });
  it('re-verifies after its expiry date as expired: still public on the profile, marked so', async () => {
    const db = await getDb();
    const mine = await earned();
    const { found } = mine;
    const { id, userId } = await imported(mine, await ob2File(found, 'png'));
    await setImportedBadgeVisibility(db, { userId, id, isPublic: true });
    const badge = await findOwnImportedBadge(db, { userId, id });
    if (!badge?.expiresAt) throw new Error('expected an expiring badge');

    const afterExpiry = new Date(badge.expiresAt.getTime() + 1000);
    const seen = await freshImportedReport(db, badge, { fetch: fetcherFor(app.appUrl), now: afterExpiry });

    expect(seen.status).toBe('expired');
    await setImportedBadgeVisibility(db, { userId, id, isPublic: true });
    expect(await findPublicImportedBadge(db, id)).toMatchObject({ status: 'expired' });
    const handle = `expired-${id.slice(0, 8)}`;
    await db.update(users).set({ handle, isProfilePublic: true }).where(eq(users.id, userId));
    const profile = await findPublicProfile(db, handle);
    expect(profile?.importedBadges.map((b) => [b.id, b.status])).toEqual([[id, 'expired']]);
  });
});
