import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { type BadgeTemplate, badgeTemplates } from '@/db/schema';
import { findImage, storeImage } from '@/lib/images/store';
import { renderSvgToPng } from '@/lib/openbadges/bake/render-png';

/** The PNG for an image: itself when it is one, else a stored rendering of the SVG. */
export async function pngImageFor(db: Executor, imageId: string): Promise<string> {
  const image = await findImage(db, imageId);
  if (!image) throw new Error(`image ${imageId} not found`);
  if (image.contentType === 'image/png') return imageId;
  return storeImage(db, { contentType: 'image/png', bytes: await renderSvgToPng(image.bytes) });
}

/** The template's PNG id, rendering and remembering it for templates created before PNGs were kept. */
export async function ensureTemplatePng(db: Executor, template: BadgeTemplate): Promise<string> {
  if (template.pngImageId) return template.pngImageId;
  const pngImageId = await pngImageFor(db, template.imageId);
  await db.update(badgeTemplates).set({ pngImageId }).where(eq(badgeTemplates.id, template.id));
  return pngImageId;
}
