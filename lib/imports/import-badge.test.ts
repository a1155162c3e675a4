import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { importedBadges } from '@/db/schema';
import { revokeAward } from '@/lib/awards/revoke-award';
import { fetcherFor } from '@/lib/badges/verify-award';
import { createSafeFetcher } from '@/lib/net/safe-fetch';
import { unreachableError } from '@/lib/net/types';
import { type AppRoutesServer, startAppRoutesServer } from '@/test/app-routes-server';
import { makeUser } from '@/test/factories';
import { importBadge } from './import-badge';
import type { ImportSource } from './source';
import { type Earned, earned, ob2File, ob3File } from './test-support';

/*
 * Badges Laurel itself issues (Open Badges 2.0 and 3.0, every file form and their URLs), imported
 * into another wallet over real HTTP: APP_URL is a local server answering with the app's routes.
 */

let app: AppRoutesServer;
beforeAll(async () => {
  app = await startAppRoutesServer();
});
afterAll(() => app.close());

const importAs = async (userId: string, source: ImportSource) =>
  importBadge(await getDb(), { userId, source, fetch: fetcherFor(app.appUrl) });

describe('importing a badge Laurel issued', () => {
  const forms: [string, (found: Earned['found']) => Promise<ImportSource>, string][] = [
    [
      'OB 3.0 baked PNG',
      async (f) => ({ kind: 'file', bytes: await ob3File(f, 'png'), fileName: 'b.png' }),
      'Open Badges 3.0 · baked PNG',
    ],
    [
      'OB 3.0 baked SVG',
      async (f) => ({ kind: 'file', bytes: await ob3File(f, 'svg'), fileName: 'b.svg' }),
      'Open Badges 3.0 · baked SVG',
    ],
    [
      'OB 3.0 JSON file',
      async (f) => ({ kind: 'file', bytes: await ob3File(f, 'json') }),
      'Open Badges 3.0 · JSON',
    ],
    [
      'OB 3.0 RS256 JWT',
      async (f) => ({ kind: 'file', bytes: await ob3File(f, 'jwt') }),
      'Open Badges 3.0 · JWT',
    ],
    [
      'OB 3.0 EdDSA JWT pasted',
      async (f) => ({ kind: 'text', text: new TextDecoder().decode(await ob3File(f, 'jwt-eddsa')) }),
      'Open Badges 3.0 · JWT',
    ],
    [
      'OB 3.0 URL',
      async (f) => ({ kind: 'url', url: `${app.appUrl}/ob/v3/credentials/${f.award.id}` }),
      'Open Badges 3.0 · hosted URL',
    ],
    [
      'OB 2.0 baked PNG',
      async (f) => ({ kind: 'file', bytes: await ob2File(f, 'png') }),
      'Open Badges 2.0 · baked PNG',
    ],
    [
      'OB 2.0 baked SVG',
      async (f) => ({ kind: 'file', bytes: await ob2File(f, 'svg') }),
      'Open Badges 2.0 · baked SVG',
    ],
    [
      'OB 2.0 JSON pasted',
      async (f) => ({ kind: 'text', text: new TextDecoder().decode(await ob2File(f, 'json')) }),
      'Open Badges 2.0 · JSON',
    ],
    [
      'OB 2.0 URL',
      async (f) => ({ kind: 'url', url: `${app.appUrl}/ob/v2/assertions/${f.award.id}` }),
      'Open Badges 2.0 · hosted URL',
    ],
  ];

  it.each(forms)('adds the %s, verified, keeping the original bytes', async (_, make, format) => {
    const db = await getDb();
    const { userId, found } = await earned();
    const source = await make(found);

    const outcome = await importAs(userId, source);

    expect(outcome).toMatchObject({ status: 'added', name: 'Linux Fundamentals', state: 'verified' });
    if (outcome.status !== 'added') return;
    const [row] = await db.select().from(importedBadges).where(eq(importedBadges.id, outcome.id));
    expect(row).toMatchObject({
      userId,
      format,
      status: 'verified',
      isPublic: false,
      isRecipientChecked: true,
    });
    expect(row?.issuerName).toBe(found.issuer.name);
    expect(row?.report.checks.find((check) => check.id === 'recipient')?.status).toBe('pass');
    if (source.kind === 'file') expect(Buffer.from(row?.original ?? [])).toEqual(Buffer.from(source.bytes));
    if (source.kind === 'text') expect(new TextDecoder().decode(row?.original)).toBe(source.text.trim());
  });

  it('recognises the same badge in another form as already in the wallet', async () => {
    const { userId, found } = await earned();
    const first = await importAs(userId, { kind: 'file', bytes: await ob3File(found, 'png') });
    const again = await importAs(userId, { kind: 'file', bytes: await ob3File(found, 'jwt') });

    expect(first.status).toBe('added');
    expect(again).toEqual({
      status: 'duplicate',
      id: first.status === 'added' ? first.id : '',
      name: 'Linux Fundamentals',
    });
  });

  it('asks for the address first when the badge was sent to one the account has not verified', async () => {
    const db = await getDb();
    const { found } = await earned();
    const { user: stranger } = await makeUser(db);

    const outcome = await importAs(stranger.id, { kind: 'file', bytes: await ob3File(found, 'json') });
    // OB 2.0 hashes the address: the learner is told it is kept private.
    const hashed = await importAs(stranger.id, { kind: 'file', bytes: await ob2File(found, 'png') });

    expect(outcome).toMatchObject({
      status: 'needs_address',
      message: expect.stringContaining('not a verified address'),
    });
    expect(hashed).toMatchObject({
      status: 'needs_address',
      message: expect.stringContaining('private as a hash'),
    });
    expect(await db.select().from(importedBadges).where(eq(importedBadges.userId, stranger.id))).toEqual([]);
  });

  it('refuses a revoked badge with the reason', async () => {
    const db = await getDb();
    const { userId, found, issued } = await earned();
    const file = await ob3File(found, 'png');
    await revokeAward(db, {
      issuerId: issued.issuer.id,
      awardId: found.award.id,
      reason: 'Awarded by mistake',
    });

    const outcome = await importAs(userId, { kind: 'file', bytes: file });

    expect(outcome).toMatchObject({ status: 'refused', message: expect.stringContaining('Revoked') });
  });

  it.each([
    ['OB 3.0 JSON', (f: Earned['found']) => ob3File(f, 'json')],
    ['OB 2.0 baked PNG', (f: Earned['found']) => ob2File(f, 'png')],
  ])('keeps an expired %s as the record it is', async (_, make) => {
    const db = await getDb();
    const { userId, found } = await earned();
    const expiresAt = found.award.expiresAt ?? new Date(0);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const afterExpiry = new Date(expiresAt.getTime() + 86_400_000);

    const outcome = await importBadge(db, {
      userId,
      source: { kind: 'file', bytes: await make(found) },
      fetch: fetcherFor(app.appUrl),
      now: afterExpiry,
    });

    expect(outcome).toMatchObject({ status: 'added', state: 'expired' });
    const [row] = await db.select().from(importedBadges).where(eq(importedBadges.userId, userId));
    expect(row?.status).toBe('expired');
    expect(row?.expiresAt?.toISOString().slice(0, 10)).toBe(expiresAt.toISOString().slice(0, 10));
    expect(row?.report.checks.filter((check) => check.status === 'fail').map((check) => check.id)).toEqual([
      'expiry',
    ]);
  });

  it('refuses a forged credential: changed after it was signed', async () => {
    const { userId, found } = await earned();
    const credential = JSON.parse(new TextDecoder().decode(await ob3File(found, 'json')));
    credential.credentialSubject.achievement.name = 'Kubernetes Grandmaster';

    const outcome = await importAs(userId, { kind: 'text', text: JSON.stringify(credential) });

    expect(outcome.status).toBe('refused');
    expect(outcome.status === 'refused' && outcome.message).toMatch(/proof|signature/i);
  });

  it('refuses what is not a badge, with a reason and without a crash', async () => {
    const { userId } = await earned();
    for (const source of [
      { kind: 'text', text: 'hello' },
      { kind: 'text', text: '{"a": 1}' },
      { kind: 'file', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) },
      { kind: 'file', bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') },
      { kind: 'url', url: 'not a url' },
    ] satisfies ImportSource[]) {
      const outcome = await importAs(userId, source);
      expect(outcome.status, JSON.stringify(source).slice(0, 80)).toBe('refused');
      expect(outcome.status === 'refused' && outcome.message.length).toBeGreaterThan(10);
    }
  });

  it('keeps a badge whose issuer cannot be reached now as unverified', async () => {
    const db = await getDb();
    const { userId, found } = await earned();
    const file = await ob3File(found, 'json');
    const down = async () => {
      throw unreachableError('the issuer did not answer');
    };

    const outcome = await importBadge(db, { userId, source: { kind: 'file', bytes: file }, fetch: down });

    expect(outcome).toMatchObject({ status: 'added', state: 'unverified' });
    const [row] = await db.select().from(importedBadges).where(eq(importedBadges.userId, userId));
    expect(row?.status).toBe('unverified');
  });
});

