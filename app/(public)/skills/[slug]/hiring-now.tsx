import { JobListings } from '@/components/labor-market/job-listings';
import { SearchElsewhere } from '@/components/labor-market/search-elsewhere';
import type { ScopedListings } from '@/lib/jobs/listing-scopes';
import type { ListingFilterInput } from '@/lib/labor-market/pages/listing-filters';
import type { SkillPage } from '@/lib/labor-market/pages/skill';
import { ListingFilterForm } from './listing-filter-form';

type Props = {
  skill: SkillPage;
  filters: ListingFilterInput;
  listings: ScopedListings;
  employers: { employerName: string; openings: number }[];
};

/** Who is hiring for a skill, and its open listings, filtered by location and remote. */
export function HiringNow({ skill, filters, listings, employers }: Props) {
  const isFiltered = Boolean(filters.location) || filters.isRemoteOnly;
  return (
    <section aria-labelledby="listings" className="flex flex-col gap-3">
      <h2 id="listings" className="text-xl font-semibold">
        Hiring now
      </h2>
      {employers.length ? (
        <div>
          <h3 className="font-medium">Top employers hiring for {skill.shortName}</h3>
          <ol className="list-inside list-decimal text-sm">
            {employers.map((e) => (
              <li key={e.employerName}>
                {e.employerName} ({e.openings === 1 ? '1 opening' : `${e.openings} openings`})
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <ListingFilterForm slug={skill.slug} filters={filters} />
      {listings.listings.length ? <p className="text-stone-800">{scopeText(skill, listings.scope)}</p> : null}
      <JobListings
        listings={listings.listings}
        emptyText={
          isFiltered
            ? 'No open listings match these filters.'
            : 'None of the listings Laurel has match this skill right now.'
        }
      />
      <SearchElsewhere keyword={skill.shortName} lead="Find more listings: search for it on" />
    </section>
  );
}

function scopeText(skill: SkillPage, scope: ScopedListings['scope']): string {
  if (scope === 'exact') return `Open listings that ask for ${skill.shortName}:`;
  if (scope === 'occupations') {
    return skill.kind === 'topic'
      ? 'Open listings in the occupations above:'
      : `No listing names ${skill.shortName} right now. Open listings in occupations that use it:`;
  }
  return 'No listings in these occupations right now. Open listings in similar occupations:';
}
