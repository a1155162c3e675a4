import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { userEmails } from '@/db/schema';
import { matchesIdentity } from '@/lib/openbadges/ob2/identity';
import {
  folder,
  isPrivateHost,
  stubWeb,
} from '@/lib/openbadges/verify/test-support/real-world-web.conformance-support';
import { verifyBadgeFully } from '@/lib/openbadges/verify/verify';
import { makeUser } from '@/test/factories';
import { importBadge } from './import-badge';
import { importedStatus } from './outcome';
import { verifyInputFor } from './source';

/*
 * Every badge of shared/fixtures/real-world-badges imported into a wallet, with the web stubbed as
 * in the verifier's real-world suite: each is added or refused with a reason, never a crash. The
 * outcome follows the verifier: a failed check refuses with it (except a genuine badge whose only
 * failure is its expiry: that is kept as expired); otherwise a badge sent to an email address waits
 * for that address, and is added once the account has it.
 */

const now = new Date('2026-12-10T00:00:00Z');
/** Genuine credentials past their expiry date and sound otherwise: in the wallet, marked expired. */
const KEPT_AS_EXPIRED = new Set([
  'ob3-json/dcc-v2-ed2020-expired.json',
  'ob3-jwt/spruce-jff-plugfest2-repaired.jwt',
  'ob3-jwt/waltid-issued-jff-plugfest3.jwt',
  'ob3-jwt/waltid-noncompliant-vcdm11.jwt',
]);
const DIRS = ['ob2-baked-png', 'ob2-baked-svg', 'ob2-json', 'ob3-baked', 'ob3-json', 'ob3-jwt', 'clr'];
const files = DIRS.flatMap((dir) => readdirSync(folder(dir)).map((name) => `${dir}/${name}`));

describe('importing the real-world badges', () => {
  it('reads the whole corpus', () => {
    expect(files).toHaveLength(65);
  });

  it.each(files)('%s', async (file) => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const bytes = new Uint8Array(readFileSync(folder(file)));
    const source = { kind: 'file' as const, bytes, fileName: path.basename(file) };
    const web = stubWeb();
    const importNow = () => importBadge(db, { userId: user.id, source, fetch: web.fetch, now });

    const outcome = await importNow();
    const { report, found } = await verifyBadgeFully(verifyInputFor(source), { fetch: stubWeb().fetch, now });

    expect(report.checks.map((check) => check.id)).not.toContain('error');
    for (const url of web.served) expect(isPrivateHost(url)).toBe(false);
    const state = importedStatus(report);
    expect(state === 'expired', 'kept as expired').toBe(KEPT_AS_EXPIRED.has(file));
    if (state === 'invalid') {
      const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.label);
      expect(outcome.status).toBe('refused');
      const message = outcome.status === 'refused' ? outcome.message : '';
      expect(
        failed.some((label) => message.startsWith(label)),
        `${message} names one of ${failed}`,
      ).toBe(true);
      return;
    }
    if (!found.document) {
      expect(outcome).toMatchObject({
        status: 'refused',
        message: expect.stringMatching(/could not reach|No badge/),
      });
      return;
    }
    const plain = found.identities.find(
      (identity) => (identity.type ?? 'email') === 'email' && !identity.hashed,
    );
    const hashed = found.identities.find(
      (identity) => (identity.type ?? 'email') === 'email' && identity.hashed,
    );
    if (!plain && !hashed) {
      expect(outcome).toMatchObject({ status: 'added', state });
      return;
    }
    expect(outcome.status).toBe('needs_address');
    if (!plain) return;
    // The learner adds and verifies that address: the same file is now added, and once only.
    await db
      .insert(userEmails)
      .values({ userId: user.id, email: plain.identity.trim(), verifiedAt: new Date() });
    expect(matchesIdentity(plain, plain.identity)).toBe(true);
    expect(await importNow()).toMatchObject({ status: 'added', state });
    expect((await importNow()).status).toBe('duplicate');
  });
});
