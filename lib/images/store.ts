import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { images } from '@/db/schema';

export const IMAGE_TYPES = ['image/png', 'image/svg+xml', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export async function storeImage(db: Executor, input: { contentType: ImageType; bytes: Uint8Array }) {
  const [row] = await db.insert(images).values(input).returning({ id: images.id });
  if (!row) throw new Error('image insert returned nothing');
  return row.id;
}

export async function findImage(db: Executor, id: string) {
  const [row] = await db
    .select({ contentType: images.contentType, bytes: images.bytes })
    .from(images)
    .where(eq(images.id, id));
  return row ?? null;
}

export function imageUrl(appUrl: string, id: string): string {
  return `${appUrl}/images/${id}`;
}
