import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import type { StatusListSigner } from './list-credential';

/** For tests: a did:key Ed25519 signer with the interface ob3-issue's issuer signer has. */
export async function didKeyStatusSigner(): Promise<
  StatusListSigner & { did: string; signCount: () => number }
> {
  const generated = await Ed25519Multikey.generate();
  const did = `did:key:${generated.publicKeyMultibase}`;
  const exported = await generated.export({ publicKey: true, secretKey: true });
  const verificationMethod = `${did}#${generated.publicKeyMultibase}`;
  const key = await Ed25519Multikey.from({ ...exported, id: verificationMethod, controller: did });
  let signed = 0;
  return {
    did,
    verificationMethod,
    signCount: () => signed,
    async signDataIntegrity(credential) {
      signed++;
      return vc.issue({
        credential,
        suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }),
        documentLoader: documentLoader(),
      });
    },
  };
}

/** Verifies a Data Integrity credential offline (bundled contexts, did:key). */
export async function verifyDataIntegrity(credential: Record<string, unknown>): Promise<boolean> {
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: documentLoader(),
  });
  return result.verified;
}
