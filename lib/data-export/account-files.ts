import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { awardEvents, awards, badgeTemplates, issuers, sessions, userEmails, users } from '@/db/schema';
import { AWARD_EVENT_LABELS } from '@/lib/awards/history';
import { findImage } from '@/lib/images/store';
import { importedHistory } from './imported-badges';
import { awardCursorAt, type Cursor, olderThan, PAGE_SIZE, pagesOf } from './paging';
import type { ExportContext } from './sources';

const PHOTO_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

async function account(db: Db, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}

/** profile.json, and the profile photo beside it when there is one. */
export async function writeProfile(ctx: ExportContext): Promise<void> {
  const user = await account(ctx.db, ctx.userId);
  const photo = user.photoImageId ? await findImage(ctx.db, user.photoImageId) : null;
  const photoFile = photo ? `profile-photo.${PHOTO_EXTENSIONS[photo.contentType] ?? 'bin'}` : null;
  const profile = {
    name: user.name,
    handle: user.handle,
    headline: user.headline,
    isProfilePublic: user.isProfilePublic,
    publicProfileUrl: user.handle && user.isProfilePublic ? `${ctx.appUrl}/u/${user.handle}` : null,
    optedOutOfAchievementsAt: user.optedOutAt?.toISOString() ?? null,
    photo: photoFile,
  };
  await ctx.zip.addFile('profile.json', `${JSON.stringify(profile, null, 2)}\n`);
  if (photo && photoFile) await ctx.zip.addFile(photoFile, photo.bytes);
}

type AwardRow = { id: string; name: string; issuer: string; state: string; issuedAt: Date; cursorAt: string };

async function awardPage(db: Db, userId: string, after: Cursor | null): Promise<AwardRow[]> {
  return db
    .select({
      id: awards.id,
      name: badgeTemplates.name,
      issuer: issuers.name,
      state: awards.state,
      issuedAt: awards.issuedAt,
      cursorAt: awardCursorAt,
    })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .where(and(eq(awards.userId, userId), after ? olderThan(after) : undefined))
    .orderBy(desc(awards.issuedAt), desc(awards.id))
    .limit(PAGE_SIZE);
}

async function eventsOf(db: Db, awardIds: string[]) {
  if (awardIds.length === 0) return [];
  return db
    .select({
      awardId: awardEvents.awardId,
      kind: awardEvents.kind,
      detail: awardEvents.detail,
      at: awardEvents.at,
    })
    .from(awardEvents)
    .where(inArray(awardEvents.awardId, awardIds))
    .orderBy(asc(awardEvents.at));
}

/**
 * history.json: when the account was made, its addresses, its sign-ins (sessions as Laurel keeps
 * them: started, last seen, ended), each of its badges' history, and when each imported badge was
 * added and last verified; a page of badges at a time.
 */
export async function writeHistory(ctx: ExportContext): Promise<void> {
  const { db, userId } = ctx;
  const user = await account(db, userId);
  const addresses = await db
    .select({
      email: userEmails.email,
      isPrimary: userEmails.isPrimary,
      verifiedAt: userEmails.verifiedAt,
      addedAt: userEmails.createdAt,
    })
    .from(userEmails)
    .where(eq(userEmails.userId, userId))
    .orderBy(asc(userEmails.createdAt));
  const signIns = await db
    .select({ signedInAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, endedAt: sessions.revokedAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(asc(sessions.createdAt));

  const out = ctx.zip.openStream('history.json');
  const head = {
    account: { createdAt: user.createdAt, passwordChangedAt: user.passwordChangedAt },
    addresses,
    sessions: signIns,
  };
  await out.write(`${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  "badges": [`);
  let separator = '\n';
  for await (const rows of pagesOf(
    (after) => awardPage(db, userId, after),
    (row) => ({ id: row.id, at: row.cursorAt }),
  )) {
    const events = await eventsOf(
      db,
      rows.map((r) => r.id),
    );
    for (const { cursorAt: _, ...row } of rows) {
      const steps = events
        .filter((e) => e.awardId === row.id)
        .map((e) => ({ what: AWARD_EVENT_LABELS[e.kind], kind: e.kind, detail: e.detail, at: e.at }));
      await out.write(`${separator}    ${JSON.stringify({ ...row, events: steps })}`);
      separator = ',\n';
    }
  }
  await out.write(`${separator === '\n' ? '' : '\n  '}],\n  "imported": [`);
  separator = '\n';
  for await (const entry of importedHistory(db, userId)) {
    await out.write(`${separator}    ${JSON.stringify(entry)}`);
    separator = ',\n';
  }
  await out.close(`${separator === '\n' ? '' : '\n  '}]\n}\n`);
}
