import { listPublicImportedBadges } from '@/lib/imports/wallet';
import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { awards, badgeTemplates, issuers, users } from '@/db/schema';
import { isHandleShaped } from './handle';

export type PublicProfile = NonNullable<Awaited<ReturnType<typeof findPublicProfile>>>;
export type PublicProfileBadge = PublicProfile['badges'][number];

/**
 * The profile at /u/<handle> as anyone may see it, or null: unknown handles, private profiles,
 * learners who opted out of achievements and accounts being deleted are all the same "not found". Only badges the
 * learner accepted, kept public and that are not revoked are listed, newest decision first.
 */
export async function findPublicProfile(db: Executor, handle: string) {
  const normalized = handle.trim().toLowerCase();
  if (!isHandleShaped(normalized)) return null;
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      handle: users.handle,
      headline: users.headline,
      photoImageId: users.photoImageId,
    })
    .from(users)
    .where(
      and(
        sql`lower(${users.handle}) = ${normalized}`,
        eq(users.isProfilePublic, true),
        isNull(users.optedOutAt),
        isNull(users.deletionRequestedAt),
      ),
    );
  if (!user?.handle) return null;

  const badges = await db
    .select({
      id: awards.id,
      issuedAt: awards.issuedAt,
      expiresAt: awards.expiresAt,
      decidedAt: awards.decidedAt,
      badgeName: badgeTemplates.name,
      badgeImageId: badgeTemplates.imageId,
      issuerName: issuers.name,
      issuerSlug: issuers.slug,
      issuerImageId: issuers.imageId,
    })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .where(
      and(
        eq(awards.userId, user.id),
        eq(awards.state, 'accepted'),
        eq(awards.isPublic, true),
        isNull(awards.revokedAt),
      ),
    )
    .orderBy(sql`${awards.decidedAt} desc nulls last`, desc(awards.issuedAt), desc(awards.createdAt));

  const importedBadges = await listPublicImportedBadges(db, user.id);
  // The user id stays private: the page needs only what it shows.
  const { name, headline, photoImageId } = user;
  return { name, handle: user.handle, headline, photoImageId, badges, importedBadges };
}
