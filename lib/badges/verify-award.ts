import 'server-only';
import type { Db } from '@/db/client';
import type { Config } from '@/lib/config';
import { log } from '@/lib/log';
import { safeFetcherFromEnv } from '@/lib/net/safe-fetch';
import type { Fetcher } from '@/lib/net/types';
import { ob2Urls } from '@/lib/openbadges/ob2/urls';
import { ob3Urls } from '@/lib/openbadges/ob3/build-credential';
import { credentialForAward } from '@/lib/openbadges/ob3/credentials';
import { exceptHost, publicStatusListCache } from '@/lib/openbadges/status/list-cache';
import { verdictOf } from '@/lib/openbadges/verify/checks';
import type { Check, VerificationReport } from '@/lib/openbadges/verify/types';
import { verifyBadge } from '@/lib/openbadges/verify/verify';
import type { PublicAward } from './public-award';

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

/** Whether the award has its signed credential (signed now if it had none); false when it cannot. */
async function hasCredential(db: Db, awardId: string): Promise<boolean> {
  try {
    return (await credentialForAward(db, awardId)) !== null;
  } catch (error) {
    log.error({ err: error, awardId }, 'award has no Open Badges 3.0 credential; checking its 2.0 assertion');
    return false;
  }
}

const hostedCopyWords = {
  valid: { status: 'pass', label: 'The Open Badges 2.0 hosted copy verifies too' },
  warning: { status: 'warn', label: 'The Open Badges 2.0 hosted copy verifies, with a warning' },
  invalid: { status: 'fail', label: 'The Open Badges 2.0 hosted copy does not verify' },
  unknown: { status: 'unknown', label: 'The Open Badges 2.0 hosted copy could not be checked' },
} as const;

/** The 2.0 hosted assertion's whole report as one line of the credential's report. */
function hostedCopyLine(url: string, hosted: VerificationReport): Check {
  const troubles = hosted.checks.filter((check) => ['fail', 'unknown', 'warn'].includes(check.status));
  const [only] = troubles;
  // Revoked is no fault of the copy: say so plainly, with the reason only the 2.0 copy carries.
  if (troubles.length === 1 && only?.id === 'revoked' && only.status === 'fail') {
    const label = 'The Open Badges 2.0 hosted copy says revoked';
    return { id: 'ob2-hosted', label, status: 'fail', detail: `Laurel also checked ${url}. ${only.detail}` };
  }
  const detail =
    troubles.length > 0
      ? `Laurel also checked ${url}. ${troubles.map((check) => `${check.label}: ${check.detail}`).join(' ')}`
      : `Laurel also checked ${url}: every check passed.`;
  const { label, status } = hostedCopyWords[hosted.verdict];
  return { id: 'ob2-hosted', label, status, detail };
}

const noCredentialLine: Check = {
  id: 'ob3-credential',
  label: 'Open Badges 3.0 credential not checked',
  status: 'skip',
  detail: "The issuer's signed credential is not available right now; its hosted 2.0 copy was checked.",
};

function withLine(report: VerificationReport, line: Check, also?: VerificationReport): VerificationReport {
  const checks = [...report.checks, line];
  const unreachable = [...new Set([...(report.unreachable ?? []), ...(also?.unreachable ?? [])])];
  return {
    ...report,
    verdict: verdictOf(checks),
    checks,
    ...(unreachable.length > 0 ? { unreachable } : {}),
  };
}

/**
 * Re-checks one of our public awards right now, as a stranger would: its Open Badges 3.0
 * credential fetched from its public address (proof, the key's owner, status list, dates and
 * recipient), with the 2.0 hosted assertion checked beside it and summed up in one more line.
 * An award whose credential cannot be signed (its issuer's keys cannot be read) falls back to
 * the 2.0 check. The recipient is compared with the address on record but named by the earner's
 * display name: the report is public, and both documents keep the address as a salted hash.
 */
export async function verifyOwnAward(
  db: Db,
  input: { found: Pick<PublicAward, 'award' | 'earnerName'>; appUrl: string },
): Promise<VerificationReport> {
  const { award, earnerName } = input.found;
  const options = {
    fetch: fetcherFor(input.appUrl),
    expectedRecipient: award.recipientEmail,
    recipientName: `the issuer's record for ${earnerName}`,
  };
  const assertionUrl = ob2Urls(input.appUrl).assertion(award.id);
  const verifyUrl = (url: string) => verifyBadge({ kind: 'url', url }, options);
  if (!(await hasCredential(db, award.id))) return withLine(await verifyUrl(assertionUrl), noCredentialLine);
  const [credential, hosted] = await Promise.all([
    verifyUrl(ob3Urls(input.appUrl).credential(award.id)),
    verifyUrl(assertionUrl),
  ]);
  return withLine(credential, hostedCopyLine(assertionUrl, hosted), hosted);
}

/**
 * Verifies whatever a visitor brings (the /verify page, POST /api/v1/verify). Other issuers'
 * status lists come from a short-lived cache; ours are always read fresh.
 */
export function verifyAnyBadge(input: Parameters<typeof verifyBadge>[0], config: Pick<Config, 'appUrl'>) {
  const statusLists = exceptHost(publicStatusListCache(), new URL(config.appUrl).host);
  return verifyBadge(input, { fetch: fetcherFor(config.appUrl), statusLists });
}
