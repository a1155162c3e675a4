import 'server-only';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findOccupationPage, resolveOccupationCode } from '@/lib/labor-market/pages/occupation';
import { getActiveRelease } from '@/lib/labor-market/release';

/** The occupation behind /occupations/<code>, once per render (metadata and page share it). */
export const loadOccupation = cache(async (code: string) => {
  const db = await getDb();
  const release = await getActiveRelease(db);
  if (!release) return { status: 'no_data' } as const;
  const lookup = await resolveOccupationCode(db, { releaseId: release.id, code: code.trim() });
  if (lookup.status === 'not_found') return { status: 'not_found' } as const;
  if (lookup.status === 'redirect') return { status: 'redirect', code: lookup.code } as const;
  const occupation = await findOccupationPage(db, { release, code: lookup.code });
  return occupation
    ? ({ status: 'found', release, occupation } as const)
    : ({ status: 'not_found' } as const);
});
