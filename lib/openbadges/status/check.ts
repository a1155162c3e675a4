import { decodeBitstring, readStatus } from './bitstring';

export type CredentialStatusValue = 'active' | 'revoked' | 'suspended' | 'unknown';

/** A status check in plain words, for the verifier's report. */
export type CredentialStatusResult = {
  status: CredentialStatusValue;
  /** One sentence a visitor can read: what was checked and what it said. */
  detail: string;
  /** The host that could not be reached, when that is why the status is unknown. */
  unreachableHost?: string;
};

export type CheckStatusOptions = {
  /** Fetches a JSON document (the verifier passes its SSRF-safe, size- and time-limited fetcher); rejects when it cannot. */
  fetchJson: (url: string) => Promise<unknown>;
  /** Verifies a status list credential's proof; without it the list is read unverified. */
  verifyListCredential?: (list: Record<string, unknown>) => Promise<{ verified: boolean; reason?: string }>;
};

/** Status entries read per credential; more is abuse, not a real badge. */
const MAX_ENTRIES = 5;
/** 1EdTech revocation list entries looked at. */
const MAX_REVOKED_ENTRIES = 100_000;
const SEVERITY: CredentialStatusValue[] = ['active', 'unknown', 'suspended', 'revoked'];

/**
 * Checks a credential's `credentialStatus`: W3C Bitstring Status List and StatusList2021 entries
 * (the list credential fetched, its proof verified through `verifyListCredential`, the bit read)
 * and the 1EdTech Revocation List (a JSON list of revoked credential ids). Never throws: a list
 * that cannot be fetched or read gives 'unknown' with the reason (and the host, if unreachable).
 * With several entries the gravest answer wins: revoked, then suspended, then unknown.
 */
export async function checkCredentialStatus(
  credential: Record<string, unknown>,
  options: CheckStatusOptions,
): Promise<CredentialStatusResult> {
  const raw = credential.credentialStatus;
  if (raw === undefined || raw === null)
    return { status: 'active', detail: 'The badge names no status list.' };
  const entries = Array.isArray(raw) ? raw : [raw];
  if (entries.length > MAX_ENTRIES) {
    return {
      status: 'unknown',
      detail: `The badge names ${entries.length} status entries; Laurel reads at most ${MAX_ENTRIES}.`,
    };
  }
  let worst: CredentialStatusResult | undefined;
  for (const entry of entries) {
    const result = await checkEntry(credential, entry, options);
    if (!worst || SEVERITY.indexOf(result.status) > SEVERITY.indexOf(worst.status)) worst = result;
  }
  return worst ?? { status: 'active', detail: 'The badge names no status list.' };
}

function checkEntry(credential: Record<string, unknown>, entry: unknown, options: CheckStatusOptions) {
  if (!isRecord(entry)) return Promise.resolve(unknown('The badge’s status entry is not an object.'));
  const types = asArray(entry.type);
  if (types.includes('BitstringStatusListEntry'))
    return checkBitstringEntry(credential, entry, options, BITSTRING);
  if (types.includes('StatusList2021Entry'))
    return checkBitstringEntry(credential, entry, options, STATUS_LIST_2021);
  if (types.includes('1EdTechRevocationList')) return checkRevocationList(credential, entry, options);
  return Promise.resolve(
    unknown(`Laurel cannot read status entries of type ${types.join(', ') || '(none)'}.`),
  );
}

type ListKind = { name: string; credentialType: string; subjectType: string };
const BITSTRING: ListKind = {
  name: 'Bitstring Status List',
  credentialType: 'BitstringStatusListCredential',
  subjectType: 'BitstringStatusList',
};
const STATUS_LIST_2021: ListKind = {
  name: 'Status List 2021',
  credentialType: 'StatusList2021Credential',
  subjectType: 'StatusList2021',
};

