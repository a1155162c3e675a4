import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folder, isPrivateHost, stubWeb } from './test-support/real-world-web.conformance-support';
import type { CheckStatus, Verdict, VerificationReport, VerifyInput } from './types';
import { verifyBadge } from './verify';

/*
 * The 65 badges other platforms made (shared/fixtures/real-world-badges), verified the way /verify
 * would, with the web replaced by a stub: the DID documents and status list in _support/ are served
 * at the URLs SUPPORT.tsv names; every other host is down (so its badges could not be checked),
 * and private or loopback addresses are refused by the real address policy, as the safe fetcher does.
 */

const now = new Date('2026-12-10T00:00:00Z');

function inputFor(file: string): VerifyInput {
  const bytes = readFileSync(file);
  return /\.(png|svg)$/.test(file)
    ? { kind: 'file', bytes: new Uint8Array(bytes), filename: path.basename(file) }
    : { kind: 'json', text: bytes.toString('utf8') };
}

/** The verdict, the check that decides it and what that check must say. */
type Expected = { verdict: Verdict; check?: string; text?: RegExp };
const valid: Expected = { verdict: 'valid' };
const is = (verdict: Verdict, check: string, text: RegExp): Expected => ({ verdict, check, text });
const down = (host: string, check = 'fetched') =>
  is('unknown', check, new RegExp(`${host.replaceAll('.', '\\.')} could not be reached`));
const NOT_OB2 = is('invalid', 'context', /no @context, so it is not Open Badges 2\.0/);
const NO_BADGE = is('invalid', 'input', /has no Open Badge inside it/);
const LOCAL = is('invalid', 'fetched', /private or local network address/);
const NO_RECIPIENT = is('warning', 'recipient-named', /neither an id nor an identifier/);
const EXPIRED = is('invalid', 'expiry', /no longer current/);
const ED2018 = is('invalid', 'proof', /Ed25519Signature2018/);
const VC_11 = is('warning', 'type', /Verifiable Credentials 1\.1/);
const NO_NBF = is('warning', 'jwt-claims', /no nbf claim/);
const NOT_JWS = is('invalid', 'input', /neither a badge web address, a signed badge nor valid JSON/);

