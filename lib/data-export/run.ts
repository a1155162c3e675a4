import 'server-only';
import { and, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { createElement } from 'react';
import type { Db } from '@/db/client';
import { dataExportChunks, dataExports, users } from '@/db/schema';
import { primaryEmail } from '@/lib/accounts/credentials';
import type { Config } from '@/lib/config';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderEmail } from '@/lib/email/render';
import { DataExportReadyEmail } from '@/lib/email/templates/data-export-ready-email';
import { formatDate } from '@/lib/format';
import { log } from '@/lib/log';
import { enqueueJobs } from '@/lib/queue/enqueue';
import { writeHistory, writeProfile } from './account-files';
import { formatBytes } from './format-bytes';
import { writeIndexFiles } from './index-files';
import { readmeText } from './readme';
import { BADGE_SOURCES, type ExportContext } from './sources';
import { ExportTooLarge, ZipSink } from './zip-sink';

/** How long a finished zip can be downloaded. */
export const EXPORT_TTL_DAYS = 7;
/** A running export whose worker has not written for this long is taken over by the next attempt. */
const STALE_SECONDS = 300;
/** Progress is saved at most this often (and after the last badge). */
const PROGRESS_EVERY_MS = 500;

type RunOptions = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'isDemoMode'>;
  exportId: string;
  isLastAttempt: boolean;
  /** Aborted when the worker stops: the export goes back to queued for another worker, at once. */
  signal?: AbortSignal;
};

type Claimed = { id: string; userId: string; attempts: number };

/** Takes a queued export, or a running one whose worker stopped; null when another worker has it or it is done. */
async function claim(db: Db, exportId: string): Promise<Claimed | null> {
  const [row] = await db
    .update(dataExports)
    .set({ status: 'running', done: 0, heartbeatAt: sql`now()`, attempts: sql`${dataExports.attempts} + 1` })
    .where(
      and(
        eq(dataExports.id, exportId),
        or(
          eq(dataExports.status, 'queued'),
          and(
            eq(dataExports.status, 'running'),
            lt(dataExports.heartbeatAt, sql`now() - make_interval(secs => ${STALE_SECONDS})`),
          ),
        ),
      ),
    )
    .returning({ id: dataExports.id, userId: dataExports.userId, attempts: dataExports.attempts });
  return row ?? null;
}

/**
 * The export as this attempt claimed it: still running and not taken over since (an attempt
 * silent for STALE_SECONDS is, and when it wakes up it must change nothing).
 */
function heldBy(claimed: Pick<Claimed, 'id' | 'attempts'>) {
  return and(
    eq(dataExports.id, claimed.id),
    eq(dataExports.status, 'running'),
    eq(dataExports.attempts, claimed.attempts),
  );
}

/**
 * Builds one export (the `export` job): README, profile, every badge of every source (progress
 * saved as they go), the index, the history, each written into the zip's chunk rows as it is made.
 * An attempt starts over from nothing; a failed one goes back to queued for the queue's retry, the
 * last one is marked failed with a reason the owner can read.
 */
export async function runDataExport({ db, config, exportId, isLastAttempt, signal }: RunOptions) {
  const claimed = await claim(db, exportId);
  if (!claimed) return { written: false };
  await db.delete(dataExportChunks).where(eq(dataExportChunks.exportId, exportId));
  try {
    const size = await writeZip(db, { claimed, appUrl: config.appUrl, signal });
    await finish(db, { config, claimed, size });
    return { written: true, size };
  } catch (error) {
    if (signal?.aborted) {
      await giveBack(db, claimed);
      return { written: false };
    }
    const isFinal = isLastAttempt || error instanceof ExportTooLarge;
    log.error({ err: error, exportId, isFinal }, 'data export failed');
    const reason =
      error instanceof ExportTooLarge ? error.message : 'Something went wrong while making your file.';
    const [settled] = await db
      .update(dataExports)
      .set(
        isFinal
          ? { status: 'failed', lastError: reason, finishedAt: sql`now()`, heartbeatAt: null }
          : { status: 'queued', heartbeatAt: null },
      )
      .where(heldBy(claimed))
      .returning({ id: dataExports.id });
    // Its chunks go only while it is still this attempt's: a later one may be writing its own.
    if (settled) await db.delete(dataExportChunks).where(eq(dataExportChunks.exportId, exportId));
    if (isFinal) return { written: false };
    throw error;
  }
}