async function checkBitstringEntry(
  credential: Record<string, unknown>,
  entry: Record<string, unknown>,
  options: CheckStatusOptions,
  kind: ListKind,
): Promise<CredentialStatusResult> {
  // Some issuers give only `id` ("<list>#<index>"): the list and index are read from it.
  const id = typeof entry.id === 'string' ? entry.id : '';
  const listUrl =
    typeof entry.statusListCredential === 'string' ? entry.statusListCredential : id.split('#')[0];
  const indexText = String(entry.statusListIndex ?? id.split('#')[1] ?? '');
  const purpose = typeof entry.statusPurpose === 'string' ? entry.statusPurpose : 'revocation';
  const statusSize = entry.statusSize === undefined ? 1 : Number(entry.statusSize);
  if (!listUrl || !isHttpUrl(listUrl))
    return unknown(`The ${kind.name} entry names no list address Laurel can fetch.`);
  if (!/^\d{1,10}$/.test(indexText))
    return unknown(`The ${kind.name} entry's index “${indexText.slice(0, 40)}” is not a number.`);
  if (!Number.isInteger(statusSize) || statusSize < 1 || statusSize > 8) {
    return unknown(`The ${kind.name} entry's status size is not between 1 and 8 bits.`);
  }
  const fetched = await fetchList(listUrl, options);
  if ('status' in fetched) return fetched;
  const list = fetched.document;
  if (!asArray(list.type).includes(kind.credentialType)) {
    return unknown(`The status list at ${listUrl} is not a ${kind.credentialType}.`);
  }
  const verified = await verifyList(list, listUrl, options);
  if (verified) return verified;
  const subject = Array.isArray(list.credentialSubject) ? list.credentialSubject[0] : list.credentialSubject;
  if (!isRecord(subject) || !asArray(subject.type).includes(kind.subjectType)) {
    return unknown(`The status list at ${listUrl} holds no ${kind.subjectType}.`);
  }
  if (
    !asArray(subject.statusPurpose).some(
      (p) => typeof p === 'string' && p.toLowerCase() === purpose.toLowerCase(),
    )
  ) {
    return unknown(`The status list at ${listUrl} is not for ${purpose}.`);
  }
  const validUntil = typeof list.validUntil === 'string' ? Date.parse(list.validUntil) : Number.NaN;
  if (validUntil < Date.now()) return unknown(`The status list at ${listUrl} expired on ${list.validUntil}.`);
  if (typeof subject.encodedList !== 'string')
    return unknown(`The status list at ${listUrl} has no encoded list.`);
  const decoded = decodeBitstring(subject.encodedList);
  if (!decoded.ok) return unknown(`The status list at ${listUrl} could not be read: ${decoded.reason}.`);
  const value = readStatus(decoded.bytes, Number(indexText), statusSize);
  if (value === null)
    return unknown(`The badge's index ${indexText} lies beyond the end of the status list at ${listUrl}.`);
  const status = statusFor(purpose, value, listUrl);
  const listIssuer = issuerId(list);
  const badgeIssuer = issuerId(credential);
  // Anyone serving the list's address could sign a list clearing the bit: only the badge's own
  // issuer can say it still stands. A list that says revoked is believed either way.
  if (status.status === 'active' && listIssuer !== badgeIssuer) {
    return unknown(
      `The status list at ${listUrl} was issued by ${listIssuer ?? 'no one named'}, not by the badge's issuer, so its answer cannot be trusted.`,
    );
  }
  return status;
}

function issuerId(document: Record<string, unknown>): string | undefined {
  const issuer = document.issuer;
  if (typeof issuer === 'string') return issuer;
  return isRecord(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

function statusFor(purpose: string, value: number, listUrl: string): CredentialStatusResult {
  const where = `the issuer's status list (${new URL(listUrl).host})`;
  switch (purpose.toLowerCase()) {
    case 'revocation':
      return value === 0
        ? { status: 'active', detail: `Not revoked, according to ${where}.` }
        : { status: 'revoked', detail: `Revoked, according to ${where}.` };
    case 'suspension':
      return value === 0
        ? { status: 'active', detail: `Not suspended, according to ${where}.` }
        : { status: 'suspended', detail: `Suspended, according to ${where}.` };
    default:
      return {
        status: 'active',
        detail: `The status list's “${purpose}” entry does not say whether the badge was revoked.`,
      };
  }
}

async function checkRevocationList(
  credential: Record<string, unknown>,
  entry: Record<string, unknown>,
  options: CheckStatusOptions,
): Promise<CredentialStatusResult> {
  const listUrl = typeof entry.id === 'string' ? entry.id : '';
  if (!isHttpUrl(listUrl))
    return unknown('The 1EdTech revocation list entry names no list address Laurel can fetch.');
  if (typeof credential.id !== 'string')
    return unknown('The badge has no id to look up in its revocation list.');
  const fetched = await fetchList(listUrl, options);
  if ('status' in fetched) return fetched;
  const revoked = fetched.document.revokedCredential;
  if (revoked !== undefined && !Array.isArray(revoked)) {
    return unknown(`The revocation list at ${listUrl} has no list of revoked credentials.`);
  }
  const host = new URL(listUrl).host;
  for (const item of (revoked ?? []).slice(0, MAX_REVOKED_ENTRIES)) {
    if (!isRecord(item) || item.id !== credential.id || item.revoked === false) continue;
    const reason =
      typeof item.revocationReason === 'string' ? ` Reason: ${item.revocationReason.slice(0, 300)}` : '';
    return {
      status: 'revoked',
      detail: `Revoked, according to the issuer's revocation list (${host}).${reason}`,
    };
  }
  return { status: 'active', detail: `Not revoked, according to the issuer's revocation list (${host}).` };
}

async function fetchList(
  url: string,
  options: CheckStatusOptions,
): Promise<{ document: Record<string, unknown> } | CredentialStatusResult> {
  let document: unknown;
  try {
    document = await options.fetchJson(url);
  } catch (error) {
    const host = new URL(url).host;
    const why = error instanceof Error && error.message ? ` (${error.message})` : '';
    return {
      status: 'unknown',
      detail: `Laurel could not fetch the status list from ${host}${why}.`,
      unreachableHost: host,
    };
  }
  if (!isRecord(document)) return unknown(`The status list at ${url} is not a JSON object.`);
  return { document };
}

async function verifyList(list: Record<string, unknown>, url: string, options: CheckStatusOptions) {
  if (!options.verifyListCredential) return null;
  let outcome: { verified: boolean; reason?: string };
  try {
    outcome = await options.verifyListCredential(list);
  } catch (error) {
    outcome = { verified: false, reason: error instanceof Error ? error.message : undefined };
  }
  if (outcome.verified) return null;
  const why = outcome.reason ? `: ${outcome.reason}` : '';
  return unknown(
    `The status list at ${url} is not signed by a key Laurel could verify${why}, so its answer cannot be trusted.`,
  );
}

const unknown = (detail: string): CredentialStatusResult => ({ status: 'unknown', detail });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
