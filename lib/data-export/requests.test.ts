import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb, rowsOf } from '@/db/client';
import { awards, badgeTemplates, dataExportChunks, dataExports } from '@/db/schema';
import { storeImage } from '@/lib/images/store';
import { acceptedAward } from '@/lib/openbadges/ob3/test-support';
import { runMaintenance } from '@/lib/queue/maintenance';
import { makeUser, testConfig } from '@/test/factories';
import { runJobs } from '@/test/jobs';
import { PAGE_SIZE } from './paging';
import { pruneDataExports } from './prune';
import {
  ALREADY_RUNNING,
  downloadableExport,
  EXPORTS_PER_DAY,
  latestDataExport,
  requestDataExport,
  TOO_MANY_EXPORTS,
} from './requests';
import { runDataExport } from './run';
import { exportBytes, readZip } from './test-support';

/** A user with a ready export, made through the queue's own handler. */
async function readyExport() {
  const db = await getDb();
  const { user } = await makeUser(db);
  const requested = await requestDataExport(db, { userId: user.id });
  expect(requested).toMatchObject({ status: 'queued', isActive: true });
  await runJobs(['export']);
  const view = await latestDataExport(db, user.id);
  if (view?.status !== 'ready') throw new Error(`export is ${view?.status}`);
  return { db, user, view };
}

describe('requesting an export', () => {
  it('runs through the export job: a user with no badges still gets README, profile, index and history', async () => {
    const { db, view } = await readyExport();
    expect(view).toMatchObject({ done: 0, total: 0, isActive: false });
    const files = await readZip(await exportBytes(db, { exportId: view.id, sizeBytes: view.sizeBytes ?? 0 }));
    expect([...files.keys()].sort()).toEqual([
      'README.txt',
      'badges.csv',
      'badges.json',
      'history.json',
      'profile.json',
    ]);
    expect(JSON.parse(files.get('badges.json')?.toString() ?? '')).toEqual([]);
    expect(files.get('badges.csv')?.toString()).toBe(
      'id,source,name,issuer,issued,expires,status,public,files\r\n',
    );
    expect(JSON.parse(files.get('history.json')?.toString() ?? '').badges).toEqual([]);
  });

  it('allows one at a time per user, then at most five a day', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    await requestDataExport(db, { userId: user.id });
    await expect(requestDataExport(db, { userId: user.id })).rejects.toThrow(ALREADY_RUNNING);
    // Another user is not held up by this one.
    const other = await makeUser(db);
    await expect(requestDataExport(db, { userId: other.user.id })).resolves.toMatchObject({
      status: 'queued',
    });

    for (let i = 1; i < EXPORTS_PER_DAY; i++) {
      await db.update(dataExports).set({ status: 'failed' }).where(eq(dataExports.userId, user.id));
      await requestDataExport(db, { userId: user.id });
    }
    await db.update(dataExports).set({ status: 'failed' }).where(eq(dataExports.userId, user.id));
    await expect(requestDataExport(db, { userId: user.id })).rejects.toThrow(TOO_MANY_EXPORTS);
    // A day later the window has moved on.
    await db
      .update(dataExports)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(dataExports.userId, user.id));
    await expect(requestDataExport(db, { userId: user.id })).resolves.toMatchObject({ status: 'queued' });
  });
});

describe('a wallet larger than a page', () => {
  it('lists every badge once, in the files, the index and the history, even with equal issue dates', async () => {
    const db = await getDb();
    const { award } = await acceptedAward(db);
    // 60 more accepted awards issued at the same instant: paging must break the tie by id.
    await db.execute(sql`
      insert into awards (issuer_id, template_id, recipient_email, recipient_name, recipient_salt, user_id, state, issued_at)
      select issuer_id, template_id, recipient_email, recipient_name, recipient_salt, user_id, 'accepted', now()
        from awards, generate_series(1, ${PAGE_SIZE + 10}) where id = ${award.id}`);
    const [owner] = await db.select({ userId: awards.userId }).from(awards).where(eq(awards.id, award.id));
    const userId = owner?.userId ?? '';
    await requestDataExport(db, { userId });
    await runJobs(['export']);
    const view = await latestDataExport(db, userId);
    expect(view).toMatchObject({ status: 'ready', done: PAGE_SIZE + 11, total: PAGE_SIZE + 11 });
    const files = await readZip(
      await exportBytes(db, { exportId: view?.id ?? '', sizeBytes: view?.sizeBytes ?? 0 }),
    );
    const ids = (await db.select({ id: awards.id }).from(awards).where(eq(awards.userId, userId))).map(
      (a) => a.id,
    );
    const index = JSON.parse(files.get('badges.json')?.toString() ?? '') as { id: string }[];
    expect(index.map((row) => row.id).sort()).toEqual(ids.sort());
    const history = JSON.parse(files.get('history.json')?.toString() ?? '') as { badges: { id: string }[] };
    expect(history.badges.map((b) => b.id).sort()).toEqual(ids.sort());
    expect([...files.keys()].filter((name) => name.endsWith('/badge.png'))).toHaveLength(ids.length);
  });
});

