import 'server-only';
import { randomInt } from 'node:crypto';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '@/db/client';
import { awards, issuers, statusListEntries, statusLists } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { MIN_LIST_BITS } from './bitstring';
import { markStatusChanged } from './list-credential';
import { type BitstringStatusListEntry, statusEntry, statusListUrl } from './urls';

/**
 * A new list takes entries until half its bits are used: random draws then collide at most half
 * the time, and a list never fills up so much that its remaining bits say much about who is on it.
 */
const LIST_CAPACITY = MIN_LIST_BITS / 2;
const MAX_DRAWS = 32;

/** Thrown inside the transaction when another request gave the award its entry first. */
class EntryExists extends Error {}

/**
 * The `credentialStatus` to put in an award's credential: its entry in one of the issuer's
 * status lists. The first call draws a crypto-random unused index (a new list when the current
 * one is full), so a list reveals nothing about issue order or count; later calls return the
 * same entry. Safe against concurrent calls: the (list, index) and award uniqueness decide.
 */
export async function statusEntryFor(
  db: Db,
  issuerId: string,
  awardId: string,
  options: { appUrl?: string } = {},
): Promise<BitstringStatusListEntry> {
  const appUrl = options.appUrl ?? getConfig().appUrl;
  const existing = await findEntry(db, awardId);
  if (existing) return entryFor(appUrl, issuerId, existing);
  try {
    await db.transaction(async (tx) => {
      // Shared lock on the award: a revocation running now commits first (and is seen here), or
      // waits for this entry and then marks its list changed itself.
      const [award] = await tx
        .select({ revokedAt: awards.revokedAt })
        .from(awards)
        .where(and(eq(awards.id, awardId), eq(awards.issuerId, issuerId)))
        .for('share');
      if (!award) throw new AppError('not_found', 'No award with this id belongs to this issuer.');
      const list = await reserveSlot(tx, issuerId);
      for (let draw = 0; draw < MAX_DRAWS; draw++) {
        const [row] = await tx
          .insert(statusListEntries)
          .values({ listId: list.id, statusIndex: randomInt(list.size), awardId })
          .onConflictDoNothing()
          .returning();
        // An award revoked before it had an entry: its list must be rebuilt with this bit set.
        if (row && award.revokedAt) await markStatusChanged(tx, [awardId]);
        if (row) return;
        if (await findEntry(tx, awardId)) throw new EntryExists();
      }
      throw new Error(`No free status list index after ${MAX_DRAWS} draws.`);
    });
  } catch (error) {
    if (!(error instanceof EntryExists)) throw error;
  }
  const entry = await findEntry(db, awardId);
  if (!entry) throw new Error('The status list entry was not written.');
  return entryFor(appUrl, issuerId, entry);
}

type FoundEntry = { issuerId: string; slug: string; listId: string; statusIndex: number };

function entryFor(appUrl: string, issuerId: string, entry: FoundEntry): BitstringStatusListEntry {
  if (entry.issuerId !== issuerId)
    throw new AppError('not_found', 'No award with this id belongs to this issuer.');
  return statusEntry(statusListUrl(appUrl, entry.slug, entry.listId), entry.statusIndex);
}

async function findEntry(db: Executor, awardId: string): Promise<FoundEntry | undefined> {
  const [found] = await db
    .select({
      issuerId: statusLists.issuerId,
      slug: issuers.slug,
      listId: statusListEntries.listId,
      statusIndex: statusListEntries.statusIndex,
    })
    .from(statusListEntries)
    .innerJoin(statusLists, eq(statusLists.id, statusListEntries.listId))
    .innerJoin(issuers, eq(issuers.id, statusLists.issuerId))
    .where(eq(statusListEntries.awardId, awardId));
  return found;
}

/**
 * Counts one more entry on the issuer's newest list that has room, or starts a new list. The
 * `entry_count < capacity` test is re-checked under the row lock, so racing callers never
 * overfill a list; at worst two racers each start a new list.
 */
async function reserveSlot(tx: Tx, issuerId: string) {
  const open = tx
    .select({ id: statusLists.id })
    .from(statusLists)
    .where(and(eq(statusLists.issuerId, issuerId), lt(statusLists.entryCount, statusLists.capacity)))
    .orderBy(desc(statusLists.createdAt))
    .limit(1);
  const [reserved] = await tx
    .update(statusLists)
    .set({ entryCount: sql`${statusLists.entryCount} + 1` })
    .where(and(eq(statusLists.id, sql`(${open})`), lt(statusLists.entryCount, statusLists.capacity)))
    .returning({ id: statusLists.id, size: statusLists.size });
  if (reserved) return reserved;
  const [created] = await tx
    .insert(statusLists)
    .values({ issuerId, size: MIN_LIST_BITS, capacity: LIST_CAPACITY, entryCount: 1 })
    .returning({ id: statusLists.id, size: statusLists.size });
  if (!created) throw new Error('The status list was not created.');
  return created;
}
