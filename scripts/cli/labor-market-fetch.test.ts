import { describe, expect, it } from 'vitest';
import { commandHelp } from './command';
import { UsageError } from './errors';
import { laborMarketFetchCommand } from './labor-market-fetch';

const run = (args: string[]) => laborMarketFetchCommand.run(args);

describe('labor-market fetch arguments', () => {
  it('refuses bad options with a usage error before fetching anything', async () => {
    await expect(run(['--years', 'many'])).rejects.toThrow(
      new UsageError('--years must be a whole number from 1 to 30, not "many"'),
    );
    await expect(run(['--onet-version', '30'])).rejects.toThrow(
      '--onet-version must look like 30.1, not "30"',
    );
    await expect(run(['--onet-url', 'not a url'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--unknown'])).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
  });

  it('documents where --from looks for the wage files', () => {
    const help = commandHelp(laborMarketFetchCommand);
    expect(help).toContain('--from <dir|zip>');
    expect(help).toContain('looked for in the same directory');
  });
});