describe('what PostgreSQL cannot store', () => {
  it('refuses a badge holding a NUL character with a reason, and keeps a file name without control characters', async () => {
    const db = await getDb();
    const { userId, found } = await earned();
    const down = async () => {
      throw unreachableError('the issuer did not answer');
    };
    // Its issuer's key cannot be fetched now, so it would be kept as unverified.
    const credential = JSON.parse(new TextDecoder().decode(await ob3File(found, 'json')));
    const withNul = JSON.stringify({ ...credential, name: 'Linux\u0000Fundamentals' });

    const refused = await importBadge(db, { userId, source: { kind: 'text', text: withNul }, fetch: down });

    expect(refused).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/a NUL or a broken Unicode/),
    });
    const halfPair = JSON.stringify({ ...credential, name: 'Linux \ud800 Fundamentals' });
    expect(
      await importBadge(db, { userId, source: { kind: 'text', text: halfPair }, fetch: down }),
    ).toMatchObject({
      status: 'refused',
    });
    // The escape written out as text is only text: kept.
    const mentioned = JSON.stringify({
      ...credential,
      id: 'urn:uuid:5c6f7a1e-0000-4000-8000-00000000a0a0',
      name: 'Linux \\u0000 Fundamentals',
    });
    expect(
      await importBadge(db, { userId, source: { kind: 'text', text: mentioned }, fetch: down }),
    ).toMatchObject({
      status: 'added',
    });
    const added = await importBadge(db, {
      userId,
      source: {
        kind: 'file',
        bytes: new TextEncoder().encode(JSON.stringify(credential)),
        fileName: 'my\u0000badge\n.json',
      },
      fetch: down,
    });
    expect(added).toMatchObject({ status: 'added' });
    const rows = await db.select().from(importedBadges).where(eq(importedBadges.userId, userId));
    expect(rows.map((row) => row.fileName)).toContain('mybadge.json');
  });
});

describe('importing from a web address', () => {
  it('never fetches a private or loopback address', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    let hits = 0;
    const local = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const { port } = local.address() as AddressInfo;
    try {
      for (const url of [
        `http://127.0.0.1:${port}/badge.json`,
        `http://localhost:${port}/b`,
        'http://10.0.0.1/b',
        'http://[::1]/b',
      ]) {
        const outcome = await importBadge(db, {
          userId: user.id,
          source: { kind: 'url', url },
          fetch: createSafeFetcher(),
        });
        expect(outcome.status, url).toBe('refused');
      }
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => local.close(resolve));
    }
  });
});
