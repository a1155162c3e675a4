import 'server-only';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { awards, issuers, statusListEntries, statusLists } from '@/db/schema';
import { encodeBitstring } from './bitstring';
import { statusListUrl } from './urls';

const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** What signs a list: the issuer's current key (ob3-issue's `issuerSigner` satisfies it). */
export type StatusListSigner = {
  verificationMethod: string;
  signDataIntegrity(credential: Record<string, unknown>): Promise<Record<string, unknown>>;
};

/**
 * An unsigned BitstringStatusListCredential (VC 2.0) whose bits are set at `revokedIndexes`.
 * The issuer is the controller of the signing key, the same id the badges name as issuer.
 */
export function statusListCredential(input: {
  listUrl: string;
  size: number;
  revokedIndexes: Iterable<number>;
  verificationMethod: string;
  validFrom: Date;
}): Record<string, unknown> {
  const issuer = input.verificationMethod.split('#')[0] ?? input.verificationMethod;
  return {
    '@context': [VC_V2_CONTEXT],
    id: input.listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: input.validFrom.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${input.listUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeBitstring(input.size, input.revokedIndexes),
    },
  };
}

export type SignedStatusList = { credential: Record<string, unknown>; version: number };

/**
 * The signed list credential for `listId` of the issuer with `issuerSlug`, or null when there is
 * no such list. Served from the cached copy while no revocation has happened since it was built;
 * otherwise rebuilt from the revoked awards on the list and signed by `signerFor(issuerId)`.
 * The version is read before the revoked awards, and the new copy is stored only if the version
 * is unchanged, so a revocation that commits mid-build never leaves a stale copy cached.
 */
export async function signedStatusList(
  db: Db,
  input: {
    issuerSlug: string;
    listId: string;
    appUrl: string;
    signerFor: (issuerId: string) => Promise<StatusListSigner>;
  },
): Promise<SignedStatusList | null> {
  const [list] = await db
    .select({
      id: statusLists.id,
      issuerId: statusLists.issuerId,
      size: statusLists.size,
      version: statusLists.version,
      signedVersion: statusLists.signedVersion,
      signedCredential: statusLists.signedCredential,
    })
    .from(statusLists)
    .innerJoin(issuers, eq(issuers.id, statusLists.issuerId))
    .where(and(eq(statusLists.id, input.listId), eq(issuers.slug, input.issuerSlug)));
  if (!list) return null;
  if (list.signedCredential && list.signedVersion === list.version) {
    return { credential: list.signedCredential, version: list.version };
  }
  const revoked = await db
    .select({ index: statusListEntries.statusIndex })
    .from(statusListEntries)
    .innerJoin(awards, eq(awards.id, statusListEntries.awardId))
    .where(and(eq(statusListEntries.listId, list.id), isNotNull(awards.revokedAt)));
  const signer = await input.signerFor(list.issuerId);
  const credential = await signer.signDataIntegrity(
    statusListCredential({
      listUrl: statusListUrl(input.appUrl, input.issuerSlug, list.id),
      size: list.size,
      revokedIndexes: revoked.map((row) => row.index),
      verificationMethod: signer.verificationMethod,
      validFrom: new Date(),
    }),
  );
  await db
    .update(statusLists)
    .set({ signedCredential: credential, signedVersion: list.version })
    .where(and(eq(statusLists.id, list.id), eq(statusLists.version, list.version)));
  return { credential, version: list.version };
}

/**
 * Marks the lists holding these awards' entries as changed, so the next fetch rebuilds them.
 * Called in the revocation's transaction: the bit flips when the revocation commits.
 */
export async function markStatusChanged(db: Executor, awardIds: string[]): Promise<void> {
  if (awardIds.length === 0) return;
  const lists = db
    .select({ id: statusListEntries.listId })
    .from(statusListEntries)
    .where(inArray(statusListEntries.awardId, awardIds));
  await db
    .update(statusLists)
    .set({ version: sql`${statusLists.version} + 1` })
    .where(inArray(statusLists.id, lists));
}
