import { describe, expect, it } from 'vitest';
import { unreachableError } from '@/lib/net/types';
import { OB_CONTEXT, VC_V2_CONTEXT } from '@/lib/openbadges/vc/contexts';
import { verifyBadge } from '../verify';
import { badgeCredential, ed25519Key, edDsaPrivateKey, signDataIntegrity, signJwt } from './test-support';

const offline = async (url: string) => {
  throw unreachableError(`${new URL(url).host} could not be reached`);
};

describe('CLR 2.0', () => {
  it('verifies the outer credential and each included one, saying which included one fails', async () => {
    const key = await ed25519Key();
    const issuer = String(key.controller);
    const first = await signDataIntegrity(badgeCredential(issuer, { name: 'Teamwork' }), key);
    const second = await signDataIntegrity(badgeCredential(issuer, { name: 'Leadership' }), key);
    const tampered = { ...second, validFrom: '2024-01-01T00:00:00Z' };
    // The outer credential is a VC-JWT: no CLR 2.0 JSON-LD context is bundled to sign it as JSON-LD.
    const clr = await signJwt(
      {
        '@context': [VC_V2_CONTEXT, OB_CONTEXT],
        id: 'urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
        type: ['VerifiableCredential', 'ClrCredential'],
        issuer: { id: issuer, type: ['Profile'], name: 'Test Academy' },
        validFrom: '2025-01-01T00:00:00Z',
        name: 'Transcript',
        credentialSubject: {
          id: 'did:example:learner',
          type: ['ClrSubject'],
          verifiableCredential: [first, tampered],
        },
      },
      { alg: 'EdDSA', key: await edDsaPrivateKey(key), kid: key.id },
    );
    const report = await verifyBadge(
      { kind: 'json', text: clr },
      { fetch: offline, now: new Date('2026-06-01T00:00:00Z') },
    );
    const byId = new Map(report.checks.map((check) => [check.id, check]));
    expect(byId.get('proof')?.status).toBe('pass');
    expect(byId.get('nested-1')?.status).toBe('pass');
    expect(byId.get('nested-2')).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/changed after it was signed/),
    });
    expect(byId.get('nested-2')?.label).toMatch(/Leadership/);
    expect(report.verdict).toBe('invalid');
  });

  it('says a JSON-LD CLR could not be checked, not that it is invalid, when its context is not bundled', async () => {
    const key = await ed25519Key();
    const issuer = String(key.controller);
    const included = await signDataIntegrity(badgeCredential(issuer), key);
    const clr = {
      '@context': [VC_V2_CONTEXT, 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', OB_CONTEXT],
      id: 'urn:uuid:1c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: issuer, type: ['Profile'], name: 'Test Academy' },
      validFrom: '2025-01-01T00:00:00Z',
      name: 'Transcript',
      credentialSubject: {
        id: 'did:example:learner',
        type: ['ClrSubject'],
        verifiableCredential: [included],
      },
      proof: [{ ...(included.proof as Record<string, unknown>[])[0] }],
    };
    const report = await verifyBadge(
      { kind: 'json', text: JSON.stringify(clr) },
      { fetch: offline, now: new Date('2026-06-01T00:00:00Z') },
    );
    const byId = new Map(report.checks.map((check) => [check.id, check]));
    expect(byId.get('proof')).toMatchObject({
      status: 'unknown',
      detail: expect.stringContaining('clr/v2p0'),
    });
    expect(byId.get('nested-1')?.status).toBe('pass');
    expect(report.verdict).toBe('unknown');
  });
});
