import { createHash } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { parse as parseCsv } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as hostedAssertion } from '@/app/ob/v2/assertions/[id]/route';
import { getDb } from '@/db/client';
import { awards, dataExports, outbox, users } from '@/db/schema';
import { revokeAward } from '@/lib/awards/revoke-award';
import { getConfig } from '@/lib/config';
import { storeImage } from '@/lib/images/store';
import { independentItxtChunks } from '@/lib/openbadges/bake/test-credentials';
import { acceptedAward, servedDocuments, statusNamed } from '@/lib/openbadges/ob3/test-support';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import { makeIssuer } from '@/test/factories';
import { requestDataExport } from './requests';
import { runDataExport } from './run';
import type { IndexRow } from './sources';
import { exportBytes, readZip } from './test-support';

type Json = Record<string, unknown>;
type Documents = Map<string, unknown>;

/**
 * A learner with four accepted badges from two issuers (one private, one revoked) and a photo,
 * exported through the real job handler; the zip read back with yauzl, file by file.
 */
async function exportedWallet() {
  const db = await getDb();
  const academy = await makeIssuer(db, { validityDays: 365 });
  const labs = await makeIssuer(db);
  const first = await acceptedAward(db, academy);
  const [user] = await db
    .select()
    .from(users)
    .where(sql`${users.id} = (select user_id from awards where id = ${first.award.id})`);
  if (!user) throw new Error('no user');
  // The same learner accepts three more, under the same address (acceptedAward makes a user per award).
  const more = [];
  for (const [issued, isPublic] of [
    [academy, false],
    [labs, true],
    [labs, true],
  ] as const) {
    const { award } = await acceptedAward(db, issued, { isPublic });
    await db.execute(sql`update awards set user_id = ${user.id} where id = ${award.id}`);
    more.push(award);
  }
  const revoked = more[2];
  if (!revoked) throw new Error('no award');
  await revokeAward(db, { issuerId: labs.issuer.id, awardId: revoked.id, reason: 'Issued in error' });
  const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer();
  const photoImageId = await storeImage(db, { contentType: 'image/png', bytes: photo });
  await db
    .update(users)
    .set({ photoImageId, handle: `learner-${user.id.slice(0, 6)}` })
    .where(eq(users.id, user.id));

  const requested = await requestDataExport(db, { userId: user.id });
  const result = await runDataExport({
    db,
    config: { appUrl: getConfig().appUrl, isDemoMode: false },
    exportId: requested.id,
    isLastAttempt: false,
  });
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, requested.id));
  if (!row?.sizeBytes) throw new Error('export not ready');
  const files = await readZip(await exportBytes(db, { exportId: row.id, sizeBytes: row.sizeBytes }));
  const documents = new Map([
    ...(await servedDocuments(db, academy)).documents,
    ...(await servedDocuments(db, labs)).documents,
  ]);
  return { db, user, row, result, files, documents, revokedId: revoked.id, privateId: more[0]?.id, photo };
}

function verifyDataIntegrity(credential: Json, documents: Documents) {
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: documentLoader(documents),
    checkStatus: statusNamed,
  });
}

/** jose with the `kid`'s key from the issuer's DID documents (RS256: a JWK; EdDSA: a Multikey). */
async function verifyJwt(jwt: string, documents: Documents) {
  const { kid, alg } = decodeProtectedHeader(jwt);
  const method = documents.get(String(kid)) as
    | { publicKeyJwk?: Json; publicKeyMultibase?: string }
    | undefined;
  const jwk = method?.publicKeyMultibase
    ? await Ed25519Multikey.toJwk({
        keyPair: await Ed25519Multikey.from({ publicKeyMultibase: method.publicKeyMultibase }),
      })
    : method?.publicKeyJwk;
  if (!jwk) throw new Error(`no key for ${kid}`);
  return jwtVerify(jwt, await importJWK(jwk, alg), { algorithms: [String(alg)] });
}

const text = (files: Map<string, Buffer>, name: string) => {
  const file = files.get(name);
  if (!file) throw new Error(`${name} is not in the zip`);
  return file.toString('utf8');
};

let exported: Awaited<ReturnType<typeof exportedWallet>>;
beforeAll(async () => {
  exported = await exportedWallet();
});

