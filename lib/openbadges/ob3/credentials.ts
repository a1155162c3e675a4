import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { awards, badgeTemplates, issuers, ob3Credentials } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { statusEntryFor } from '@/lib/openbadges/status/entries';
import { buildCredential } from './build-credential';
import { issuerDid } from './did';
import { issuerSigner, type JwtAlgorithm } from './signer';

/** The signed credential as JSON-LD (Data Integrity proof) and as a VC-JWT per algorithm. */
export type StoredCredential = { json: Record<string, unknown>; jwt: Record<JwtAlgorithm, string> };

async function storedRow(db: Executor, awardId: string) {
  const [row] = await db.select().from(ob3Credentials).where(eq(ob3Credentials.awardId, awardId));
  return row ?? null;
}

/**
 * Builds and signs the award's credential (Data Integrity JSON, RS256 and EdDSA VC-JWTs) and keeps
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
  const jwtEdDsa = await signer.signJwt(credential, 'EdDSA');
  await db
    .insert(ob3Credentials)
    .values({ awardId, credentialJson: JSON.stringify(signed), jwt, jwtEdDsa })
    .onConflictDoNothing();
  return credentialForAward(db, awardId);
}

/**
 * Adds the EdDSA VC-JWT to a credential kept before that form existed, signed with the issuer's
 * current Ed25519 key over the kept credential (its proof left out, as in the RS256 token). Ed25519
 * is deterministic, so callers racing here sign the same token; the first update keeps it.
 */
async function addEdDsaJwt(db: Db, awardId: string, json: Record<string, unknown>): Promise<string> {
  const [award] = await db.select({ issuerId: awards.issuerId }).from(awards).where(eq(awards.id, awardId));
  if (!award) throw new Error(`no award ${awardId}`);
  const signer = await issuerSigner(db, award.issuerId);
  const jwtEdDsa = await signer.signJwt(json, 'EdDSA');
  await db
    .update(ob3Credentials)
    .set({ jwtEdDsa })
    .where(and(eq(ob3Credentials.awardId, awardId), isNull(ob3Credentials.jwtEdDsa)));
  const kept = await storedRow(db, awardId);
  return kept?.jwtEdDsa ?? jwtEdDsa;
}

/**
 * The signed OpenBadgeCredential of an accepted award (any visibility: callers decide who may
 * see it), signed on first request for awards accepted before credentials existed. Null for an
 * award that is not accepted. A revoked award keeps its credential: its status says revoked.
 */
export async function credentialForAward(db: Db, awardId: string): Promise<StoredCredential | null> {
  const row = await storedRow(db, awardId);
  if (!row) return issueCredential(db, awardId);
  const json = JSON.parse(row.credentialJson) as Record<string, unknown>;
  const EdDSA = row.jwtEdDsa ?? (await addEdDsaJwt(db, awardId, json));
  return { json, jwt: { RS256: row.jwt, EdDSA } };
}

/**
 * Signs the credential of a just-accepted award. A failure is logged, not raised: the award
 * stays accepted and the credential is signed on its first request instead.
 */
export async function issueCredentialAfterAccept(db: Executor, awardId: string): Promise<void> {
  try {
    await credentialForAward(db, awardId);
  } catch (error) {
    log.error({ err: error, awardId }, 'could not sign the Open Badges 3.0 credential');
  }
}
