import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { awards, badgeTemplates, issuers, users } from '@/db/schema';
import { credentialFile } from '@/lib/badges/credential-files';
import { buildDownload } from '@/lib/badges/downloads';
import { downloadBaseName } from '@/lib/badges/file-names';
import { awardStatus, type PublicAward } from '@/lib/badges/public-award';
import { isAppError } from '@/lib/errors';
import { BakeError } from '@/lib/openbadges/bake/errors';
import { credentialForAward, type StoredCredential } from '@/lib/openbadges/ob3/credentials';
import { awardCursorAt, type Cursor, olderThan, PAGE_SIZE, pagesOf } from './paging';
import type { BadgeSource, ExportContext, IndexRow } from './sources';

type Page = Array<PublicAward & { hasCredential: boolean; cursorAt: string }>;

const ownedAccepted = (userId: string) => and(eq(awards.userId, userId), eq(awards.state, 'accepted'));

/** The user's accepted awards, newest first, after `after` (keyset paging on issued date and id). */
async function page(db: Db, userId: string, after: Cursor | null): Promise<Page> {
  return db
    .select({
      award: awards,
      template: badgeTemplates,
      issuer: issuers,
      earnerName: users.name,
      hasCredential: sql<boolean>`exists (select 1 from ob3_credentials c where c.award_id = ${awards.id})`,
      cursorAt: awardCursorAt,
    })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .innerJoin(users, eq(users.id, awards.userId))
    .where(and(ownedAccepted(userId), after ? olderThan(after) : undefined))
    .orderBy(desc(awards.issuedAt), desc(awards.id))
    .limit(PAGE_SIZE);
}

async function* eachBadge(db: Db, userId: string) {
  for await (const rows of pagesOf(
    (after) => page(db, userId, after),
    (row) => ({ id: row.award.id, at: row.cursorAt }),
  ))
    yield* rows;
}

/** What went into the zip for a badge: its OB 3.0 files, its baked image. */
type Written = { hasCredential: boolean; hasImage: boolean };

/**
 * The files of one badge. A revoked badge keeps only its records (the JSON), as its downloads do;
 * the OB 3.0 files exist when the badge has a signed credential. The PNG carries that credential,
 * else the OB 2.0 assertion; a badge whose image cannot be drawn goes without it.
 */
function filesOf(found: PublicAward, written: Written) {
  const { hasCredential } = written;
  const folder = `badges/${downloadBaseName(found.template.name, found.issuer.name)}-${found.award.id.slice(0, 8)}`;
  const isRevoked = found.award.revokedAt !== null;
  return {
    png: isRevoked || !written.hasImage ? null : `${folder}/badge.png`,
    ob2: `${folder}/ob2-assertion.json`,
    ob3: hasCredential ? `${folder}/ob3-credential.json` : null,
    jwts:
      hasCredential && !isRevoked
        ? [`${folder}/ob3-credential-rs256.jwt`, `${folder}/ob3-credential-eddsa.jwt`]
        : [],
  };
}

/** The signed credential, or null when the issuer's keys cannot be read (the 2.0 files still go in). */
async function credentialOrNull(db: Db, awardId: string): Promise<StoredCredential | null> {
  try {
    return await credentialForAward(db, awardId);
  } catch (error) {
    if (isAppError(error, 'unavailable')) return null;
    throw error;
  }
}

/**
 * The baked PNG, or null when the issuer's image cannot be drawn as one: that badge's records
 * still go in, rather than one bad image costing the learner the whole export.
 */
async function bakedOrNull(ctx: ExportContext, found: PublicAward, credential: StoredCredential | null) {
  try {
    return credential
      ? await credentialFile(ctx.db, found, 'png', credential)
      : await buildDownload(ctx.db, found, 'png', ctx.appUrl);
  } catch (error) {
    if (error instanceof BakeError) return null;
    throw error;
  }
}

/** Writes one badge's files; returns what went in. */
async function writeBadge(ctx: ExportContext, found: PublicAward): Promise<Written> {
  const { db, zip, appUrl } = ctx;
  const credential = await credentialOrNull(db, found.award.id);
  const written = { hasCredential: credential !== null, hasImage: true };
  const files = filesOf(found, written);
  const issued = found.award.issuedAt;
  if (files.png) {
    const png = await bakedOrNull(ctx, found, credential);
    if (png) await zip.addFile(files.png, png.body, issued);
    else written.hasImage = false;
  }
  await zip.addFile(files.ob2, (await buildDownload(db, found, 'json', appUrl)).body, issued);
  if (credential && files.ob3) {
    await zip.addFile(files.ob3, JSON.stringify(credential.json, null, 2), issued);
    const [rs256, eddsa] = files.jwts;
    if (rs256) await zip.addFile(rs256, credential.jwt.RS256, issued);
    if (eddsa) await zip.addFile(eddsa, credential.jwt.EdDSA, issued);
  }
  return written;
}

function indexRow(found: PublicAward, written: Written): IndexRow {
  const files = filesOf(found, written);
  const { award } = found;
  return {
    id: award.id,
    source: 'laurel',
    name: found.template.name,
    issuer: found.issuer.name,
    issued: award.issuedAt.toISOString(),
    expires: award.expiresAt?.toISOString() ?? null,
    status: awardStatus(award).kind,
    isPublic: award.isPublic,
    files: [files.png, files.ob2, files.ob3, ...files.jwts].filter((f): f is string => f !== null),
  };
}

/** Badges Laurel issued that the user accepted: baked PNG, OB 2.0 assertion, OB 3.0 credential and JWTs. */
export function laurelBadges(): BadgeSource {
  // What was left out while writing (rare: keys that do not decrypt, an image that cannot be drawn),
  // so the index does not list files that are not there.
  const leftOut = new Map<string, Written>();
  return {
    async count(db, userId) {
      const [row] = await db.select({ n: count() }).from(awards).where(ownedAccepted(userId));
      return row?.n ?? 0;
    },
    async writeFiles(ctx) {
      for await (const found of eachBadge(ctx.db, ctx.userId)) {
        const written = await writeBadge(ctx, found);
        if (!written.hasCredential || !written.hasImage) leftOut.set(found.award.id, written);
        await ctx.badgeWritten();
      }
    },
    async *indexRows(ctx) {
      for await (const found of eachBadge(ctx.db, ctx.userId))
        yield indexRow(
          found,
          leftOut.get(found.award.id) ?? { hasCredential: found.hasCredential, hasImage: true },
        );
    },
  };
}
