import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { Db } from '@/db/client';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import type { StatusListSigner } from './list-credential';
import { statusListResponse } from './respond';

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

/**
 * For tests: GET /ob/v3/status/<slug>/<listId> over real HTTP on a local port, answered by
 * statusListResponse exactly as the route does, with the signer the test chooses.
 */
export async function serveStatusLists(
  db: Db,
  signerFor: (issuerId: string) => Promise<StatusListSigner>,
): Promise<{ appUrl: string; close(): Promise<void> }> {
  let appUrl = '';
  const server = createServer(async (req, res) => {
    const match = /^\/ob\/v3\/status\/([^/]+)\/([^/]+)$/.exec(req.url ?? '');
    if (!match?.[1] || !match[2]) return void res.writeHead(404).end();
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const response = await statusListResponse(db, {
      request: new Request(`${appUrl}${req.url}`, { headers }),
      issuerSlug: decodeURIComponent(match[1]),
      listId: match[2],
      appUrl,
      signerFor,
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    appUrl,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
