import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHash } from '@/lib/openbadges/ob2/identity';
import type { VerificationReport } from '../types';
import { verifyBadge } from '../verify';
import {
  badgeCredential,
  controllerDocument,
  ed25519Key,
  type KeyHost,
  signDataIntegrity,
  signEd25519Signature2020,
  signLegacyDataIntegrity,
  startKeyHost,
} from './test-support';

let host: KeyHost;
beforeAll(async () => {
  host = await startKeyHost();
});
afterAll(() => host.close());

const now = new Date('2026-06-01T00:00:00Z');
const verify = (credential: unknown, expectedRecipient?: string) =>
  verifyBadge(
    { kind: 'json', text: JSON.stringify(credential) },
    { fetch: host.fetch, now, expectedRecipient },
  );
const statusOf = (report: VerificationReport, id: string) =>
  report.checks.find((check) => check.id === id)?.status;

describe('OB 3.0 credentials with an embedded Data Integrity proof', () => {
  it('verifies an eddsa-rdfc-2022 credential signed by a did:key issuer, offline', async () => {
    const key = await ed25519Key();
    const signed = await signDataIntegrity(badgeCredential(String(key.controller)), key);
    const report = await verify(signed);
    expect(report.verdict).toBe('valid');
    expect(statusOf(report, 'proof')).toBe('pass');
    expect(statusOf(report, 'issuer-key')).toBe('pass');
    expect(report.badge?.name).toBe('Teamwork');
    expect(host.requested).toEqual([]);
  });

  it('refuses a tampered copy: the signature no longer matches', async () => {
    const key = await ed25519Key();
    const signed = await signDataIntegrity(badgeCredential(String(key.controller)), key);
    const report = await verify({ ...signed, name: 'Leadership' });
    expect(report.verdict).toBe('invalid');
    expect(report.checks.find((check) => check.id === 'proof')?.detail).toMatch(
      /changed after it was signed/,
    );
  });

  it('says an expired credential and a not yet valid one are not verified', async () => {
    const key = await ed25519Key();
    const issuer = String(key.controller);
    const expired = await signDataIntegrity(
      badgeCredential(issuer, { validUntil: '2026-01-01T00:00:00Z' }),
      key,
    );
    const early = await signDataIntegrity(
      badgeCredential(issuer, { validFrom: '2027-01-01T00:00:00Z' }),
      key,
    );
    const expiredReport = await verify(expired);
    expect(expiredReport.verdict).toBe('invalid');
    expect(statusOf(expiredReport, 'expiry')).toBe('fail');
    expect(statusOf(expiredReport, 'proof')).toBe('pass');
    const earlyReport = await verify(early);
    expect(earlyReport.verdict).toBe('invalid');
    expect(earlyReport.checks.find((check) => check.id === 'issued-date')?.label).toMatch(/Not valid until/);
  });

  it('fetches an https issuer key from its controller document, through the given fetcher', async () => {
    const issuer = 'https://academy.test/issuers/1';
    const key = await ed25519Key(issuer);
    host.documents.set(issuer, await controllerDocument(issuer, key));
    const signed = await signDataIntegrity(badgeCredential(issuer), key);
    host.requested.length = 0;
    const report = await verify(signed);
    expect(report.verdict).toBe('valid');
    expect(statusOf(report, 'issuer-key')).toBe('pass');
    expect(host.requested).toEqual([issuer]);
  });

  it('could not check, naming the host, when the key host cannot be reached; never invalid', async () => {
    const issuer = 'https://down.test/issuers/1';
    const key = await ed25519Key(issuer);
    const signed = await signDataIntegrity(badgeCredential(issuer), key);
    const report = await verify(signed);
    expect(report.verdict).toBe('unknown');
    expect(report.unreachable).toEqual(['down.test']);
    expect(statusOf(report, 'proof')).toBe('unknown');
  });

  it('refuses a credential signed by a key that is not the issuer’s', async () => {
    const key = await ed25519Key();
    const signed = await signDataIntegrity(badgeCredential('https://academy.test/issuers/1'), key);
    const report = await verify(signed);
    expect(statusOf(report, 'proof')).toBe('pass');
    expect(statusOf(report, 'issuer-key')).toBe('fail');
    expect(report.verdict).toBe('invalid');
  });

  it('verifies a VC 1.1 credential signed with Ed25519Signature2020', async () => {
    const signed = await signEd25519Signature2020();
    const report = await verify(signed);
    expect(report.checks.filter((check) => check.status === 'fail')).toEqual([]);
    expect(statusOf(report, 'proof')).toBe('pass');
    expect(report.verdict).toBe('warning');
    expect(report.checks.find((check) => check.id === 'type')?.detail).toMatch(/Verifiable Credentials 1\.1/);
    const tampered = await verify({ ...signed, name: 'Edited' });
    expect(tampered.verdict).toBe('invalid');
  });

  it.each([
    ['eddsa-2022', 'warn'],
    ['eddsa-rdfc-2022', 'pass'],
  ] as const)(
    'verifies a VC 1.1 credential with an %s proof under the data-integrity v1 context',
    async (suite, proofStatus) => {
      const signed = await signLegacyDataIntegrity(suite);
      const report = await verify(signed);
      expect(report.checks.filter((check) => check.status === 'fail')).toEqual([]);
      expect(statusOf(report, 'proof')).toBe(proofStatus);
      expect(report.verdict).toBe('warning');
      const tampered = await verify({ ...signed, name: 'Edited' });
      expect(statusOf(tampered, 'proof')).toBe('fail');
    },
  );

  it('names the mistake when a proof gives a bare DID instead of one of its keys', async () => {
    const key = await ed25519Key();
    const signed = await signDataIntegrity(badgeCredential(String(key.controller)), key);
    const [proof] = signed.proof as Record<string, unknown>[];
    const report = await verify({ ...signed, proof: [{ ...proof, verificationMethod: key.controller }] });
    expect(report.verdict).toBe('invalid');
    const check = report.checks.find((item) => item.id === 'proof');
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain(`${key.controller}#…`);
  });

  it('compares a hashed email recipient when the visitor gives an address', async () => {
    const key = await ed25519Key();
    const subject = {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          hashed: true,
          identityHash: identityHash('ada@example.org', 'pepper'),
          identityType: 'emailAddress',
          salt: 'pepper',
        },
      ],
      achievement: (badgeCredential('x').credentialSubject as { achievement: unknown }).achievement,
    };
    const signed = await signDataIntegrity(
      badgeCredential(String(key.controller), { credentialSubject: subject }),
      key,
    );
    expect(statusOf(await verify(signed, 'ada@example.org'), 'recipient')).toBe('pass');
    const other = await verify(signed, 'bob@example.org');
    expect(statusOf(other, 'recipient')).toBe('fail');
    expect(other.verdict).toBe('invalid');
  });

  it('says so when a verifiable credential is not an Open Badge', async () => {
    const key = await ed25519Key();
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:6a1c1f2e-0000-4000-8000-000000000001',
      type: ['VerifiableCredential'],
      issuer: String(key.controller),
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:someone' },
    };
    const report = await verify(await signDataIntegrity(credential, key));
    expect(report.verdict).toBe('invalid');
    expect(report.checks.find((check) => check.id === 'type')?.label).toBe('Not an Open Badge');
    expect(statusOf(report, 'proof')).toBe('pass');
  });
});