/**
 * The worker is stopping: the export goes back to queued with a fresh job of its own, so the next
 * worker starts it at once and this job ends without using up one of the queue's attempts (its
 * heartbeat would otherwise keep others off it for minutes).
 */
async function giveBack(db: Db, claimed: Claimed) {
  log.info({ exportId: claimed.id }, 'data export given back: the worker is stopping');
  await db.transaction(async (tx) => {
    const [released] = await tx
      .update(dataExports)
      .set({ status: 'queued', heartbeatAt: null })
      .where(heldBy(claimed))
      .returning({ id: dataExports.id });
    if (!released) return;
    await tx.delete(dataExportChunks).where(eq(dataExportChunks.exportId, claimed.id));
    await enqueueJobs(tx, 'export', [{ exportId: claimed.id }]);
  });
}

/** Raised when another attempt has taken the export over: this one stops writing. */
class TakenOver extends Error {}

async function writeZip(db: Db, input: { claimed: Claimed; appUrl: string; signal?: AbortSignal }) {
  const { id: exportId, userId } = input.claimed;
  const zip = new ZipSink(db, exportId);
  const sources = BADGE_SOURCES.map((make) => make());
  let total = 0;
  for (const source of sources) total += await source.count(db, userId);
  await db.update(dataExports).set({ total }).where(heldBy(input.claimed));

  let done = 0;
  let savedAt = Date.now();
  // Also the heartbeat, and the check that this attempt still holds the export.
  const saveProgress = async () => {
    const [held] = await db
      .update(dataExports)
      .set({ done, heartbeatAt: sql`now()` })
      .where(heldBy(input.claimed))
      .returning({ id: dataExports.id });
    if (!held) throw new TakenOver(`export ${exportId} was taken over by a later attempt`);
  };
  const ctx: ExportContext = {
    db,
    userId,
    appUrl: input.appUrl,
    zip,
    async badgeWritten() {
      input.signal?.throwIfAborted();
      done += 1;
      if (Date.now() - savedAt < PROGRESS_EVERY_MS) return;
      savedAt = Date.now();
      await saveProgress();
    },
  };

  await zip.addFile('README.txt', readmeText({ appUrl: input.appUrl, madeAt: new Date() }));
  await writeProfile(ctx);
  for (const source of sources) await source.writeFiles(ctx);
  await saveProgress();
  await writeIndexFiles(ctx, sources);
  await writeHistory(ctx);
  await saveProgress();
  return zip.finish();
}

/**
 * Ready, with its expiry; older ready zips of the same user are dropped (the newest is the one
 * offered), and the owner is emailed a link to Settings in the same transaction.
 */
async function finish(
  db: Db,
  input: {
    config: RunOptions['config'];
    claimed: { id: string; userId: string; attempts: number };
    size: number;
  },
) {
  const expiresAt = new Date(Date.now() + EXPORT_TTL_DAYS * 86_400_000);
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, input.claimed.userId));
  const to = await primaryEmail(db, input.claimed.userId);
  const rendered = await renderEmail(
    createElement(DataExportReadyEmail, {
      name: user?.name ?? 'there',
      size: formatBytes(input.size),
      expiresOn: formatDate(expiresAt),
      settingsUrl: `${input.config.appUrl}/settings#download-your-data`,
    }),
  );
  await db.transaction(async (tx) => {
    const [ready] = await tx
      .update(dataExports)
      .set({ status: 'ready', sizeBytes: input.size, finishedAt: sql`now()`, expiresAt, heartbeatAt: null })
      .where(heldBy(input.claimed))
      .returning({ id: dataExports.id });
    if (!ready) return;
    const older = tx
      .select({ id: dataExports.id })
      .from(dataExports)
      .where(
        and(
          eq(dataExports.userId, input.claimed.userId),
          eq(dataExports.status, 'ready'),
          ne(dataExports.id, input.claimed.id),
        ),
      );
    await tx.delete(dataExportChunks).where(inArray(dataExportChunks.exportId, older));
    await tx.update(dataExports).set({ status: 'expired' }).where(inArray(dataExports.id, older));
    if (to) {
      await enqueueEmail(tx, {
        message: { to, subject: 'Your Laurel data is ready', ...rendered },
        isDemoMode: input.config.isDemoMode,
      });
    }
  });
}
