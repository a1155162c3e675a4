import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { awards, badgeTemplates, issuers, ob3Credentials } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { statusEntryFor } from '@/lib/openbadges/status/entries';
import { buildCredential } from './build-credential';
import { issuerDid } from './did';
import { issuerSigner } from './signer';

export type StoredCredential = { json: Record<string, unknown>; jwt: string };

async function storedCredential(db: Executor, awardId: string): Promise<StoredCredential | null> {
  const [row] = await db.select().from(ob3Credentials).where(eq(ob3Credentials.awardId, awardId));
  return row ? { json: JSON.parse(row.credentialJson) as Record<string, unknown>, jwt: row.jwt } : null;
}

/**
 * Builds and signs the award's credential (Data Integrity JSON and an RS256 VC-JWT) and keeps
 * it. Two callers at once may both sign; the first insert wins and both return what was kept.
 */
async function issueCredential(db: Db, awardId: string): Promise<StoredCredential | null> {
  const [found] = await db
    .select({ award: awards, template: badgeTemplates, issuer: issuers })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .where(and(eq(awards.id, awardId), eq(awards.state, 'accepted')));
  if (!found) return null;
  const { appUrl } = getConfig();
  const credential = buildCredential({
    ...found,
    issuerId: issuerDid(appUrl, found.issuer.slug),
    appUrl,
    // Its bit on the issuer's revocation list: revoking the award flips it.
    credentialStatus: await statusEntryFor(db, found.issuer.id, awardId, { appUrl }),
  });
  const signer = await issuerSigner(db, found.issuer.id);
  const signed = await signer.signDataIntegrity(credential);
  const jwt = await signer.signJwt(credential, 'RS256');
  await db
    .insert(ob3Credentials)
    .values({ awardId, credentialJson: JSON.stringify(signed), jwt })
    .onConflictDoNothing();
  return storedCredential(db, awardId);
}

/**
 * The signed OpenBadgeCredential of an accepted award (any visibility: callers decide who may
 * see it), signed on first request for awards accepted before credentials existed. Null for an
 * award that is not accepted. A revoked award keeps its credential: its status says revoked.
 */
export async function credentialForAward(db: Db, awardId: string): Promise<StoredCredential | null> {
  return (await storedCredential(db, awardId)) ?? issueCredential(db, awardId);
}

/**
 * Signs the credential of a just-accepted award. A failure is logged, not raised: the award
 * stays accepted and the credential is signed on its first request instead.
 */
export async function issueCredentialAfterAccept(db: Executor, awardId: string): Promise<void> {
  try {
    await credentialForAward(db, awardId);
  } catch (error) {
    console.error(`Could not sign the Open Badges 3.0 credential of award ${awardId}:`, error);
  }
}
