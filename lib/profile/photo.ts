import 'server-only';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Executor } from '@/db/client';
import { images, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { storeImage } from '@/lib/images/store';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_SIZE = 400;
// A 2 MB file can still claim enormous dimensions; refuse those before decoding them.
const MAX_INPUT_PIXELS = 40_000_000;

type PhotoType = 'image/png' | 'image/jpeg' | 'image/webp';

/** The real type of an upload from its first bytes; the declared type and file name are not trusted. */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  const starts = (offset: number, signature: number[]) => signature.every((b, i) => bytes[offset + i] === b);
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // "RIFF" <size> "WEBP"
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  return null;
}

/** A square WebP, cover-cropped, turned upright; sharp writes no metadata (EXIF, GPS) unless asked. */
async function toProfileWebp(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    const output = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
    return new Uint8Array(output);
  } catch {
    throw new AppError('invalid', 'We could not read that image. It may be damaged; try another file.');
  }
}

/** Points the user at a new photo (or none) and deletes the old one, in one transaction. */
async function replacePhoto(db: Executor, userId: string, webp: Uint8Array | null) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ photoImageId: users.photoImageId })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!current) throw new AppError('not_found', 'Your account was not found. Sign in again.');
    const imageId = webp ? await storeImage(tx, { contentType: 'image/webp', bytes: webp }) : null;
    await tx.update(users).set({ photoImageId: imageId }).where(eq(users.id, userId));
    // The old photo is only ever this user's: removing it means it is gone, not just unlinked.
    if (current.photoImageId) await tx.delete(images).where(eq(images.id, current.photoImageId));
    return { imageId };
  });
}

/**
 * Sets the acting user's profile photo from an upload: PNG, JPEG or WebP by content, at most
 * 2 MB, re-encoded to a 400×400 WebP so nothing of the original file (metadata included) is kept.
 * `contentType` is what the browser claimed; it is deliberately not used to decide anything.
 */
export async function setProfilePhoto(
  db: Executor,
  input: { userId: string; bytes: Uint8Array; contentType?: string },
): Promise<{ imageId: string }> {
  if (input.bytes.byteLength === 0) throw new AppError('invalid', 'Choose a photo to upload.');
  if (input.bytes.byteLength > PHOTO_MAX_BYTES) {
    throw new AppError('invalid', 'That photo is larger than 2 MB. Choose a smaller file.');
  }
  if (!sniffPhotoType(input.bytes)) {
    throw new AppError('invalid', 'That file is not a PNG, JPEG or WebP image.');
  }
  const { imageId } = await replacePhoto(db, input.userId, await toProfileWebp(input.bytes));
  if (!imageId) throw new Error('photo was not stored');
  return { imageId };
}

export async function removeProfilePhoto(db: Executor, input: { userId: string }): Promise<void> {
  await replacePhoto(db, input.userId, null);
}
