import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { issuerKeys, ob3Credentials } from '@/db/schema';
import { revokeAward } from '@/lib/awards/revoke-award';
import { log } from '@/lib/log';
import { currentIssuerKeys } from '@/lib/openbadges/ob3/issuer-keys';
import { acceptedAward } from '@/lib/openbadges/ob3/test-support';
import type { VerificationReport } from '@/lib/openbadges/verify/types';
import { type AppRoutesServer, startAppRoutesServer } from '@/test/app-routes-server';
import { makeIssuer } from '@/test/factories';
import { findPublicAward } from './public-award';
import { verifyOwnAward } from './verify-award';

/*
 * The public one-click verify over real HTTP: APP_URL is a local server that answers with the
 * app's own route handlers (credentials, DID and key documents, status lists, 2.0 documents).
 */

let app: AppRoutesServer;
let appUrl = '';
let asked: string[] = [];

beforeAll(async () => {
  // Credentials are signed with APP_URL's DID and addresses: it is set before any award is accepted.
  app = await startAppRoutesServer();
  appUrl = app.appUrl;
  asked = app.asked;
});
afterAll(() => app.close());

async function publicAward(awardId: string) {
  const found = await findPublicAward(await getDb(), awardId);
  if (!found) throw new Error('not public');
  return found;
}

const check = (report: VerificationReport, id: string) => report.checks.find((c) => c.id === id);

describe('the public one-click verify', () => {
  it('checks the signed 3.0 credential fetched from its address, and the 2.0 hosted copy in one line', async () => {
    const db = await getDb();
    const { award, email } = await acceptedAward(db);
    const found = await publicAward(award.id);
    asked.length = 0;

    const report = await verifyOwnAward(db, { found, appUrl });

    expect(report.verdict).toBe('valid');
    expect(report.badge?.assertionId).toBe(`${appUrl}/ob/v3/credentials/${award.id}`);
    for (const id of ['fetched', 'proof', 'issuer-key', 'revoked', 'recipient', 'ob2-hosted']) {
      expect(check(report, id)?.status, id).toBe('pass');
    }
    expect(check(report, 'revoked')?.label).toBe('Not revoked');
    expect(check(report, 'issuer-key')?.detail).toContain(`:issuers:${found.issuer.slug}`);
    expect(check(report, 'recipient')?.label).toBe(`Awarded to the issuer's record for ${found.earnerName}`);
    expect(check(report, 'ob2-hosted')?.detail).toContain(`${appUrl}/ob/v2/assertions/${award.id}`);
    // A stranger's requests: the credential, the issuer's DID document, its status list, the 2.0 copy.
    expect(asked).toEqual(
      expect.arrayContaining([
        `/ob/v3/credentials/${award.id}`,
        `/issuers/${found.issuer.slug}/did.json`,
        expect.stringMatching(new RegExp(`^/ob/v3/status/${found.issuer.slug}/`)),
        `/ob/v2/assertions/${award.id}`,
      ]),
    );
    // The report is public: it names the earner, never the address.
    const text = JSON.stringify(report);
    for (const form of [email, email.split('@')[0] ?? email]) expect(text).not.toContain(form);
  });

  it('says revoked from the status list, and the 2.0 line gives the reason', async () => {
    const db = await getDb();
    const { issued, award } = await acceptedAward(db);
    await revokeAward(db, { issuerId: issued.issuer.id, awardId: award.id, reason: 'Awarded by mistake' });

    const report = await verifyOwnAward(db, { found: await publicAward(award.id), appUrl });

    expect(report.verdict).toBe('invalid');
    expect(check(report, 'proof')?.status).toBe('pass');
    expect(check(report, 'revoked')).toMatchObject({ status: 'fail', label: 'Revoked by the issuer' });
    expect(check(report, 'ob2-hosted')).toMatchObject({
      status: 'fail',
      label: 'The Open Badges 2.0 hosted copy says revoked',
      detail: expect.stringContaining('The reason given: Awarded by mistake'),
    });
  });

  it('falls back to the 2.0 hosted check when the credential cannot be signed', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    await currentIssuerKeys(db, issued.issuer.id);
    // Keys encrypted under a key this server no longer has.
    await db
      .update(issuerKeys)
      .set({ privateKeyCiphertext: 'v2.gone.AAAA.AAAA.AAAA' })
      .where(eq(issuerKeys.issuerId, issued.issuer.id));
    const quiet = vi.spyOn(log, 'error').mockImplementation(() => {});
    try {
      const { award } = await acceptedAward(db, issued);
      const report = await verifyOwnAward(db, { found: await publicAward(award.id), appUrl });

      expect(await db.select().from(ob3Credentials).where(eq(ob3Credentials.awardId, award.id))).toEqual([]);
      expect(report.verdict).toBe('valid');
      expect(report.badge?.assertionId).toBe(`${appUrl}/ob/v2/assertions/${award.id}`);
      expect(check(report, 'recipient')?.status).toBe('pass');
      expect(check(report, 'proof')).toBeUndefined();
      expect(check(report, 'ob3-credential')?.status).toBe('skip');
    } finally {
      quiet.mockRestore();
    }
  });
});
