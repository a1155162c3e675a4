import { randomBytes } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { dataExports, importedBadges } from '@/db/schema';
import { fetcherFor } from '@/lib/badges/verify-award';
import { getConfig } from '@/lib/config';
import { importBadge } from '@/lib/imports/import-badge';
import { earned, ob2File, ob3File } from '@/lib/imports/test-support';
import type { VerificationReport } from '@/lib/openbadges/verify/types';
import { type AppRoutesServer, startAppRoutesServer } from '@/test/app-routes-server';
import { makeUser } from '@/test/factories';
import { PAGE_SIZE } from './paging';
import { requestDataExport } from './requests';
import { runDataExport } from './run';
import type { IndexRow } from './sources';
import { exportBytes, readZip } from './test-support';

type Imported = typeof importedBadges.$inferInsert;

const report = { verdict: 'verified', checks: [] } as unknown as VerificationReport;

/** An imported badge row as lib/imports stores one: the original bytes and what it says. */
const importedRow = (userId: string, row: Partial<Imported> & Pick<Imported, 'original' | 'mediaType'>) => ({
  userId,
  format: 'Open Badges 3.0 · test',
  credential: {},
  badgeName: 'Imported badge',
  issuerName: 'Elsewhere Academy',
  isRecipientChecked: true,
  status: 'verified' as const,
  report,
  verifiedAt: new Date(),
  dedupeKey: randomBytes(12).toString('hex'),
  ...row,
});

/** Bytes that are not text: every byte value, then noise, behind the format's own signature. */
const binary = (signature: number[]) =>
  Buffer.concat([Buffer.from(signature), Buffer.from([...Array(256).keys()]), randomBytes(64)]);

async function exportOf(db: Db, userId: string) {
  const requested = await requestDataExport(db, { userId });
  await runDataExport({
    db,
    config: { appUrl: getConfig().appUrl, isDemoMode: false },
    exportId: requested.id,
    isLastAttempt: false,
  });
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, requested.id));
  if (!row?.sizeBytes) throw new Error('export not ready');
  return { row, files: await readZip(await exportBytes(db, { exportId: row.id, sizeBytes: row.sizeBytes })) };
}

/** Through the real import over HTTP (APP_URL is a local server with the app's routes). */
async function imported(db: Db, userId: string, bytes: Uint8Array, fetch: ReturnType<typeof fetcherFor>) {
  const outcome = await importBadge(db, { userId, source: { kind: 'file', bytes }, fetch });
  if (outcome.status !== 'added') throw new Error(`not added: ${JSON.stringify(outcome)}`);
  const [row] = await db.select().from(importedBadges).where(eq(importedBadges.id, outcome.id));
  if (!row) throw new Error('not stored');
  return row;
}

/**
 * A learner with one Laurel badge and, imported from elsewhere: that badge's own baked PNG (OB 3.0)
 * and SVG (OB 2.0) through the real import, then (stored directly) a PNG, an SVG, a JWT, a file of another
 * type and more JSON badges than a page holds (all added in one statement, so they share their date
 * and the paging must go by id); another learner's imported badge beside them.
 */
