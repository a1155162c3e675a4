import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Fetcher, unreachableError } from '@/lib/net/types';
import { publicFixture } from '@/test/conformance/public-fixtures';
import type { Verdict, VerificationReport, VerifyInput } from './types';
import { verifyBadge } from './verify';

/*
 * The 1EdTech OB 3.0 conformance fixtures (shared/fixtures/openbadges/ob30) and the verdicts its
 * README gives them. Their https issuers (example.com, 1edtech.edu…) are stubbed as the issuer's
 * site would answer: a controller document listing the key the proof names, and an empty 1EdTech
 * revocation list where one is named. Other hosts are down.
 */

const fixture = (name: string) => publicFixture('openbadges', 'ob30', name);

const KEY_REFERENCE =
  /"verificationMethod":\s*"((?:https:\/\/|did:web:)[^"#]+)#(z6Mk[1-9A-HJ-NP-Za-km-z]+)"/g;

/** Where a did:web's DID document lives: did:web:host:a:b → https://host/a/b/did.json. */
function didWebDocumentUrl(did: string): string {
  const [host = '', ...segments] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  return `https://${host}/${segments.length > 0 ? segments.join('/') : '.well-known'}/did.json`;
}

/**
 * The issuer's site for one credential: the keys its proofs name, each under its controller (an
 * https address or a did:web), and the 1EdTech revocation list it names, listing `revoked`.
 */
function issuerSite(text: string, revoked: string[] = []): Fetcher {
  const documents = new Map<string, unknown>();
  for (const [, controller = '', key = ''] of text.matchAll(KEY_REFERENCE)) {
    const url = controller.startsWith('did:web:') ? didWebDocumentUrl(controller) : controller;
    documents.set(url, {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: controller,
      verificationMethod: [
        { id: `${controller}#${key}`, type: 'Multikey', controller, publicKeyMultibase: key },
      ],
      assertionMethod: [`${controller}#${key}`],
    });
  }
  for (const [, list = ''] of text.matchAll(
    /"id":\s*"(https:\/\/[^"]+)",\s*"type":\s*"1EdTechRevocationList"/g,
  )) {
    const revokedCredential = revoked.map((id) => ({ id, revoked: true }));
    documents.set(list, { id: list, type: '1EdTechRevocationList', revokedCredential });
  }
  return servedFrom(documents);
}

function servedFrom(documents: ReadonlyMap<string, unknown>): Fetcher {
  return async (url) => {
    const document = documents.get(url.split('#')[0] ?? url);
    if (!document) throw unreachableError(`${new URL(url).host} could not be reached (DNS lookup failed)`);
    const body = new TextEncoder().encode(JSON.stringify(document));
    return { url, finalUrl: url, redirected: false, status: 200, contentType: 'application/json', body };
  };
}

type Expected = [Verdict, string?, RegExp?];
const SAFE_MODE = /@context does not define/;

