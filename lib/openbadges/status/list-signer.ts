import 'server-only';
import type { Db } from '@/db/client';
import type { StatusListSigner } from './list-credential';

/** Raised while no issuer key can sign status lists; the route answers 503 with a plain message. */
export class StatusSignerUnavailableError extends Error {
  override name = 'StatusSignerUnavailableError';
}

/**
 * The signer for an issuer's status lists: its current Data Integrity key.
 * MERGE: replace the body with `return issuerSigner(db, issuerId);` from
 * `@/lib/openbadges/ob3/signer` (ob3-issue), which satisfies StatusListSigner.
 */
export async function statusListSignerFor(_db: Db, issuerId: string): Promise<StatusListSigner> {
  throw new StatusSignerUnavailableError(
    `Status list signing is not wired: no issuer key signer for issuer ${issuerId} (lib/openbadges/ob3/signer).`,
  );
}
