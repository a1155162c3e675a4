import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importedBadges } from '@/db/schema';
import { uploadedFileName } from '@/lib/http/uploaded-file-name';
import type { Fetcher } from '@/lib/net/types';
import type { StatusListCache } from '@/lib/openbadges/status/list-cache';
import { verifyBadgeFully } from '@/lib/openbadges/verify/verify';
import { dedupeKeyOf } from './dedupe';
import { displayFields, formatLabel } from './display';
import { judge, withRecipientCheck } from './outcome';
import { publicImageOf } from './public-image';
import { checkImportRecipient, verifiedAddresses } from './recipient';
import { type ImportSource, type Original, originalOf, recordingFetcher, verifyInputFor } from './source';

export type ImportOutcome =
  | { status: 'added'; id: string; name: string; state: 'verified' | 'unverified' | 'expired' }
  | { status: 'duplicate'; id: string; name: string }
  /** Awarded to an address that is not verified on the account: add it in Settings first. */
  | { status: 'needs_address'; message: string }
  | { status: 'refused'; message: string };

export type ImportInput = {
  userId: string;
  source: ImportSource;
  fetch: Fetcher;
  statusLists?: StatusListCache;
  now?: Date;
};

function addressMessage(address: string | undefined): string {
  const which = address ? `to ${address}` : 'to an email address that is kept private as a hash';
  return `This badge was sent ${which}, which is not a verified address on your account. Add and verify that address in Settings, then add the badge again.`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string or key of a parsed document holds what PostgreSQL refuses (walked without recursion). */
function hasUnstorableText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item)) return true;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (UNSTORABLE.test(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

/**
 * Adds a badge earned elsewhere to the learner's wallet after verifying it like /verify does:
 * revoked, forged or unreadable badges are refused with the verifier's reason; an expired one is
 * kept as the record it is; one whose issuer's host cannot be reached now is kept as unverified;
 * one sent to an address the account has not verified waits for that address. The original bytes
 * are kept as given. Never throws for bad input.
 */
export async function importBadge(db: Db, input: ImportInput): Promise<ImportOutcome> {
  const { source } = input;
  const recorder = source.kind === 'url' ? recordingFetcher(input.fetch, source.url.trim()) : null;
  const { report, found } = await verifyBadgeFully(verifyInputFor(source), {
    fetch: recorder?.fetch ?? input.fetch,
    now: input.now,
    statusLists: input.statusLists,
  });
  const judgement = judge(report, found.document !== undefined);
  if (judgement.kind === 'refused') return { status: 'refused', message: judgement.reason };
  const original: Original | null = source.kind === 'url' ? (recorder?.answer() ?? null) : originalOf(source);
  if (!found.document || !original)
    return { status: 'refused', message: 'No badge was found in what was given.' };

  // PostgreSQL's text and jsonb cannot hold U+0000 or half a surrogate pair (the original, bytea, could).
  if (hasUnstorableText([found.document, report]))
    return {
      status: 'refused',
      message:
        'This badge holds a character Laurel cannot keep (a NUL or a broken Unicode character). Ask its issuer for a corrected copy.',
    };

  const recipient = checkImportRecipient(found, await verifiedAddresses(db, input.userId));
  if (recipient.kind === 'other-address')
    return { status: 'needs_address', message: addressMessage(recipient.address) };

  const dedupeKey = dedupeKeyOf(found.document);
  const fields = displayFields(report, found.document);
  const [row] = await db
    .insert(importedBadges)
    .values({
      userId: input.userId,
      original: original.bytes,
      mediaType: original.mediaType,
      publicImage: await publicImageOf(original),
      fileName: source.kind === 'file' ? uploadedFileName(source.fileName ?? '', 200) || null : null,
      format: formatLabel(found.kind, original.form),
      credential: found.document,
      ...fields,
      isRecipientChecked: recipient.kind === 'matched',
      status: judgement.kind,
      hasBeenVerified: judgement.kind !== 'unverified',
      report: withRecipientCheck(report, recipient.check),
      verifiedAt: new Date(report.checkedAt),
      dedupeKey,
    })
    .onConflictDoNothing({ target: [importedBadges.userId, importedBadges.dedupeKey] })
    .returning({ id: importedBadges.id, name: importedBadges.badgeName });
  if (row) return { status: 'added', ...row, state: judgement.kind };
  const [existing] = await db
    .select({ id: importedBadges.id, name: importedBadges.badgeName })
    .from(importedBadges)
    .where(and(eq(importedBadges.userId, input.userId), eq(importedBadges.dedupeKey, dedupeKey)));
  if (!existing) return { status: 'refused', message: 'This badge could not be added. Try again.' };
  return { status: 'duplicate', ...existing };
}
