import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FetchError, type Fetcher } from '@/lib/net/types';
import { publicFixture } from '@/test/public-fixtures';
import type { Verdict, VerifyInput } from './types';
import { verifyBadge } from './verify';

/*
 * The 65 badges other platforms made (shared/fixtures/real-world-badges), verified the way
 * /verify would with every remote host unreachable: what a learner bringing each one is told
 * without the network. The OB 2.0 and older rows are decided here; the OB 3.0 and CLR rows pin
 * today's answer (a clear refusal, never a crash) until 3.0 verification lands.
 */

const folder = (...parts: string[]) => publicFixture('real-world-badges', ...parts);

/** Every remote host is down: the verifier's fetcher reports it as it would a DNS failure. */
const offline: Fetcher = async (url) => {
  throw new FetchError(`${new URL(url).host} could not be reached.`);
};

function inputFor(file: string): VerifyInput {
  const bytes = readFileSync(file);
  return /\.(png|svg)$/.test(file)
    ? { kind: 'file', bytes: new Uint8Array(bytes), filename: path.basename(file) }
    : { kind: 'json', text: bytes.toString('utf8') };
}

type Expected = { verdict: Verdict; check: string; text: RegExp };
const unreachable = (host: string): Expected => ({
  verdict: 'unknown',
  check: 'fetched',
  text: new RegExp(`${host.replaceAll('.', '\\.')} could not be reached`),
});
const NOT_OB2: Expected = {
  verdict: 'invalid',
  check: 'context',
  text: /no @context, so it is not Open Badges 2\.0/,
};
const NO_BADGE: Expected = { verdict: 'invalid', check: 'input', text: /has no Open Badge inside it/ };

/** The OB 0.5 – 2.0 files: each one's verdict and the check that says why. */
const OB2: Record<string, Expected> = {
  // Hosted badges (Badgr EU, OBF, the 1EdTech heart, Mozilla's tEXt URL) are refetched from their host.
  'ob2-baked-png/badgr-eu-interoperability.png': unreachable('api.eu.badgr.io'),
  'ob2-baked-png/badgr-eu-software-developer.png': unreachable('api.eu.badgr.io'),
  'ob2-baked-png/ims-validatorcore-baked-heart.png': unreachable('example.org'),
  'ob2-baked-png/mozilla-backpack-tEXt-url.png': unreachable('example.org'),
  'ob2-baked-png/obf-tEXt-url.png': unreachable('openbadgefactory.com'),
  'ob2-json/badgr-eu-hosted-assertion.json': unreachable('api.eu.badgr.io'),
  'ob2-json/badgr-test-embedded-badgeclass.json': unreachable('a.com'),
  // Made on a developer's machine: its host is localhost, never fetched by a public verifier.
  'ob2-baked-png/edubadges-dev-localhost.png': unreachable('localhost:8000'),
  'ob2-baked-svg/edubadges-dev-localhost.svg': unreachable('localhost:8000'),
  // Open Badges 0.5 and 1.0 had no JSON-LD context.
  'ob2-baked-png/badgr-test-ob1-json.png': NOT_OB2,
  'ob2-baked-png/mozilla-badgekit-backpack-ob1.png': NOT_OB2,
  'ob2-baked-png/oregon-badge-alliance-ob1.png': NOT_OB2,
  'ob2-baked-svg/mozilla-bakery-minimal.svg': NOT_OB2,
  'ob2-json/codeschool-ob05-assertion.json': NOT_OB2,
  // Not badges at all, or broken.
  'ob2-baked-png/obf-salava-plain-png-no-badge.png': NO_BADGE,
  'ob2-baked-svg/badgr-svg-with-script-tags.svg': NO_BADGE,
  'ob2-baked-svg/cs-bakery-malformed-json.svg': {
    verdict: 'invalid',
    check: 'input',
    text: /neither a badge web address, a signed badge nor valid JSON/,
  },
};

const NEWER = ['ob3-baked', 'ob3-json', 'ob3-jwt', 'clr'];
const listed = (dir: string) => readdirSync(folder(dir)).map((name) => `${dir}/${name}`);

describe('real-world Open Badges 0.5–2.0, offline', () => {
  it('covers every OB 2.0 file of the corpus', () => {
    const files = ['ob2-baked-png', 'ob2-baked-svg', 'ob2-json'].flatMap(listed);
    expect(files.sort()).toEqual(Object.keys(OB2).sort());
  });

  it.each(Object.entries(OB2))('%s', async (file, expected) => {
    const report = await verifyBadge(inputFor(folder(file)), { fetch: offline });
    expect(report.verdict).toBe(expected.verdict);
    const reason = report.checks.find((check) => check.status === 'fail' || check.status === 'unknown');
    expect(reason?.id).toBe(expected.check);
    expect(reason?.detail).toMatch(expected.text);
    expect(report.checks.map((check) => check.id)).not.toContain('error');
  });
});

describe('real-world Open Badges 3.0 and CLR files', () => {
  const files = NEWER.flatMap(listed);

  it('holds the 48 newer credentials', () => {
    expect(files).toHaveLength(48);
  });

  it.each(files)('%s gets a clear answer, not an error', async (file) => {
    const started = performance.now();
    const report = await verifyBadge(inputFor(folder(file)), { fetch: offline });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(report.verdict).toBe('invalid');
    expect(report.checks.map((check) => check.id)).not.toContain('error');
    const reason = report.checks.find((check) => check.status === 'fail');
    expect(reason?.detail.length).toBeGreaterThan(20);
  });
});
