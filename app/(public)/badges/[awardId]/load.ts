import type { Metadata } from 'next';
import { cache } from 'react';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findPublicAward } from '@/lib/badges/public-award';
import { getConfig } from '@/lib/config';

/** The public award for this page, once per render (metadata and page share it). */
export const loadPublicAward = cache(async (awardId: string) =>
  z.uuid().safeParse(awardId).success ? findPublicAward(await getDb(), awardId) : null,
);

/** Title, description and the link preview (Open Graph, Twitter card) of a public badge. */
export async function badgeMetadata(awardId: string): Promise<Metadata> {
  const found = await loadPublicAward(awardId);
  if (!found) return { title: 'Badge not found' };
  const { award, template, issuer, earnerName } = found;
  // Absolute: crawlers read these without a base, and APP_URL is the address people share.
  const url = `${getConfig().appUrl}/badges/${award.id}`;
  const title = `${template.name} — ${earnerName}`;
  const description = `${earnerName} earned ${template.name} from ${issuer.name}. ${template.description}`;
  const image = {
    url: `${url}/preview.png`,
    width: 1200,
    height: 630,
    alt: `${template.name}, earned by ${earnerName} from ${issuer.name}`,
  };
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: 'website', siteName: 'Laurel', title, description, url, images: [image] },
    twitter: { card: 'summary_large_image', title, description, images: [image] },
  };
}