describe('a data export', () => {
  it('is ready with its size and a week to download it, and the owner is emailed a link to Settings', async () => {
    const { row, db, user } = exported;
    expect(row).toMatchObject({ status: 'ready', done: 4, total: 4, lastError: null });
    expect(row.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
    const [mail] = await db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(
        sql`${outbox.payload}->>'subject' = 'Your Laurel data is ready' and ${outbox.payload}->>'to' in (select email from user_emails where user_id = ${user.id})`,
      );
    expect(mail?.payload.text).toContain(`${getConfig().appUrl}/settings#download-your-data`);
    expect(mail?.payload.text).not.toContain(row.id);
  });

  it('holds the README, profile, photo, index, history and each badge’s files, and nothing else', () => {
    const { files } = exported;
    const index = JSON.parse(text(files, 'badges.json')) as IndexRow[];
    expect(index).toHaveLength(4);
    const listed = index.flatMap((row) => row.files);
    expect([...files.keys()].sort()).toEqual(
      [
        'README.txt',
        'profile.json',
        'profile-photo.png',
        'badges.csv',
        'badges.json',
        'history.json',
        ...listed,
      ].sort(),
    );
    expect(text(files, 'README.txt')).toContain('ob3-credential-rs256.jwt');
    expect(files.get('profile-photo.png')?.equals(exported.photo)).toBe(true);
    const profile = JSON.parse(text(files, 'profile.json'));
    expect(profile).toMatchObject({
      name: 'Test Learner',
      photo: 'profile-photo.png',
      isProfilePublic: false,
    });
  });

  it('indexes every badge in badges.csv and badges.json alike, with status, visibility and files', () => {
    const { files, revokedId, privateId } = exported;
    const index = JSON.parse(text(files, 'badges.json')) as IndexRow[];
    const csv = parseCsv(text(files, 'badges.csv'), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => r.id)).toEqual(index.map((r) => r.id));
    for (const [i, row] of index.entries()) {
      expect(csv[i]).toMatchObject({
        name: row.name,
        issuer: row.issuer,
        status: row.status,
        public: row.isPublic ? 'yes' : 'no',
        files: row.files.join(' '),
      });
    }
    const revoked = index.find((r) => r.id === revokedId);
    expect(revoked?.status).toBe('revoked');
    expect(revoked?.files.map((f) => f.split('/').pop())).toEqual([
      'ob2-assertion.json',
      'ob3-credential.json',
    ]);
    expect(index.find((r) => r.id === privateId)?.isPublic).toBe(false);
    expect(index.filter((r) => r.status === 'valid')).toHaveLength(3);
  });

  it('bakes each PNG with its OB 3.0 credential, which Digital Bazaar’s verifier verifies', async () => {
    const { files, documents, revokedId } = exported;
    const index = JSON.parse(text(files, 'badges.json')) as IndexRow[];
    const pngs = index.flatMap((row) => row.files.filter((f) => f.endsWith('.png')));
    expect(pngs).toHaveLength(3);
    for (const name of pngs) {
      const chunks = independentItxtChunks(new Uint8Array(files.get(name) ?? []));
      expect(chunks.map((c) => c.keyword)).toEqual(['openbadgecredential']);
      const credential = JSON.parse(chunks[0]?.text ?? '') as Json;
      const result = await verifyDataIntegrity(credential, documents);
      expect(result.verified, `${name}: ${JSON.stringify(result.error ?? '')}`).toBe(true);
      expect(JSON.parse(text(files, name.replace('badge.png', 'ob3-credential.json')))).toEqual(credential);
    }
    expect(pngs.some((name) => name.includes(revokedId.slice(0, 8)))).toBe(false);
  });

  it('has both VC-JWTs of each valid badge, each verifying against the issuer’s DID keys', async () => {
    const { files, documents } = exported;
    const jwts = [...files.keys()].filter((name) => name.endsWith('.jwt'));
    expect(jwts).toHaveLength(6);
    for (const name of jwts) {
      const token = text(files, name);
      expect(decodeProtectedHeader(token).alg).toBe(name.endsWith('-eddsa.jwt') ? 'EdDSA' : 'RS256');
      const { payload } = await verifyJwt(token, documents);
      const credential = JSON.parse(text(files, name.replace(/-(rs256|eddsa)\.jwt$/, '.json'))) as Json;
      expect(payload.jti).toBe(credential.id);
    }
  });

  it('has each OB 2.0 assertion as Laurel hosts it, its recipient hash matching the learner’s address', async () => {
    const { files, user, db, revokedId, privateId } = exported;
    const index = JSON.parse(text(files, 'badges.json')) as IndexRow[];
    for (const row of index) {
      const [award] = await db
        .select({ email: awards.recipientEmail, userId: awards.userId })
        .from(awards)
        .where(eq(awards.id, row.id));
      expect(award?.userId).toBe(user.id);
      const assertion = JSON.parse(
        text(files, row.files.find((f) => f.endsWith('ob2-assertion.json')) ?? ''),
      ) as Json & {
        recipient: { identity: string; salt: string };
      };
      const expected = `sha256$${createHash('sha256').update(`${award?.email}${assertion.recipient.salt}`).digest('hex')}`;
      expect(assertion.recipient.identity).toBe(expected);
      if (row.id === privateId) continue;
      const hosted = await hostedAssertion(new Request(String(assertion.id)), {
        params: Promise.resolve({ id: row.id }),
      });
      if (row.id === revokedId) {
        expect(hosted.status).toBe(410);
        expect(assertion).toMatchObject({ revoked: true, revocationReason: 'Issued in error' });
      } else {
        expect(hosted.status).toBe(200);
        expect(await hosted.json()).toEqual(assertion);
      }
    }
  });

  it('writes the account history: addresses, sessions and each badge’s steps', () => {
    const history = JSON.parse(text(exported.files, 'history.json'));
    expect(history.account.createdAt).toBeTruthy();
    expect(history.addresses).toHaveLength(1);
    expect(Array.isArray(history.sessions)).toBe(true);
    expect(history.badges).toHaveLength(4);
    expect(history.imported).toEqual([]);
    const revoked = history.badges.find((b: { id: string }) => b.id === exported.revokedId);
    expect(revoked.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['created', 'accepted', 'revoked']),
    );
  });
});
