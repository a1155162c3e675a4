import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/images/[id]/route';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { makeUser } from '@/test/factories';
import { storeImage } from './store';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const get = (id: string) =>
  GET(new Request(`http://laurel.test/images/${id}`), { params: Promise.resolve({ id }) });

describe('GET /images/<id>', () => {
  it('lets a badge image be cached for good, and a profile photo for a minute only', async () => {
    const db = await getDb();
    const badgeImage = await storeImage(db, { contentType: 'image/png', bytes: PNG });
    const photo = await storeImage(db, { contentType: 'image/png', bytes: PNG });
    const { user } = await makeUser(db);
    await db.update(users).set({ photoImageId: photo }).where(eq(users.id, user.id));

    const image = await get(badgeImage);
    expect(image.status).toBe(200);
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const shown = await get(photo);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=1, must-revalidate');
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(Buffer.from(PNG));

    // Once the account asks to be deleted, the photo is gone.
    await db.update(users).set({ deletionRequestedAt: new Date() }).where(eq(users.id, user.id));
    expect((await get(photo)).status).toBe(404);
    expect((await get('not-a-uuid')).status).toBe(404);
  });
});
