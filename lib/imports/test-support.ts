/** Badges Laurel issued, in every file form, for the import tests (APP_URL must be a served origin). */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { userEmails } from '@/db/schema';
import { type CredentialFileFormat, credentialFile } from '@/lib/badges/credential-files';
import { buildDownload, type DownloadFormat } from '@/lib/badges/downloads';
import { findPublicAward } from '@/lib/badges/public-award';
import { getConfig } from '@/lib/config';
import { credentialForAward } from '@/lib/openbadges/ob3/credentials';
import { acceptedAward } from '@/lib/openbadges/ob3/test-support';
import type { makeIssuer } from '@/test/factories';

export type Earned = Awaited<ReturnType<typeof earned>>;

const bytesOf = (body: Uint8Array | string) =>
  typeof body === 'string' ? new TextEncoder().encode(body) : body;

/** An award accepted by its learner, and that learner's user id. */
export async function earned(issued?: Awaited<ReturnType<typeof makeIssuer>>) {
  const db = await getDb();
  const accepted = await acceptedAward(db, issued);
  const [owner] = await db.select().from(userEmails).where(eq(userEmails.email, accepted.email));
  if (!owner) throw new Error('no owner');
  const found = await findPublicAward(db, accepted.award.id);
  if (!found) throw new Error('not public');
  return { ...accepted, userId: owner.userId, found };
}

export async function ob3File(found: Earned['found'], format: CredentialFileFormat) {
  const db = await getDb();
  const credential = await credentialForAward(db, found.award.id);
  if (!credential) throw new Error('no credential');
  return bytesOf((await credentialFile(db, found, format, credential)).body);
}

export async function ob2File(found: Earned['found'], format: DownloadFormat) {
  return bytesOf((await buildDownload(await getDb(), found, format, getConfig().appUrl)).body);
}
