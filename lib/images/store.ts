import { and, eq, exists, isNotNull, notExists } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { images, users } from '@/db/schema';

export const IMAGE_TYPES = ['image/png', 'image/svg+xml', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export async function storeImage(db: Executor, input: { contentType: ImageType; bytes: Uint8Array }) {
  const [row] = await db.insert(images).values(input).returning({ id: images.id });
  if (!row) throw new Error('image insert returned nothing');
  return row.id;
}

/**
 * An image to serve, and whether it is someone's profile photo (which can be taken away, so is
 * not cached for long); the profile photo of an account being deleted is already gone.
 */
export async function findImage(db: Executor, id: string) {
  const deletingOwner = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.photoImageId, images.id), isNotNull(users.deletionRequestedAt)));
  const owner = db.select({ id: users.id }).from(users).where(eq(users.photoImageId, images.id));
  const [row] = await db
    .select({ contentType: images.contentType, bytes: images.bytes, isPhoto: exists(owner) })
    .from(images)
    .where(and(eq(images.id, id), notExists(deletingOwner)));
  return row ?? null;
}

export function imageUrl(appUrl: string, id: string): string {
  return `${appUrl}/images/${id}`;
}
