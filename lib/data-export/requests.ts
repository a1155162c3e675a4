import 'server-only';
import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '@/db/client';
import { dataExports, users } from '@/db/schema';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { enqueueJobs } from '@/lib/queue/enqueue';
import { BADGE_SOURCES } from './sources';

/** Requests per user per rolling day: each builds a whole zip, so a few are plenty. */
export const EXPORTS_PER_DAY = 5;
export const ALREADY_RUNNING = 'Your data is already being gathered. It will be ready here soon.';
export const TOO_MANY_EXPORTS = `You can ask for your data ${EXPORTS_PER_DAY} times a day. Try again tomorrow, or download the file you already have.`;

/** What Settings shows and polls: the user's newest export, without its bytes. */
export type ExportView = {
  id: string;
  status: 'queued' | 'running' | 'ready' | 'failed' | 'expired';
  done: number;
  total: number;
  sizeBytes: number | null;
  lastError: string | null;
  createdAt: string;
  expiresAt: string | null;
  /** Queued or running: the page keeps polling. */
  isActive: boolean;
};

/**
 * Queues a new export of the user's data, with its job, in one transaction. One at a time per user
 * (checked under the user row's lock, and by the partial unique index), at most EXPORTS_PER_DAY.
 */
export async function requestDataExport(db: Db, input: { userId: string }): Promise<ExportView> {
  try {
    return await db.transaction(async (tx) => {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('update');
      const [active] = await tx
        .select({ id: dataExports.id })
        .from(dataExports)
        .where(
          and(eq(dataExports.userId, input.userId), sql`${dataExports.status} in ('queued', 'running')`),
        );
      if (active) throw new AppError('conflict', ALREADY_RUNNING);
      const [recent] = await tx
        .select({ n: count() })
        .from(dataExports)
        .where(
          and(eq(dataExports.userId, input.userId), gt(dataExports.createdAt, sql`now() - interval '1 day'`)),
        );
      if ((recent?.n ?? 0) >= EXPORTS_PER_DAY) throw new AppError('rate_limited', TOO_MANY_EXPORTS);
      let total = 0;
      for (const make of BADGE_SOURCES) total += await make().count(tx, input.userId);
      const [row] = await tx.insert(dataExports).values({ userId: input.userId, total }).returning();
      if (!row) throw new Error('data export insert returned nothing');
      await enqueueJobs(tx, 'export', [{ exportId: row.id }]);
      return viewOf(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'data_exports_one_active_key'))
      throw new AppError('conflict', ALREADY_RUNNING);
    throw error;
  }
}

/** The user's newest export, or null if they never asked. A ready one past its expiry reads as expired. */
export async function latestDataExport(db: Executor, userId: string): Promise<ExportView | null> {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(eq(dataExports.userId, userId))
    .orderBy(desc(dataExports.createdAt))
    .limit(1);
  return row ? viewOf(row) : null;
}

/**
 * A ready, unexpired export of this user: what a download may stream. Null for a malformed id, an
 * unknown one, someone else's, or one not ready — all the same 404 to the caller.
 */
export async function downloadableExport(db: Executor, input: { userId: string; exportId: string }) {
  if (!z.uuid().safeParse(input.exportId).success) return null;
  const [row] = await db
    .select({ id: dataExports.id, sizeBytes: dataExports.sizeBytes, createdAt: dataExports.createdAt })
    .from(dataExports)
    .where(
      and(
        eq(dataExports.id, input.exportId),
        eq(dataExports.userId, input.userId),
        eq(dataExports.status, 'ready'),
        gt(dataExports.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

function viewOf(row: typeof dataExports.$inferSelect): ExportView {
  const isPastExpiry = row.status === 'ready' && row.expiresAt !== null && row.expiresAt <= new Date();
  return {
    id: row.id,
    status: isPastExpiry ? 'expired' : row.status,
    done: row.done,
    total: row.total,
    sizeBytes: row.sizeBytes,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    isActive: row.status === 'queued' || row.status === 'running',
  };
}