const EXPECTED: Record<string, Expected> = {
  'simple.json': ['valid'],
  'simple.1ob': ['valid'],
  'simple-json.png': ['valid'],
  'simple-json.svg': ['valid'],
  'simple-context-alias.json': ['valid'],
  'simple-did-web-method.json': ['valid'],
  'complete.json': ['valid'],
  'endorsement-valid.json': ['valid'],
  'simple_v1.json': ['warning', 'type', /Verifiable Credentials 1\.1/],
  'simple-context-version.json': ['warning', 'context', /context-3\.0\.2\.json/],
  // The embedded jwk is not tied to the issuer, and the token has no sub claim: warnings.
  'simple-jwt.png': ['warning', 'issuer-key', /key carried in the token/],
  'simple-jwt.svg': ['warning', 'issuer-key', /key carried in the token/],
  'simple-jwt_v1.png': ['warning', 'type', /Verifiable Credentials 1\.1/],
  'simple-jwt_v1.svg': ['warning', 'type', /Verifiable Credentials 1\.1/],
  'simple.jwt': ['invalid', 'context', /Open Badges 3\.0 context/],
  'velocity.jwt': ['invalid', 'proof', /did:velocity/],
  'simple-err-type.json': ['invalid', 'type', /not an Open Badge/],
  'simple-err-proof-method.json': ['invalid', 'proof', /32-byte/],
  'simple-err-proof-method-no-scheme.json': ['invalid', 'proof', /neither a context Laurel bundles/],
  'simple-err-proof-method-unknown-scheme.json': ['invalid', 'proof', /neither a context Laurel bundles/],
  'simple-err-proof-method-unknown-did-method.json': ['invalid', 'proof', /could not be found/],
  'simple-err-proof-value.json': ['invalid', 'proof', /changed after it was signed/],
  'simple-err-expired.json': ['invalid', 'expiry', /no longer current/],
  'simple-err-issued.json': ['invalid', 'structure', /no achievement/],
  'simple-err-context.json': ['invalid', 'context', /first @context must be/],
  'simple-err-issuer.json': ['invalid', 'structure', /names no issuer id/],
  'simple-err-credential-subject-type.json': ['invalid', 'structure', /InvalidAchievementSubject/],
  'simple-err-credential-subject-result-type.json': ['invalid', 'structure', /InvalidResult/],
  'simple-err-credential-subject-identifier-type.json': ['invalid', 'structure', /InvalidIdentityObject/],
  'simple-err-credential-subject-profile-type.json': ['invalid', 'structure', /InvalidProfile/],
  'simple-err-credential-subject-achievement-result-description-type.json': [
    'invalid',
    'structure',
    /InvalidResultDescription/,
  ],
  'simple-err-evidence-type.json': ['invalid', 'structure', /InvalidEvidence/],
  'simple-err-issuer-type.json': ['invalid', 'structure', /issuer has type/],
  'simple-err-issuer-parentorg-type.json': ['invalid', 'structure', /parentOrg/],
  'simple-err-issuer-otheridentifier-type.json': ['invalid', 'structure', /InvalidIdentifierEntry/],
  'simple-multiple-proofs.json': ['invalid', 'proof', /SomeProofType/],
  'simple-noproof.json': ['invalid', 'structure', /no achievement/],
  // The signing did:key is not the issuer (README: "should at least warn"); the key is refused.
  'simple-did-key-method.json': ['invalid', 'proof'],
  // A deprecated suite whose signature still holds: a warning.
  'simple-eddsa-2022.json': ['warning', 'proof', /eddsa-2022 is deprecated/],
  // Its did:web key and its 1EdTech revocation list are served; the list names it.
  'credential-status-revoked.json': ['invalid', 'revoked', /revocation list \(dc\.1edtech\.org\)/],
  'endorsement-err-schema-status-refresh.json': ['invalid', 'proof', /changed after it was signed/],
  'complete_v1.json': ['invalid', 'proof', SAFE_MODE],
};

function inputFor(name: string): VerifyInput {
  const bytes = readFileSync(fixture(name));
  return /\.(png|svg)$/.test(name)
    ? { kind: 'file', bytes: new Uint8Array(bytes), filename: name }
    : { kind: 'json', text: bytes.toString('utf8') };
}

describe('1EdTech OB 3.0 fixtures', () => {
  it('covers every credential file', () => {
    const files = readdirSync(fixture('.')).filter((name) => /\.(json|jwt|png|svg|1ob)$/.test(name));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, [verdict, check, text]) => {
    const source = readFileSync(fixture(name), 'latin1');
    const revoked = name === 'credential-status-revoked.json' ? [JSON.parse(source).id] : [];
    const report = await verifyBadge(inputFor(name), {
      fetch: issuerSite(source, revoked),
      now: new Date('2026-12-10T00:00:00Z'),
    });
    expect(report.verdict).toBe(verdict);
    if (check) expectReason(report, verdict, check, text);
  });
});

/** The check that decides the verdict says so, in words matching `text`. */
function expectReason(report: VerificationReport, verdict: Verdict, check: string, text?: RegExp) {
  const status = { valid: 'pass', warning: 'warn', invalid: 'fail', unknown: 'unknown' }[verdict];
  const reason = report.checks.find((item) => item.id === check);
  expect(reason?.status).toBe(status);
  if (text) expect(reason?.detail).toMatch(text);
}

/*
 * bit-string-list/: two credentials pointing at index 23 of a BitstringStatusList served at the
 * 1EdTech validator's address; the list (signed by the same https issuer) has that bit set.
 */
describe('1EdTech OB 3.0 BitstringStatusList fixtures', () => {
  const LIST_URL =
    'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist';

  it.each(['credential-status-revoked.json', 'credential-status-revoked-blank-nodes.json'])(
    '%s is revoked',
    async (name) => {
      const source = readFileSync(fixture(`bit-string-list/${name}`), 'utf8');
      const list = readFileSync(fixture('bit-string-list/testlist'), 'utf8');
      const site = issuerSite(source);
      const fetch: Fetcher = (url, options) =>
        url === LIST_URL ? servedFrom(new Map([[url, JSON.parse(list)]]))(url, options) : site(url, options);
      const report = await verifyBadge(
        { kind: 'json', text: source },
        { fetch, now: new Date('2026-12-10T00:00:00Z') },
      );
      expect(report.verdict).toBe('invalid');
      expectReason(report, 'invalid', 'revoked', /revoked/i);
      expect(report.checks.find((item) => item.id === 'proof')?.status).toBe('pass');
    },
  );
});
