import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { images } from '@/db/schema';
import { findImage } from '@/lib/images/store';
import { makeUser } from '@/test/factories';
import { removeProfilePhoto, setProfilePhoto } from './photo';
import { getSettings } from './settings';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 60 } } });

async function storedPhoto(userId: string) {
  const db = await getDb();
  const { photoImageId } = await getSettings(db, userId);
  if (!photoImageId) throw new Error('no photo');
  const image = await findImage(db, photoImageId);
  if (!image) throw new Error('photo image missing');
  return { id: photoImageId, ...image, meta: await sharp(image.bytes).metadata() };
}

describe('setProfilePhoto', () => {
  it('re-encodes a PNG to a 400×400 WebP and points the profile at it', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const png = await solid(900, 500).png().toBuffer();
    const { imageId } = await setProfilePhoto(db, { userId: user.id, bytes: png, contentType: 'image/png' });
    const photo = await storedPhoto(user.id);
    expect(photo.id).toBe(imageId);
    expect(photo.contentType).toBe('image/webp');
    expect(photo.meta).toMatchObject({ format: 'webp', width: 400, height: 400 });
  });

  it('strips metadata from a JPEG, whatever type the browser declared', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const jpeg = await solid(300, 600)
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Secret Place', ImageDescription: 'home' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    await setProfilePhoto(db, { userId: user.id, bytes: jpeg, contentType: 'image/png' });
    const photo = await storedPhoto(user.id);
    expect(photo.meta).toMatchObject({ format: 'webp', width: 400, height: 400 });
    expect(photo.meta.exif).toBeUndefined();
    expect(Buffer.from(photo.bytes).includes('Secret Place')).toBe(false);
  });

  it('refuses a GIF and a text file named .png, with clear messages', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const gif = await solid(10, 10).gif().toBuffer();
    await expect(
      setProfilePhoto(db, { userId: user.id, bytes: gif, contentType: 'image/gif' }),
    ).rejects.toMatchObject({ code: 'invalid', message: 'That file is not a PNG, JPEG or WebP image.' });
    const text = new TextEncoder().encode('not really a picture');
    await expect(
      setProfilePhoto(db, { userId: user.id, bytes: text, contentType: 'image/png' }),
    ).rejects.toMatchObject({ code: 'invalid', message: 'That file is not a PNG, JPEG or WebP image.' });
    expect((await getSettings(db, user.id)).photoImageId).toBeNull();
  });

  it('refuses a photo over 2 MB and a damaged one', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const noisy = await sharp(randomBytes(1200 * 1200 * 3), {
      raw: { width: 1200, height: 1200, channels: 3 },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noisy.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    await expect(setProfilePhoto(db, { userId: user.id, bytes: noisy })).rejects.toMatchObject({
      code: 'invalid',
      message: 'That photo is larger than 2 MB. Choose a smaller file.',
    });
    const png = await solid(50, 50).png().toBuffer();
    const damaged = Buffer.concat([png.subarray(0, 40), randomBytes(200)]);
    await expect(setProfilePhoto(db, { userId: user.id, bytes: damaged })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/could not read that image/),
    });
    expect((await getSettings(db, user.id)).photoImageId).toBeNull();
  });

  it('replacing or removing a photo deletes the old image', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const first = await setProfilePhoto(db, {
      userId: user.id,
      bytes: await solid(40, 40).webp().toBuffer(),
    });
    const second = await setProfilePhoto(db, {
      userId: user.id,
      bytes: await solid(40, 40).png().toBuffer(),
    });
    expect(await db.select().from(images).where(eq(images.id, first.imageId))).toEqual([]);
    await removeProfilePhoto(db, { userId: user.id });
    expect((await getSettings(db, user.id)).photoImageId).toBeNull();
    expect(await db.select().from(images).where(eq(images.id, second.imageId))).toEqual([]);
  });
});
