import 'server-only';
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { importedBadges, users } from '@/db/schema';
import { AppError } from '@/lib/errors';

const shownColumns = {
  id: importedBadges.id,
  userId: importedBadges.userId,
  mediaType: importedBadges.mediaType,
  format: importedBadges.format,
  badgeName: importedBadges.badgeName,
  description: importedBadges.description,
  issuerName: importedBadges.issuerName,
  issuerUrl: importedBadges.issuerUrl,
  issuedAt: importedBadges.issuedAt,
  expiresAt: importedBadges.expiresAt,
  isRecipientChecked: importedBadges.isRecipientChecked,
  status: importedBadges.status,
  hasBeenVerified: importedBadges.hasBeenVerified,
  report: importedBadges.report,
  verifiedAt: importedBadges.verifiedAt,
  isPublic: importedBadges.isPublic,
  createdAt: importedBadges.createdAt,
};

export type ShownImportedBadge = Awaited<ReturnType<typeof listImportedBadges>>[number];

/** The learner's badges from elsewhere, newest first (the original bytes stay in the database). */
export function listImportedBadges(db: Executor, userId: string) {
  return db
    .select(shownColumns)
    .from(importedBadges)
    .where(eq(importedBadges.userId, userId))
    .orderBy(desc(importedBadges.createdAt));
}

/** The public ones that still verify (or wait to be checked), for the learner's public profile. */
export function listPublicImportedBadges(db: Executor, userId: string) {
  return db
    .select({
      id: importedBadges.id,
      badgeName: importedBadges.badgeName,
      issuerName: importedBadges.issuerName,
      issuedAt: importedBadges.issuedAt,
      expiresAt: importedBadges.expiresAt,
      status: importedBadges.status,
    })
    .from(importedBadges)
    .where(
      and(
        eq(importedBadges.userId, userId),
        eq(importedBadges.isPublic, true),
        ne(importedBadges.status, 'invalid'),
      ),
    )
    .orderBy(desc(importedBadges.issuedAt), desc(importedBadges.createdAt));
}

/** One badge of this learner's, or null: another learner's is the same as none. */
export async function findOwnImportedBadge(db: Executor, input: { userId: string; id: string }) {
  const [row] = await db
    .select(shownColumns)
    .from(importedBadges)
    .where(and(eq(importedBadges.id, input.id), eq(importedBadges.userId, input.userId)));
  return row ?? null;
}

/** A public badge and the earner's display name; null when private or unknown (the same 404). */
export async function findPublicImportedBadge(db: Executor, id: string) {
  const [row] = await db
    .select({ ...shownColumns, earnerName: users.name })
    .from(importedBadges)
    .innerJoin(users, eq(users.id, importedBadges.userId))
    .where(
      and(eq(importedBadges.id, id), eq(importedBadges.isPublic, true), isNull(users.deletionRequestedAt)),
    );
  return row ?? null;
}

/** The file as it was given, for its owner only: it may name their email in plain text. */
export async function findOwnImportedOriginal(db: Executor, input: { id: string; userId: string }) {
  const [row] = await db
    .select({
      original: importedBadges.original,
      mediaType: importedBadges.mediaType,
      badgeName: importedBadges.badgeName,
      issuerName: importedBadges.issuerName,
    })
    .from(importedBadges)
    .where(and(eq(importedBadges.id, input.id), eq(importedBadges.userId, input.userId)));
  return row ?? null;
}

/**
 * The image of the badge: its owner sees the file as given, a visitor of a public badge the
 * picture alone (public_image: null when there is none to show) and nothing while it is private.
 */
export async function findImportedImage(db: Executor, input: { id: string; userId?: string }) {
  const [row] = await db
    .select({
      original: importedBadges.original,
      mediaType: importedBadges.mediaType,
      publicImage: importedBadges.publicImage,
      isPublic: importedBadges.isPublic,
      userId: importedBadges.userId,
    })
    .from(importedBadges)
    // An account waiting to be deleted shows nothing, as its issued badges (lib/badges/public-award.ts).
    .innerJoin(users, and(eq(users.id, importedBadges.userId), isNull(users.deletionRequestedAt)))
    .where(eq(importedBadges.id, input.id));
  if (!row) return null;
  if (row.userId === input.userId)
    return { kind: 'original' as const, bytes: row.original, mediaType: row.mediaType };
  if (!row.isPublic) return null;
  return { kind: 'picture' as const, bytes: row.publicImage, mediaType: 'image/png' };
}

export const NOT_VERIFIED_YET =
  'Laurel has not yet been able to check this badge with its issuer, so it cannot be public until it does.';

/**
 * Why the badge cannot be made public now, or undefined: it no longer verifies, or it has never
 * been verified (a made-up issuer is never reachable); one verified before may be public while its
 * host is down. The wallet page disables Public with these words; the action refuses with them.
 */
export function publicRefusal(badge: { status: string; hasBeenVerified: boolean; isPublic: boolean }) {
  if (badge.status === 'invalid') return 'This badge no longer verifies, so it cannot be made public.';
  if (badge.status === 'unverified' && !badge.hasBeenVerified && !badge.isPublic) return NOT_VERIFIED_YET;
  return undefined;
}

/** Public or private; only its owner may change it, and only to public when `publicRefusal` allows. */
export async function setImportedBadgeVisibility(
  db: Executor,
  input: { userId: string; id: string; isPublic: boolean },
) {
  const badge = await findOwnImportedBadge(db, input);
  if (!badge) throw new AppError('not_found', 'That badge is not in your wallet.');
  const refusal = input.isPublic ? publicRefusal(badge) : undefined;
  if (refusal) throw new AppError('conflict', refusal);
  await db
    .update(importedBadges)
    .set({ isPublic: input.isPublic })
    .where(and(eq(importedBadges.id, input.id), eq(importedBadges.userId, input.userId)));
}

/** Takes it out of the wallet for good. */
export async function removeImportedBadge(db: Executor, input: { userId: string; id: string }) {
  const removed = await db
    .delete(importedBadges)
    .where(and(eq(importedBadges.id, input.id), eq(importedBadges.userId, input.userId)))
    .returning({ id: importedBadges.id });
  if (removed.length === 0) throw new AppError('not_found', 'That badge is not in your wallet.');
}
