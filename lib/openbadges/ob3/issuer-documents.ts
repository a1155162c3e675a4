import 'server-only';
import type { Executor } from '@/db/client';
import { getConfig } from '@/lib/config';
import { findIssuerBySlug } from '@/lib/issuers/issuers';
import { didDocument, issuerDid, keyDocument } from './did';
import { currentIssuerKeys, listIssuerKeys } from './issuer-keys';

/**
 * The issuer's DID document and its keys by key id, as /issuers/<slug>/did.json serves them;
 * null for an unknown slug. An issuer that never signed gets its keys now, so the document
 * always lists a key to verify with.
 */
export async function publicIssuerDocuments(db: Executor, slug: string) {
  const issuer = await findIssuerBySlug(db, slug);
  if (!issuer) return null;
  await currentIssuerKeys(db, issuer.id);
  const keys = await listIssuerKeys(db, issuer.id);
  const did = issuerDid(getConfig().appUrl, issuer.slug);
  return {
    did,
    didDocument: didDocument(did, keys),
    keyDocument: (keyId: string) => {
      const key = keys.find((k) => k.keyId === keyId);
      return key ? keyDocument(did, key) : null;
    },
  };
}
