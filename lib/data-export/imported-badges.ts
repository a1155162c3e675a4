import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importedBadges as badges } from '@/db/schema';
import { downloadBaseName } from '@/lib/badges/file-names';
import { originalExtension } from '@/lib/imports/present';
import { type Cursor, importedCursorAt, importedOlderThan, PAGE_SIZE, pagesOf } from './paging';
import type { BadgeSource, ExportContext, IndexRow } from './sources';

/** What a page holds: everything but the original, which can be megabytes and is read one at a time. */
const listed = {
  id: badges.id,
  mediaType: badges.mediaType,
  badgeName: badges.badgeName,
  issuerName: badges.issuerName,
  issuedAt: badges.issuedAt,
  expiresAt: badges.expiresAt,
  status: badges.status,
  isPublic: badges.isPublic,
  createdAt: badges.createdAt,
  verifiedAt: badges.verifiedAt,
  cursorAt: importedCursorAt,
};

type Listed = Pick<typeof badges.$inferSelect, Exclude<keyof typeof listed, 'cursorAt'>> & {
  cursorAt: string;
};

/** The user's imported badges, newest first, after `after` (keyset paging on added date and id). */
function page(db: Db, userId: string, after: Cursor | null): Promise<Listed[]> {
  return db
    .select(listed)
    .from(badges)
    .where(and(eq(badges.userId, userId), after ? importedOlderThan(after) : undefined))
    .orderBy(desc(badges.createdAt), desc(badges.id))
    .limit(PAGE_SIZE);
}

async function* eachBadge(db: Db, userId: string) {
  for await (const rows of pagesOf(
    (after) => page(db, userId, after),
    (row) => ({ id: row.id, at: row.cursorAt }),
  ))
    yield* rows;
}

/** "imported/robotics-zoe-co-1a2b3c4d.png": the download's name, told apart by the id. */
const pathOf = (badge: Listed) =>
  `imported/${downloadBaseName(badge.badgeName, badge.issuerName)}-${badge.id.slice(0, 8)}.${originalExtension(badge.mediaType)}`;

/** Writes the original as uploaded; false when the learner removed the badge since its page was read. */
async function writeBadge(ctx: ExportContext, badge: Listed): Promise<boolean> {
  const [row] = await ctx.db
    .select({ original: badges.original })
    .from(badges)
    .where(and(eq(badges.id, badge.id), eq(badges.userId, ctx.userId)));
  if (!row) return false;
  await ctx.zip.addFile(pathOf(badge), row.original, badge.issuedAt ?? badge.createdAt);
  return true;
}

function indexRow(badge: Listed): IndexRow {
  return {
    id: badge.id,
    source: 'imported',
    name: badge.badgeName,
    issuer: badge.issuerName,
    issued: badge.issuedAt?.toISOString() ?? null,
    expires: badge.expiresAt?.toISOString() ?? null,
    status: badge.status,
    isPublic: badge.isPublic,
    files: [pathOf(badge)],
  };
}

/** history.json's entry of each imported badge: when it was added and last checked, as what. */
export async function* importedHistory(db: Db, userId: string) {
  for await (const badge of eachBadge(db, userId)) {
    yield {
      id: badge.id,
      name: badge.badgeName,
      issuer: badge.issuerName,
      importedAt: badge.createdAt,
      lastVerifiedAt: badge.verifiedAt,
      status: badge.status,
      isPublic: badge.isPublic,
    };
  }
}

/** Badges earned elsewhere that the user added to the wallet: each original file, byte for byte. */
export function importedBadges(): BadgeSource {
  // Ids written in the first pass: a badge imported while the export ran is not in the zip or its index.
  const written = new Set<string>();
  return {
    async count(db, userId) {
      const [row] = await db.select({ n: count() }).from(badges).where(eq(badges.userId, userId));
      return row?.n ?? 0;
    },
    async writeFiles(ctx) {
      for await (const badge of eachBadge(ctx.db, ctx.userId)) {
        if (await writeBadge(ctx, badge)) written.add(badge.id);
        await ctx.badgeWritten();
      }
    },
    async *indexRows(ctx) {
      for await (const badge of eachBadge(ctx.db, ctx.userId))
        if (written.has(badge.id)) yield indexRow(badge);
    },
  };
}
