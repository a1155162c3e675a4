import * as jose from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationReport } from '../types';
import { verifyBadge } from '../verify';
import {
  badgeCredential,
  ed25519Key,
  edDsaPrivateKey,
  type KeyHost,
  signJwt,
  startKeyHost,
} from './test-support';

let host: KeyHost;
beforeAll(async () => {
  host = await startKeyHost();
});
afterAll(() => host.close());

const now = new Date('2026-06-01T00:00:00Z');
const verify = (token: string) => verifyBadge({ kind: 'json', text: token }, { fetch: host.fetch, now });
const check = (report: VerificationReport, id: string) => report.checks.find((item) => item.id === id);

/** The token with its payload edited but the original signature kept. */
function tamper(token: string, edit: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  edit(decoded);
  return `${header}.${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`;
}

describe('OB 3.0 VC-JWT', () => {
  it('verifies RS256 with a kid in an https controller document, and refuses a tampered payload', async () => {
    const issuer = 'https://rsa.test/issuers/7';
    const { publicKey, privateKey } = await jose.generateKeyPair('RS256');
    const kid = `${issuer}#rsa-1`;
    host.documents.set(issuer, {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: issuer,
      verificationMethod: [
        { id: kid, type: 'JsonWebKey', controller: issuer, publicKeyJwk: await jose.exportJWK(publicKey) },
      ],
      assertionMethod: [kid],
    });
    const token = await signJwt(badgeCredential(issuer), { alg: 'RS256', key: privateKey, kid });
    const report = await verify(token);
    expect(report.checks.filter((item) => item.status !== 'pass' && item.status !== 'skip')).toEqual([]);
    expect(report.verdict).toBe('valid');
    expect(check(report, 'issuer-key')?.status).toBe('pass');

    const tampered = await verify(
      tamper(token, (payload) => {
        payload.name = 'Forged';
      }),
    );
    expect(tampered.verdict).toBe('invalid');
    expect(check(tampered, 'proof')?.label).toBe('The signature does not match');
  });

  it('verifies ES256 with a did:jwk issuer, resolved locally', async () => {
    const { publicKey, privateKey } = await jose.generateKeyPair('ES256');
    const did = `did:jwk:${Buffer.from(JSON.stringify(await jose.exportJWK(publicKey))).toString('base64url')}`;
    const token = await signJwt(badgeCredential(did), { alg: 'ES256', key: privateKey, kid: `${did}#0` });
    const report = await verify(token);
    expect(report.verdict).toBe('valid');
    expect(check(report, 'issuer-key')?.status).toBe('pass');
  });

  it('verifies EdDSA with a did:key kid, and refuses claims that disagree with the credential', async () => {
    const key = await ed25519Key();
    const privateKey = await edDsaPrivateKey(key);
    const did = String(key.controller);
    const credential = badgeCredential(did);
    const good = await signJwt(credential, { alg: 'EdDSA', key: privateKey, kid: key.id });
    expect((await verify(good)).verdict).toBe('valid');
    const mismatched = await signJwt(credential, {
      alg: 'EdDSA',
      key: privateKey,
      kid: key.id,
      claims: { jti: 'urn:uuid:another-credential' },
    });
    const report = await verify(mismatched);
    expect(report.verdict).toBe('invalid');
    expect(check(report, 'jwt-claims')?.detail).toMatch(/jti/);
  });

  it('could not check when the kid host cannot be reached', async () => {
    const { privateKey } = await jose.generateKeyPair('RS256');
    const issuer = 'https://offline.test/issuer';
    const token = await signJwt(badgeCredential(issuer), {
      alg: 'RS256',
      key: privateKey,
      kid: `${issuer}#k`,
    });
    const report = await verify(token);
    expect(report.verdict).toBe('unknown');
    expect(report.unreachable).toEqual(['offline.test']);
  });

  it('refuses a token whose header names no key', async () => {
    const { privateKey } = await jose.generateKeyPair('RS256');
    const token = await signJwt(badgeCredential('https://rsa.test/issuers/7'), {
      alg: 'RS256',
      key: privateKey,
    });
    const report = await verify(token);
    expect(report.verdict).toBe('invalid');
    expect(check(report, 'proof')?.detail).toMatch(/names no key/);
  });
});
