/** For the Open Badges 3.0 tests: accepted awards, and the documents a verifier would resolve. */
import type { Db, Executor } from '@/db/client';
import { acceptWithToken } from '@/lib/awards/claim';
import { getConfig } from '@/lib/config';
import { makeAward, makeIssuer, makeUser } from '@/test/factories';
import { issuerDid, issuerDocuments } from './did';
import { publicIssuerDocuments } from './issuer-documents';
import { listIssuerKeys } from './issuer-keys';

type Issued = Awaited<ReturnType<typeof makeIssuer>>;

/** An award accepted by its learner (public unless told otherwise), with the learner's address. */
export async function acceptedAward(db: Db, issued?: Issued, input: { isPublic?: boolean } = {}) {
  const issuer = issued ?? (await makeIssuer(db, { validityDays: 365 }));
  const { award, token } = await makeAward(db, issuer, {
    evidence: [{ url: 'https://evidence.test/lab', narrative: 'Finished the lab.' }],
  });
  const { user } = await makeUser(db, { email: award.recipientEmail });
  await acceptWithToken(db, { token, userId: user.id, isPublic: input.isPublic });
  return { issued: issuer, award, email: award.recipientEmail };
}

/** The issuer's DID and key documents as the routes serve them, by URL, read from the database now. */
export async function servedDocuments(db: Db, issued: Issued) {
  const did = issuerDid(getConfig().appUrl, issued.issuer.slug);
  return { did, documents: issuerDocuments(did, await listIssuerKeys(db, issued.issuer.id)) };
}

/**
 * For @digitalbazaar/vc's checkStatus in tests about the proof (the status list has tests of its
 * own in lib/openbadges/status): the credential must name its revocation bit.
 */
export const statusNamed = async ({ credential }: { credential: Record<string, unknown> }) => ({
  verified:
    (credential.credentialStatus as { type?: string } | undefined)?.type === 'BitstringStatusListEntry',
});

const OWN_DID = /^did:web:([^:#]+(?::[^:#]+)*):issuers:([a-z0-9-]+)(?:#(.+))?$/;

/**
 * A DID or verification method of one of Laurel's own issuers (a did:web on APP_URL), read from
 * the database as the routes serve it; undefined for anything else. For offline checks with
 * @digitalbazaar/vc (the app's verifier reads these documents over HTTP from APP_URL).
 */
export async function resolveOwnIssuerDocument(db: Executor, url: string): Promise<unknown | undefined> {
  const match = OWN_DID.exec(url);
  const slug = match?.[2];
  if (!match || !slug) return undefined;
  if (`${url.split('#')[0]}` !== issuerDid(getConfig().appUrl, slug)) return undefined;
  const documents = await publicIssuerDocuments(db, slug);
  if (!documents) return undefined;
  return match[3] ? (documents.keyDocument(match[3]) ?? undefined) : documents.didDocument;
}
