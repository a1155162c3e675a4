import { describe, expect, it } from 'vitest';
import { FetchUsageError, LABOR_MARKET_FETCH_HELP, laborMarketFetch } from './labor-market-fetch';

describe('labor-market fetch arguments', () => {
  it('refuses bad options with a usage error before fetching anything', async () => {
    await expect(laborMarketFetch(['--years', 'many'])).rejects.toThrow(
      new FetchUsageError('--years must be a whole number from 1 to 30, not "many"'),
    );
    await expect(laborMarketFetch(['--onet-version', '30'])).rejects.toThrow(
      '--onet-version must look like 30.1, not "30"',
    );
    await expect(laborMarketFetch(['--unknown'])).rejects.toBeInstanceOf(FetchUsageError);
  });

  it('documents where --from looks for the wage files', () => {
    expect(LABOR_MARKET_FETCH_HELP).toContain('--from <dir|zip>');
    expect(LABOR_MARKET_FETCH_HELP).toContain('looked for in the same directory');
  });
});
