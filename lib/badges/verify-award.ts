import type { Award } from '@/db/schema';
import type { Config } from '@/lib/config';
import { createSafeFetcher, safeFetcherFromEnv } from '@/lib/net/safe-fetch';
import type { Fetcher } from '@/lib/net/types';
import { ob2Urls } from '@/lib/openbadges/ob2/urls';
import { verifyBadge } from '@/lib/openbadges/verify/verify';

/**
 * Fetches our own documents over real HTTP like any verifier would. APP_URL's exact origin is
 * trusted even when it is a local address (development, tests); everything else goes through
 * the normal SSRF rules.
 */
function fetcherFor(appUrl: string): Fetcher {
  const own = new URL(appUrl);
  const ownFetcher = createSafeFetcher({ allowHosts: [own.hostname] });
  const other = safeFetcherFromEnv();
  return (url, options) =>
    new URL(url).origin === own.origin ? ownFetcher(url, options) : other(url, options);
}

/** Re-checks one of our awards right now, as a stranger would, including the earner's address. */
export function verifyOwnAward(award: Award, config: Pick<Config, 'appUrl'>) {
  return verifyBadge(
    { kind: 'url', url: ob2Urls(config.appUrl).assertion(award.id) },
    { fetch: fetcherFor(config.appUrl), expectedRecipient: award.recipientEmail },
  );
}

export function verifyAnyBadge(input: Parameters<typeof verifyBadge>[0], config: Pick<Config, 'appUrl'>) {
  return verifyBadge(input, { fetch: fetcherFor(config.appUrl) });
}
