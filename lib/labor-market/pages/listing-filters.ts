export type ListingFilterInput = { location?: string; isRemoteOnly: boolean; problem?: string };

const MAX_LOCATION = 80;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The listing filters in a skill page's query string; anything odd is dropped, never an error page. */
export function parseListingFilters(
  params: Record<string, string | string[] | undefined>,
): ListingFilterInput {
  const location = (first(params.location) ?? '').trim();
  const remote = first(params.remote);
  const isRemoteOnly = remote === '1' || remote === 'on' || remote === 'true';
  if (location === '') return { isRemoteOnly };
  if (location.length > MAX_LOCATION) {
    return {
      isRemoteOnly,
      problem: `A location is at most ${MAX_LOCATION} characters, so every location is shown.`,
    };
  }
  return { isRemoteOnly, location };
}
