import Link from 'next/link';
import { Button } from '@/components/ui/button';
import type { ListingFilterInput } from '@/lib/labor-market/pages/listing-filters';

/** A plain GET form: filters live in the address, so a filtered list can be shared and works without script. */
export function ListingFilterForm({ slug, filters }: { slug: string; filters: ListingFilterInput }) {
  const isFiltered = Boolean(filters.location) || filters.isRemoteOnly;
  return (
    <form
      method="get"
      action={`/skills/${slug}#listings`}
      aria-label="Filter listings"
      className="flex flex-col gap-2 rounded-md border border-stone-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="listing-location" className="text-sm font-medium text-stone-900">
            Location
          </label>
          <input
            id="listing-location"
            name="location"
            type="text"
            defaultValue={filters.location ?? ''}
            maxLength={80}
            aria-describedby="listing-location-hint"
            className="rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 shadow-sm"
          />
        </div>
        <div className="flex items-center gap-2 py-2">
          <input
            id="listing-remote"
            name="remote"
            type="checkbox"
            value="1"
            defaultChecked={filters.isRemoteOnly}
            className="h-4 w-4 accent-brand-700"
          />
          <label htmlFor="listing-remote" className="text-sm font-medium text-stone-900">
            Remote only
          </label>
        </div>
        <Button type="submit">Filter listings</Button>
        {isFiltered ? (
          <Link href={`/skills/${slug}#listings`} className="py-2 text-sm underline">
            Clear filters
          </Link>
        ) : null}
      </div>
      <p id="listing-location-hint" className="text-sm text-stone-600">
        A city, or a state as its postal abbreviation: Chicago, CA.
      </p>
      {filters.problem ? (
        <p className="text-sm font-medium text-red-700" role="alert">
          {filters.problem}
        </p>
      ) : null}
    </form>
  );
}
