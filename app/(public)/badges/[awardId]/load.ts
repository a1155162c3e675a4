import { cache } from 'react';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findPublicAward } from '@/lib/badges/public-award';

/** The public award for this page, once per render (metadata and page share it). */
export const loadPublicAward = cache(async (awardId: string) =>
  z.uuid().safeParse(awardId).success ? findPublicAward(await getDb(), awardId) : null,
);

export async function badgeMetadata(awardId: string) {
  const found = await loadPublicAward(awardId);
  if (!found) return { title: 'Badge not found' };
  return {
    title: `${found.template.name} — ${found.earnerName}`,
    description: `${found.earnerName} earned ${found.template.name} from ${found.issuer.name}. ${found.template.description}`,
  };
}
