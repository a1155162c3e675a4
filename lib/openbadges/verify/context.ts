import type { FetchedResource, Fetcher } from '@/lib/net/types';
import type { RecipientIdentity } from '@/lib/openbadges/ob2/identity';
import type { StatusListCache } from '@/lib/openbadges/status/list-cache';
import { CheckList, Halt } from './checks';
import type { VerificationReport } from './types';

export type VerifyOptions = {
  fetch: Fetcher;
  /** The moment to check expiry and issue dates against; now by default. */
  now?: Date;
  /** An email address (or URL, phone number) the badge should have been awarded to. */
  expectedRecipient?: string;
  /**
   * How the report names the expected recipient when it must not repeat it (a public page
   * checking against a stored address). Without it the report names what the user typed.
   */
  recipientName?: string;
  /**
   * Status lists kept across verifications (the public verifier's); without it every
   * verification fetches and checks the lists its credential names.
   */
  statusLists?: StatusListCache;
};

export type BadgeSummary = NonNullable<VerificationReport['badge']>;

/**
 * The document that was verified and who it names, for callers that keep the badge (the wallet's
 * import): the OB 2.0 assertion or the outer OB 3.0 / CLR credential, never a nested one.
 */
export type FoundBadge = {
  document?: Record<string, unknown>;
  /** 'ob2', 'ob3' (an achievement credential) or 'clr'. */
  kind?: 'ob2' | 'ob3' | 'clr';
  identities: RecipientIdentity[];
  subjectId?: string;
};

/** State shared by the steps of one verification. */
export type VerifyContext = {
  fetch: Fetcher;
  now: Date;
  expectedRecipient?: string;
  recipientName?: string;
  statusLists?: StatusListCache;
  checks: CheckList;
  badge: BadgeSummary;
  /** One fetch per URL per verification: keys, issuers and lists are often linked twice. */
  fetched: Map<string, Promise<FetchedResource>>;
  /** Hosts that could not be reached, each once: the report names them. */
  unreachable: string[];
  found: FoundBadge;
};

export function createContext(options: VerifyOptions): VerifyContext {
  return {
    fetch: options.fetch,
    now: options.now ?? new Date(),
    expectedRecipient: options.expectedRecipient?.trim() || undefined,
    recipientName: options.recipientName,
    statusLists: options.statusLists,
    checks: new CheckList(),
    badge: {},
    fetched: new Map(),
    unreachable: [],
    found: { identities: [] },
  };
}

/** Records a failed check and stops the verification there. */
export function stop(ctx: VerifyContext, id: string, label: string, detail: string): never {
  ctx.checks.fail(id, label, detail);
  throw new Halt();
}

/** The host (with port) of a URL, or the URL itself when it has none. */
export function hostLabel(url: string): string {
  return URL.parse(url)?.host.toLowerCase() || url;
}

/**
 * Records that a check could not be made because `url`'s host could not be reached: the check is
 * 'unknown', never failed, since a host being down proves nothing about the badge.
 */
export function noteUnreachable(
  ctx: VerifyContext,
  check: { id: string; label: string },
  url: string,
  why: string,
) {
  const host = hostLabel(url);
  if (!ctx.unreachable.includes(host)) ctx.unreachable.push(host);
  ctx.checks.unknown(check.id, check.label, why);
}

/** `noteUnreachable`, then stops the verification: nothing further can be checked without it. */
export function stopUnreachable(
  ctx: VerifyContext,
  check: { id: string; label: string },
  url: string,
  why: string,
): never {
  noteUnreachable(ctx, check, url, why);
  throw new Halt();
}
