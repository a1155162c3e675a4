import type { Award } from '@/db/schema';
import type { Config } from '@/lib/config';
import { safeFetcherFromEnv } from '@/lib/net/safe-fetch';
import type { Fetcher } from '@/lib/net/types';
import { ob2Urls } from '@/lib/openbadges/ob2/urls';
import { verifyBadge } from '@/lib/openbadges/verify/verify';

/**
 * Fetches our own documents over real HTTP like any verifier would. APP_URL's exact origin
 * (scheme, host and port) is trusted even when it is a local address (development, tests);
 * every other address, including each redirect hop, goes through the normal SSRF rules.
 */
export function fetcherFor(appUrl: string): Fetcher {
  const own = new URL(appUrl);
  const fetcher = safeFetcherFromEnv({ allowOrigins: [own.origin] });
  return (url, options) => fetcher(servedByUs(url, own), options);
}

/**
 * A did:web names a host and a path, always read over https. Our own issuers' DID documents are
 * served at APP_URL, which is plain http in the demo and tests: there they are read over http.
 */
function servedByUs(url: string, own: URL): string {
  const asked = new URL(url);
  if (own.protocol !== 'http:' || asked.protocol !== 'https:' || asked.host !== own.host) return url;
  asked.protocol = 'http:';
  return asked.href;
}

/**
 * Re-checks one of our awards right now, as a stranger would. The recipient is compared with
 * the address on record but named by the earner's display name: the report is public, and the
 * hosted assertion keeps the address private as a salted hash.
 */
export function verifyOwnAward(
  found: { award: Pick<Award, 'id' | 'recipientEmail'>; earnerName: string },
  config: Pick<Config, 'appUrl'>,
) {
  return verifyBadge(
    { kind: 'url', url: ob2Urls(config.appUrl).assertion(found.award.id) },
    {
      fetch: fetcherFor(config.appUrl),
      expectedRecipient: found.award.recipientEmail,
      recipientName: `the issuer's record for ${found.earnerName}`,
    },
  );
}

export function verifyAnyBadge(input: Parameters<typeof verifyBadge>[0], config: Pick<Config, 'appUrl'>) {
  return verifyBadge(input, { fetch: fetcherFor(config.appUrl) });
}