/** The user's accepted award whose template image is not an image (stored past the upload checks). */
async function awardWithBrokenImage(db: Db) {
  const { award } = await acceptedAward(db);
  const broken = await storeImage(db, {
    contentType: 'image/jpeg',
    bytes: new TextEncoder().encode('not an image'),
  });
  await db
    .update(badgeTemplates)
    .set({ imageId: broken, pngImageId: null })
    .where(eq(badgeTemplates.id, award.templateId));
  const [owner] = await db.select({ userId: awards.userId }).from(awards).where(eq(awards.id, award.id));
  return { award, userId: owner?.userId ?? '' };
}

describe('a badge whose image cannot be drawn', () => {
  it('still goes in with its records, without the PNG; the export is not lost over it', async () => {
    const db = await getDb();
    const { award, userId } = await awardWithBrokenImage(db);
    await requestDataExport(db, { userId });
    await runJobs(['export']);
    const view = await latestDataExport(db, userId);
    expect(view).toMatchObject({ status: 'ready', done: 1, total: 1 });

    const files = await readZip(
      await exportBytes(db, { exportId: view?.id ?? '', sizeBytes: view?.sizeBytes ?? 0 }),
    );
    const [row] = JSON.parse(files.get('badges.json')?.toString() ?? '') as { id: string; files: string[] }[];
    expect(row?.id).toBe(award.id);
    expect(row?.files.some((name) => name.endsWith('/ob2-assertion.json'))).toBe(true);
    expect(row?.files.some((name) => name.endsWith('.png'))).toBe(false);
    for (const name of row?.files ?? []) expect(files.has(name), name).toBe(true);
    expect([...files.keys()].some((name) => name.endsWith('.png'))).toBe(false);
  });
});