const EXPECTED: Record<string, Expected> = {
  // Hosted OB 2.0 badges are refetched from their host, which is down here: could not check.
  'ob2-baked-png/badgr-eu-interoperability.png': down('api.eu.badgr.io'),
  'ob2-baked-png/badgr-eu-software-developer.png': down('api.eu.badgr.io'),
  'ob2-baked-png/ims-validatorcore-baked-heart.png': down('example.org'),
  'ob2-baked-png/mozilla-backpack-tEXt-url.png': down('example.org'),
  'ob2-baked-png/obf-tEXt-url.png': down('openbadgefactory.com'),
  'ob2-json/badgr-eu-hosted-assertion.json': down('api.eu.badgr.io'),
  'ob2-json/badgr-test-embedded-badgeclass.json': down('a.com'),
  // Made on a developer's machine: hosted on localhost, which a public verifier refuses to fetch.
  'ob2-baked-png/edubadges-dev-localhost.png': LOCAL,
  'ob2-baked-svg/edubadges-dev-localhost.svg': LOCAL,
  // Open Badges 0.5 and 1.0 had no JSON-LD context.
  'ob2-baked-png/badgr-test-ob1-json.png': NOT_OB2,
  'ob2-baked-png/mozilla-badgekit-backpack-ob1.png': NOT_OB2,
  'ob2-baked-png/oregon-badge-alliance-ob1.png': NOT_OB2,
  'ob2-baked-svg/mozilla-bakery-minimal.svg': NOT_OB2,
  'ob2-json/codeschool-ob05-assertion.json': NOT_OB2,
  // Not badges at all, or broken.
  'ob2-baked-png/obf-salava-plain-png-no-badge.png': NO_BADGE,
  'ob2-baked-svg/badgr-svg-with-script-tags.svg': NO_BADGE,
  'ob2-baked-svg/cs-bakery-malformed-json.svg': is('invalid', 'input', /neither a badge web address/),

  // OB 3.0 JSON-LD. did:key issuers verify offline; signatures, dates and key owners are checked.
  // Signature holds, in the older VC 1.1 data model.
  'ob3-json/dcc-v1-di-obspecexample.json': VC_11,
  'ob3-json/jff-plugfest2-example.json': VC_11,
  'ob3-json/dcc-v1-ed2020-basic.json': VC_11,
  'ob3-json/dcc-v2-di-alignments.json': valid,
  'ob3-json/dcc-v2-di-identityhash-nonconformant.json': valid,
  'ob3-json/dcc-v2-di-obspecexample.json': valid,
  'ob3-json/dcc-v2-ed2020-basic.json': valid,
  'ob3-json/dcc-v2-ed2020-string-issuer.json': valid,
  'ob3-json/dcc-v2-endorsementcredential.json': valid,
  'ob3-json/dcc-v2-two-proofs.json': valid,
  // Signature holds, but nothing names the recipient (no credentialSubject id or identifier).
  'ob3-json/dcc-v2-di-issuer-without-id.json': NO_RECIPIENT,
  'ob3-json/dcc-v2-di-withschema.json': NO_RECIPIENT,
  // did:web key served from _support: verifies.
  'ob3-json/dcc-v2-ed2020-didweb.json': NO_RECIPIENT,
  'ob3-json/dcc-v2-ed2020-lcw-experience.json': is('warning', 'context', /context-3\.0\.2\.json/),
  // Revoked per their status list (served from _support): bit 8 is set.
  'ob3-json/dcc-v2-di-revoked.json': is('invalid', 'revoked', /revoked/i),
  'ob3-json/dcc-verifiercore-v2-revoked.json': is('invalid', 'revoked', /revoked/i),
  // Its status list is at an address nobody serves: whether it is revoked cannot be told.
  'ob3-json/dcc-verifiercore-v2-bad-status-url.json': down('raw.githubusercontent.com', 'revoked'),
  'ob3-json/dcc-v2-di-expired-with-status.json': EXPIRED,
  'ob3-json/dcc-v2-ed2020-expired.json': EXPIRED,
  'ob3-json/dcc-v2-di-notyetvalid.json': is('invalid', 'issued-date', /date still to come/),
  'ob3-json/dcc-v2-ed2020-tampered.json': is('invalid', 'proof', /changed after it was signed/),
  'ob3-json/dcc-v2-not-an-openbadge.json': is('invalid', 'type', /not an Open Badge/),
  'ob3-json/dcc-v1-di-old-dcc-context.json': is('invalid', 'type', /not an Open Badge/),
  // Signature holds (draft Bitstring status context, bundled); its status list is not served.
  'ob3-json/dcc-v1-di-statuslist-mit.json': down('digitalcredentials.github.io', 'revoked'),
  // Its proof names the issuer's did:key itself rather than one of its keys (and its terms are
  // not all defined by its contexts): refused.
  'ob3-json/digitalpromise-kqed-pbs-safemode-breaker.json': is('invalid', 'proof', /not a key/),
  // Ed25519Signature2018 predates OB 3.0: not a suite Laurel checks.
  'ob3-json/diwala-jff-plugfest2.json': ED2018,
  'ob3-json/jff-plugfest1-example.json': is('invalid', 'context', /Open Badges 3\.0 context/),
  'ob3-json/jff-plugfest3-example.json': ED2018,
  'ob3-json/mattr-jff-plugfest2.json': is('invalid', 'structure', /issuer has no type/),
  // Key hosts that are not in _support: could not check, naming the host.
  'ob3-json/dcc-v2-ed2020-baddidweb.json': down('digitalcredentials.github.io', 'proof'),
  'ob3-json/dcc-verifiercore-v2-didweb-multikey.json': down('digitalcredentials.github.io', 'proof'),
  'ob3-json/openeducationalbadges-ai-act.json': down('api.openbadges.education', 'proof'),
  'ob3-json/openeducationalbadges-competent-developer.json': down('api.openbadges.education', 'proof'),

  // VC-JWT.
  'ob3-jwt/waltid-jff-plugfest2.jwt': VC_11,
  'ob3-jwt/waltid-compliant-vcdm2.jwt': NO_NBF,
  'ob3-jwt/danube-uniissuer-jff-plugfest2.jwt': is('invalid', 'structure', /achievement has no id/),
  'ob3-jwt/spruce-jff-plugfest2-repaired.jwt': EXPIRED,
  'ob3-jwt/waltid-issued-jff-plugfest3.jwt': EXPIRED,
  'ob3-jwt/waltid-noncompliant-vcdm11.jwt': EXPIRED,
  'ob3-jwt/waltid-cli-sample-issuer-mismatch.jwt': is('invalid', 'jwt-claims', /iss is "did:key:/),
  'ob3-jwt/waltid-invalid-signature.jwt': is('invalid', 'proof', /changed after it was signed/),
  // The corrupt token lacks a dot; SD-JWT (with disclosures) is not an OB 3.0 format.
  'ob3-jwt/spruce-jff-plugfest2-corrupt.jwt': NOT_JWS,
  'ob3-jwt/waltid-w3c-sd-jwt.sd-jwt': NOT_JWS,

  // Baked OB 3.0 images: the credential inside is verified like pasted data.
  'ob3-baked/bake-dcc-ed2020-json.svg': valid,
  'ob3-baked/bake-dcc-eddsa-json.png': valid,
  'ob3-baked/bake-waltid-jwt.png': NO_NBF,
  'ob3-baked/bake-waltid-jwt.svg': NO_NBF,

  // CLR 2.0: the issuer's https key (example.edu) is not served, for the CLR and its credential.
  'clr/1edtech-clr2-test-vector.json': down('example.edu', 'proof'),
};

const DIRS = ['ob2-baked-png', 'ob2-baked-svg', 'ob2-json', 'ob3-baked', 'ob3-json', 'ob3-jwt', 'clr'];
const listed = (dir: string) => readdirSync(folder(dir)).map((name) => `${dir}/${name}`);
const decisive: Record<Verdict, CheckStatus | undefined> = {
  valid: undefined,
  warning: 'warn',
  invalid: 'fail',
  unknown: 'unknown',
};

function reasonOf(report: VerificationReport) {
  const status = decisive[report.verdict];
  return report.checks.find((check) => check.status === status);
}

describe('the 65 real-world badges, each with its verdict and why', () => {
  it('covers every file of the corpus', () => {
    const files = DIRS.flatMap(listed);
    expect(files).toHaveLength(65);
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (file, expected) => {
    const web = stubWeb();
    const started = performance.now();
    const report = await verifyBadge(inputFor(folder(file)), { fetch: web.fetch, now });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(report.checks.map((check) => check.id)).not.toContain('error');
    expect(report.verdict).toBe(expected.verdict);
    if (expected.check) {
      const reason = reasonOf(report);
      expect(reason?.id).toBe(expected.check);
      expect(reason?.detail).toMatch(expected.text ?? /./);
    }
    for (const url of web.served) expect(isPrivateHost(url)).toBe(false);
  });
});
