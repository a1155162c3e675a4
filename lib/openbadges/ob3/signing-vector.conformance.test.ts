import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicFixture } from '@/test/conformance/public-fixtures';
import { canonicalNQuads, signerFor } from './signer';

type Vector = {
  publicKeyMultibase: string;
  secretKeyMultibase: string;
  verificationMethod: string;
  controller: string;
  credential: Record<string, unknown>;
  proofOptions: Record<string, unknown> & { created: string };
  expectedDocumentHashHex: string;
  expectedProofHashHex: string;
  expectedProofValue: string;
};

const read = (name: string) => readFileSync(publicFixture('openbadges', 'signing-vector', name), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the 1EdTech OB 3.0 Data Integrity test vector', () => {
  it('is reproduced byte for byte by the signer Laurel signs credentials with', async () => {
    const vector = JSON.parse(read('vector.json')) as Vector;
    const signer = signerFor(
      {
        controller: vector.controller,
        ed25519: {
          keyId: vector.publicKeyMultibase,
          publicKeyMultibase: vector.publicKeyMultibase,
          secretKeyMultibase: vector.secretKeyMultibase,
        },
      },
      { date: vector.proofOptions.created },
    );
    expect(signer.verificationMethod).toBe(vector.verificationMethod);

    const documentCanon = await canonicalNQuads(vector.credential);
    expect(documentCanon).toBe(read('document-canon.txt'));
    expect(sha256(documentCanon)).toBe(vector.expectedDocumentHashHex);

    const signed = await signer.signDataIntegrity(vector.credential);
    const [proof] = signed.proof as Record<string, unknown>[];
    const { proofValue, ...options } = proof ?? {};
    expect(options).toEqual({ ...vector.proofOptions });
    const proofCanon = await canonicalNQuads({ '@context': vector.credential['@context'], ...options });
    expect(proofCanon).toBe(read('proof-canon.txt'));
    expect(sha256(proofCanon)).toBe(vector.expectedProofHashHex);
    expect(proofValue).toBe(vector.expectedProofValue);
  });
});