describe('a failing export', () => {
  it('goes back to the queue, and on its last attempt fails with words for its owner and no chunks left', async () => {
    const real = await getDb();
    const { award } = await acceptedAward(real);
    const [owner] = await real.select({ userId: awards.userId }).from(awards).where(eq(awards.id, award.id));
    const userId = owner?.userId ?? '';
    const { id: exportId } = await requestDataExport(real, { userId });
    // The database refuses the zip's chunks (a full disk, say).
    const db = new Proxy(real, {
      get(target, property, receiver) {
        if (property === 'insert') {
          return () => ({
            values: async () => {
              throw new Error('could not extend file: No space left on device');
            },
          });
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const attempt = (isLastAttempt: boolean) =>
      runDataExport({ db, config: testConfig, exportId, isLastAttempt });

    await expect(attempt(false)).rejects.toThrow();
    expect(await latestDataExport(real, userId)).toMatchObject({ status: 'queued', isActive: true });
    await expect(attempt(true)).resolves.toEqual({ written: false });
    expect(await latestDataExport(real, userId)).toMatchObject({
      status: 'failed',
      isActive: false,
      lastError: 'Something went wrong while making your file.',
    });
    expect(
      await real.select().from(dataExportChunks).where(eq(dataExportChunks.exportId, exportId)),
    ).toHaveLength(0);
    await expect(requestDataExport(real, { userId })).resolves.toMatchObject({ status: 'queued' });
  });
});

describe('an export whose worker stops', () => {
  it('is given back to the queue with a job of its own, even on its last attempt, and the next worker makes it', async () => {
    const db = await getDb();
    const { award } = await acceptedAward(db);
    const [owner] = await db.select({ userId: awards.userId }).from(awards).where(eq(awards.id, award.id));
    const userId = owner?.userId ?? '';
    const { id: exportId } = await requestDataExport(db, { userId });
    const jobsOf = async () =>
      rowsOf<{ state: string }>(
        await db.execute(
          sql`select state::text from pgboss.job where name = 'export' and data->>'exportId' = ${exportId}`,
        ),
      ).map((job) => job.state);
    expect(await jobsOf()).toEqual(['created']);
    const stopping = new AbortController();
    stopping.abort(new Error('the worker is stopping'));

    // The job ends normally: none of the queue's attempts is used up.
    await expect(
      runDataExport({ db, config: testConfig, exportId, isLastAttempt: true, signal: stopping.signal }),
    ).resolves.toEqual({ written: false });

    expect(await latestDataExport(db, userId)).toMatchObject({ status: 'queued', isActive: true });
    expect(
      await db.select().from(dataExportChunks).where(eq(dataExportChunks.exportId, exportId)),
    ).toHaveLength(0);
    expect(await jobsOf()).toEqual(['created', 'created']);
    await runJobs(['export']);
    expect(await latestDataExport(db, userId)).toMatchObject({ status: 'ready' });
  });
});

describe('an export taken over from an attempt that went silent', () => {
  it('is not touched by that attempt when it wakes up and fails', async () => {
    const real = await getDb();
    const { award } = await acceptedAward(real);
    const [owner] = await real.select({ userId: awards.userId }).from(awards).where(eq(awards.id, award.id));
    const userId = owner?.userId ?? '';
    const { id: exportId } = await requestDataExport(real, { userId });
    // The first attempt stalls on its first chunk write, then fails.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let isStalled = false;
    const stalling = new Proxy(real, {
      get(target, property, receiver) {
        if (property !== 'insert') return Reflect.get(target, property, receiver);
        return (table: typeof dataExportChunks) => {
          if (table !== dataExportChunks || isStalled) return target.insert(table);
          isStalled = true;
          return {
            values: async () => {
              await gate;
              throw new Error('the connection was lost');
            },
          };
        };
      },
    });
    const first = runDataExport({ db: stalling, config: testConfig, exportId, isLastAttempt: true }).catch(
      (error: unknown) => error,
    );
    await expect.poll(() => isStalled).toBe(true);
    // Silent for longer than the takeover limit: the next attempt makes the file.
    await real
      .update(dataExports)
      .set({ heartbeatAt: sql`now() - interval '1 hour'` })
      .where(eq(dataExports.id, exportId));
    await expect(
      runDataExport({ db: real, config: testConfig, exportId, isLastAttempt: false }),
    ).resolves.toMatchObject({ written: true });

    release();
    await first;

    const view = await latestDataExport(real, userId);
    expect(view).toMatchObject({ status: 'ready' });
    const files = await readZip(await exportBytes(real, { exportId, sizeBytes: view?.sizeBytes ?? 0 }));
    expect(files.has('README.txt')).toBe(true);
  });
});

describe('who may download', () => {
  it('only the owner, only while ready: anyone else, a made-up or malformed id gets nothing', async () => {
    const { db, user, view } = await readyExport();
    const stranger = await makeUser(db);
    expect(await downloadableExport(db, { userId: user.id, exportId: view.id })).toMatchObject({
      id: view.id,
    });
    expect(await downloadableExport(db, { userId: stranger.user.id, exportId: view.id })).toBeNull();
    expect(await latestDataExport(db, stranger.user.id)).toBeNull();
    expect(
      await downloadableExport(db, { userId: user.id, exportId: '00000000-0000-4000-8000-000000000000' }),
    ).toBeNull();
    expect(await downloadableExport(db, { userId: user.id, exportId: `${view.id}' or 1=1 --` })).toBeNull();
  });

  it('not after it expires: the upkeep deletes the zip and the page says expired', async () => {
    const { db, user, view } = await readyExport();
    await db
      .update(dataExports)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(dataExports.id, view.id));
    expect(await downloadableExport(db, { userId: user.id, exportId: view.id })).toBeNull();
    expect((await latestDataExport(db, user.id))?.status).toBe('expired');

    const { dataExports: pruned } = await runMaintenance(db);
    expect(pruned.expired).toBeGreaterThanOrEqual(1);
    const chunks = await db.select().from(dataExportChunks).where(eq(dataExportChunks.exportId, view.id));
    expect(chunks).toHaveLength(0);
    const [row] = await db.select().from(dataExports).where(eq(dataExports.id, view.id));
    expect(row?.status).toBe('expired');
  });

  it('a newer ready file replaces the older one', async () => {
    const { db, user, view: first } = await readyExport();
    await requestDataExport(db, { userId: user.id });
    await runJobs(['export']);
    const second = await latestDataExport(db, user.id);
    expect(second?.status).toBe('ready');
    expect(second?.id).not.toBe(first.id);
    expect(await downloadableExport(db, { userId: user.id, exportId: first.id })).toBeNull();
    expect(
      await db.select().from(dataExportChunks).where(eq(dataExportChunks.exportId, first.id)),
    ).toHaveLength(0);
  });

  it('an export whose job was lost is failed by the upkeep, so its owner can try again', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const requested = await requestDataExport(db, { userId: user.id });
    await db.execute(
      sql`delete from pgboss.job where name = 'export' and data->>'exportId' = ${requested.id}`,
    );
    await db
      .update(dataExports)
      .set({ status: 'running', heartbeatAt: sql`now() - interval '1 hour'` })
      .where(eq(dataExports.id, requested.id));
    expect((await pruneDataExports(db)).lost).toBeGreaterThanOrEqual(1);
    expect(await latestDataExport(db, user.id)).toMatchObject({ status: 'failed', isActive: false });
    await expect(requestDataExport(db, { userId: user.id })).resolves.toMatchObject({ status: 'queued' });
  });
});
