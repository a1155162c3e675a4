import 'server-only';
import type { Executor } from '@/db/client';
import { type JobListing, type ListingFilters, listActivePostings } from './listings';

/**
 * Whose listings a page shows: its own (`exact`), or when there are none, the next wider circle:
 * occupations in the same SOC minor group (`group`: 15-1xxx, computer occupations), then the same
 * major group (`family`: 15-xxxx), or for a skill, the occupations that use it (`occupations`).
 */
export type ListingScope = 'exact' | 'occupations' | 'group' | 'family';
export type ScopedListings = { scope: ListingScope; listings: JobListing[] };

type Common = Pick<ListingFilters, 'remoteOnly' | 'location' | 'now' | 'limit'>;

/** An occupation's open listings, else those of its SOC minor group, else of its major group. */
export async function occupationListings(
  db: Executor,
  input: { code: string } & Common,
): Promise<ScopedListings> {
  const { code, ...common } = input;
  const own = await listActivePostings(db, { ...common, occupationCodes: [code] });
  if (own.length) return { scope: 'exact', listings: own };
  const group = await listActivePostings(db, { ...common, occupationGroup: code.slice(0, 4) });
  if (group.length) return { scope: 'group', listings: group };
  return {
    scope: 'family',
    listings: await listActivePostings(db, { ...common, occupationGroup: code.slice(0, 3) }),
  };
}

/**
 * A skill's open listings: those naming the technology, else those in the occupations that use it
 * (a topic, which names no technology, starts there), else in those occupations' minor groups.
 */
export async function skillListings(
  db: Executor,
  input: { technologySlug: string | null; occupationCodes: string[] } & Common,
): Promise<ScopedListings> {
  const { technologySlug, occupationCodes, ...common } = input;
  if (technologySlug) {
    const named = await listActivePostings(db, { ...common, technologySlug });
    if (named.length) return { scope: 'exact', listings: named };
  }
  const inOccupations = await listActivePostings(db, { ...common, occupationCodes });
  if (inOccupations.length) return { scope: 'occupations', listings: inOccupations };
  const groups = [...new Set(occupationCodes.map((c) => c.slice(0, 4)))];
  for (const occupationGroup of groups) {
    const listings = await listActivePostings(db, { ...common, occupationGroup });
    if (listings.length) return { scope: 'group', listings };
  }
  return { scope: 'group', listings: [] };
}
