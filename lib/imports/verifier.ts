import 'server-only';
import { fetcherFor } from '@/lib/badges/verify-award';
import { getConfig } from '@/lib/config';
import { exceptHost, publicStatusListCache } from '@/lib/openbadges/status/list-cache';

/** How imports verify: like /verify (the SSRF-safe fetcher, other issuers' status lists cached briefly). */
export function verifierOptions() {
  const { appUrl } = getConfig();
  return {
    fetch: fetcherFor(appUrl),
    statusLists: exceptHost(publicStatusListCache(), new URL(appUrl).host),
  };
}
