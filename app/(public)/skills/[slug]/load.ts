import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findSkillPage, resolveSkillSlug } from '@/lib/labor-market/pages/skill';
import { findTopicPage } from '@/lib/labor-market/pages/topic';
import { getActiveRelease } from '@/lib/labor-market/release';

/** Params arrive percent-encoded or not depending on the character; either way gives the same slug. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The skill behind /skills/<slug>, once per render (metadata and page share it). */
export const loadSkill = cache(async (rawSlug: string) => {
  const db = await getDb();
  const release = await getActiveRelease(db);
  if (!release) return { status: 'no_data' } as const;
  const lookup = await resolveSkillSlug(db, { releaseId: release.id, slug: decodeParam(rawSlug) });
  if (lookup.status === 'not_found') return { status: 'not_found' } as const;
  if (lookup.status === 'redirect') return { status: 'redirect', slug: lookup.slug } as const;
  const skill =
    lookup.kind === 'technology'
      ? await findSkillPage(db, { release, slug: lookup.slug })
      : await findTopicPage(db, { release, slug: lookup.slug });
  return skill ? ({ status: 'found', release, skill } as const) : ({ status: 'not_found' } as const);
});
