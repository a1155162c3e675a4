import { JobListings } from '@/components/labor-market/job-listings';
import type { JobListing } from '@/lib/jobs/listings';
import type { ListingFilterInput } from '@/lib/labor-market/pages/listing-filters';
import type { SkillPage } from '@/lib/labor-market/pages/skill';
import { ListingFilterForm } from './listing-filter-form';

type Props = {
  skill: SkillPage;
  filters: ListingFilterInput;
  listings: JobListing[];
  employers: { employerName: string; openings: number }[];
};

/** Who is hiring for a skill, and its open listings, filtered by location and remote. */
export function HiringNow({ skill, filters, listings, employers }: Props) {
  return (
    <section aria-labelledby="listings" className="flex flex-col gap-3">
      <h2 id="listings" className="text-xl font-semibold">
        Hiring now
      </h2>
      {employers.length ? (
        <div>
          <h3 className="font-medium">Top employers hiring for {skill.name}</h3>
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
      <JobListings
        listings={listings}
        emptyText={
          filters.location || filters.isRemoteOnly
            ? 'No open listings match these filters.'
            : `No open listings mention ${skill.name} right now.`
        }
      />
    </section>
  );
}