async function exportedWithImports(app: AppRoutesServer) {
  const db = await getDb();
  const mine = await earned();
  const { award, found } = mine;
  const user = { id: mine.userId };
  const fetch = fetcherFor(app.appUrl);
  const realPng = await ob3File(found, 'png');
  const realSvg = await ob2File(found, 'svg');
  const real = {
    png: await imported(db, user.id, realPng, fetch),
    svg: await imported(db, user.id, realSvg, fetch),
  };
  const originals = {
    png: binary([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><!-- Zoë\r\n --></svg>\n'),
    jwt: Buffer.from(`eyJhbGciOiJFZERTQSJ9.${randomBytes(40).toString('base64url')}.c2ln`),
    txt: binary([]),
  };
  const [png, svg, jwt, txt] = await db
    .insert(importedBadges)
    .values([
      importedRow(user.id, {
        original: originals.png,
        mediaType: 'image/png',
        badgeName: 'Robotics: Level 2',
        issuerName: 'Zoë & Co',
        issuedAt: new Date('2025-03-04T05:06:07Z'),
        isPublic: true,
      }),
      importedRow(user.id, { original: originals.svg, mediaType: 'image/svg+xml', status: 'unverified' }),
      importedRow(user.id, { original: originals.jwt, mediaType: 'application/jwt', status: 'invalid' }),
      importedRow(user.id, { original: originals.txt, mediaType: 'application/octet-stream' }),
    ])
    .returning();
  if (!png || !svg || !jwt || !txt) throw new Error('not inserted');
  const many = Array.from({ length: PAGE_SIZE }, (_, i) =>
    importedRow(user.id, { original: Buffer.from(`{"n":${i}}`), mediaType: 'application/json' }),
  );
  const json = await db.insert(importedBadges).values(many).returning({ id: importedBadges.id });

  const other = await makeUser(db);
  const [theirs] = await db
    .insert(importedBadges)
    .values(importedRow(other.user.id, { original: binary([0x89, 0x50]), mediaType: 'image/png' }))
    .returning();

  const { row, files } = await exportOf(db, user.id);
  return {
    db,
    user,
    award,
    row,
    files,
    originals,
    real,
    realBytes: { png: realPng, svg: realSvg },
    mine: { png, svg, jwt, txt },
    json,
    theirs,
  };
}

const indexOf = (files: Map<string, Buffer>) =>
  JSON.parse(files.get('badges.json')?.toString('utf8') ?? '[]') as IndexRow[];

let app: AppRoutesServer;
let exported: Awaited<ReturnType<typeof exportedWithImports>>;
beforeAll(async () => {
  app = await startAppRoutesServer();
  exported = await exportedWithImports(app);
});
afterAll(() => app.close());

describe('imported badges in a data export', () => {
  it('count toward the progress bar with the Laurel badges', () => {
    const total = 1 + 2 + 4 + PAGE_SIZE;
    expect(exported.row).toMatchObject({ status: 'ready', done: total, total });
  });

  it('hold the originals of badges imported through the real import, byte for byte', () => {
    const { files, real, realBytes } = exported;
    expect(real.png).toMatchObject({ status: 'verified', mediaType: 'image/png' });
    expect(real.svg).toMatchObject({ status: 'verified', mediaType: 'image/svg+xml' });
    const index = indexOf(files);
    for (const [badge, bytes] of [
      [real.png, realBytes.png],
      [real.svg, realBytes.svg],
    ] as const) {
      const [name, ...others] = index.find((row) => row.id === badge.id)?.files ?? [];
      expect(others).toEqual([]);
      expect(name).toMatch(
        new RegExp(
          `^imported/[a-z0-9-]+-${badge.id.slice(0, 8)}\\.${badge.mediaType === 'image/png' ? 'png' : 'svg'}$`,
        ),
      );
      expect(Buffer.from(bytes).equals(files.get(name ?? '') ?? Buffer.alloc(0))).toBe(true);
    }
  });

  it('are each in imported/ byte for byte as uploaded, named by badge, issuer, id and media type', () => {
    const { files, originals, mine } = exported;
    const id8 = (id: string) => id.slice(0, 8);
    const expected = {
      [`imported/robotics-level-2-zoe-co-${id8(mine.png.id)}.png`]: originals.png,
      [`imported/imported-badge-elsewhere-academy-${id8(mine.svg.id)}.svg`]: originals.svg,
      [`imported/imported-badge-elsewhere-academy-${id8(mine.jwt.id)}.jwt`]: originals.jwt,
      [`imported/imported-badge-elsewhere-academy-${id8(mine.txt.id)}.txt`]: originals.txt,
    };
    for (const [name, bytes] of Object.entries(expected)) {
      const file = files.get(name);
      expect(file, `${name} is not in the zip`).toBeDefined();
      expect(Buffer.compare(file ?? Buffer.alloc(0), bytes), name).toBe(0);
    }
  });

  it('are listed in badges.json and badges.csv with source "imported", their status and exactly their files', () => {
    const { files, mine, json, award } = exported;
    const index = indexOf(files);
    const imported = index.filter((row) => row.source === 'imported');
    expect(index.filter((row) => row.source === 'laurel').map((row) => row.id)).toEqual([award.id]);
    expect(imported.map((row) => row.id).sort()).toEqual(
      [
        exported.real.png.id,
        exported.real.svg.id,
        mine.png.id,
        mine.svg.id,
        mine.jwt.id,
        mine.txt.id,
        ...json.map((row) => row.id),
      ].sort(),
    );
    for (const row of imported) expect(row.files).toHaveLength(1);
    const listed = index.flatMap((row) => row.files);
    expect(new Set(listed).size).toBe(listed.length);
    const inZip = [...files.keys()].filter((name) => name.startsWith('imported/'));
    expect(inZip.sort()).toEqual(imported.flatMap((row) => row.files).sort());

    expect(imported.find((row) => row.id === mine.png.id)).toMatchObject({
      name: 'Robotics: Level 2',
      issuer: 'Zoë & Co',
      issued: '2025-03-04T05:06:07.000Z',
      expires: null,
      status: 'verified',
      isPublic: true,
    });
    expect(imported.find((row) => row.id === mine.svg.id)).toMatchObject({
      status: 'unverified',
      issued: null,
    });
    expect(imported.find((row) => row.id === mine.jwt.id)).toMatchObject({
      status: 'invalid',
      isPublic: false,
    });

    const csv = parseCsv(files.get('badges.csv')?.toString('utf8') ?? '', { columns: true }) as Record<
      string,
      string
    >[];
    expect(csv.map((line) => line.id)).toEqual(index.map((row) => row.id));
    expect(csv.find((line) => line.id === mine.svg.id)).toMatchObject({
      source: 'imported',
      issued: '',
      status: 'unverified',
      public: 'no',
      files: imported.find((row) => row.id === mine.svg.id)?.files[0],
    });
  });

  it('are in history.json: when each was added and last verified, with its status, and no one else’s', () => {
    const { files, mine, json, real, theirs } = exported;
    const history = JSON.parse(files.get('history.json')?.toString('utf8') ?? '{}') as {
      imported: { id: string; name: string; importedAt: string; lastVerifiedAt: string; status: string }[];
    };
    const ids = [
      real.png.id,
      real.svg.id,
      mine.png.id,
      mine.svg.id,
      mine.jwt.id,
      mine.txt.id,
      ...json.map((r) => r.id),
    ];
    expect(history.imported.map((entry) => entry.id).sort()).toEqual(ids.sort());
    expect(history.imported.some((entry) => entry.id === theirs?.id)).toBe(false);
    expect(history.imported.find((entry) => entry.id === mine.svg.id)).toEqual({
      id: mine.svg.id,
      name: 'Imported badge',
      issuer: 'Elsewhere Academy',
      importedAt: mine.svg.createdAt.toISOString(),
      lastVerifiedAt: mine.svg.verifiedAt.toISOString(),
      status: 'unverified',
      isPublic: false,
    });
  });

  it("leaves out another learner's imported badges", () => {
    const { files, theirs } = exported;
    expect(indexOf(files).some((row) => row.id === theirs?.id)).toBe(false);
    expect([...files.keys()].some((name) => theirs && name.includes(theirs.id.slice(0, 8)))).toBe(false);
  });

  it('says in the README what imported/ holds', () => {
    expect(exported.files.get('README.txt')?.toString('utf8')).toContain('imported/<badge>-<id>.<ext>');
  });
});
