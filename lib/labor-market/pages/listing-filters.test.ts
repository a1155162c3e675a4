import { describe, expect, it } from 'vitest';
import { parseListingFilters } from './listing-filters';

describe('parseListingFilters', () => {
  it('reads a location and the remote box from the query string', () => {
    expect(parseListingFilters({ location: ' Chicago ', remote: '1' })).toEqual({
      location: 'Chicago',
      isRemoteOnly: true,
    });
    expect(parseListingFilters({})).toEqual({ isRemoteOnly: false });
  });

  it('takes the first of repeated parameters and ignores odd values', () => {
    expect(parseListingFilters({ location: ['Berlin', 'Paris'], remote: ['yes'] })).toEqual({
      location: 'Berlin',
      isRemoteOnly: false,
    });
    expect(parseListingFilters({ location: '   ' })).toEqual({ isRemoteOnly: false });
  });

  it('drops an over-long location with a message instead of failing', () => {
    expect(parseListingFilters({ location: 'x'.repeat(500), remote: 'on' })).toEqual({
      isRemoteOnly: true,
      problem: 'A location is at most 80 characters, so every location is shown.',
    });
  });
});
