import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FixtureServer,
  ob20Fixture,
  type Route,
  serveAtId,
  startFixtureServer,
} from './test-support/ob20-server.conformance-support';
import type { Verdict, VerifyInput } from './types';
import { verifyBadge } from './verify';

/*
 * The OB 2.0 rows of shared/fixtures/openbadges/README.md: the 1EdTech reference validator's own
 * test resources and verdicts. Hosted assertions are refetched from their id, so each hosted
 * fixture is also served at its id (several share one id, hence per-test routes).
 */

type Row = {
  file: string;
  verdict: Verdict;
  /** The check that carries the reason, and words its detail or label must contain. */
  because?: { id: string; text?: RegExp };
  isHosted?: boolean;
  routes?: Record<string, Route>;
};

const hosted = (file: string, verdict: Verdict, because?: Row['because']): Row => ({
  file,
  verdict,
  because,
  isHosted: true,
});

const rows: Row[] = [
  hosted('basic-assertion.json', 'valid'),
  {
    file: 'simple-badge.png',
    verdict: 'valid',
    routes: {
      'https://example.org/beths-robotics-badge.json': { file: ob20Fixture('basic-assertion.json') },
    },
  },
  { file: 'assets/badgeclass1.json', verdict: 'valid' },
  hosted('basic-assertion-invalid-context.json', 'invalid', { id: 'context', text: /@context/ }),
  hosted('basic-assertion-invalid-type.json', 'invalid', { id: 'type', text: /OtherAssertion/ }),
  { file: 'simple.jwt', verdict: 'valid' },
  { file: 'simple-not-revoked.jwt', verdict: 'valid' },
  {
    file: 'simple-revoked.jwt',
    verdict: 'invalid',
    because: { id: 'revoked', text: /revocation list.*A good reason, for sure/ },
  },
  { file: 'assets/badge-with-data-image.json', verdict: 'valid' },
  hosted('assertion-with-data-image.json', 'invalid', { id: 'structure', text: /image .*data: URI/ }),
  { file: 'assets/badgeclass-with-complex-image.json', verdict: 'valid' },
  hosted('assertion-with-endorsements.json', 'valid'),
  hosted('basic-assertion-no-public-key.json', 'valid'),
  { file: 'issuer-compact-iri-validation.json', verdict: 'valid' },
  ...[
    'alignment-object',
    'badge-class-empty-criteria-type',
    'badge-class',
    'cool-class',
    'issuer-extension',
  ].map((name): Row => ({ file: `rdf-validation/valid-${name}.json`, verdict: 'valid' })),
  ...['class', 'empty-type', 'one-invalid-class'].map(
    (name): Row => ({
      file: `rdf-validation/invalid-${name}.json`,
      verdict: 'invalid',
      because: { id: 'type' },
    }),
  ),
  {
    file: 'rdf-validation/badge-class-invalid-issuer-type.json',
    verdict: 'invalid',
    because: { id: 'issuer', text: /Criteria/ },
  },
  hosted('basic-assertion-with-allowed-origins.json', 'valid'),
  hosted('basic-assertion-with-allowed-origins-valid-starts-with.json', 'valid'),
  hosted('basic-assertion-with-allowed-origins-valid-multiple-starts-with.json', 'valid'),
  hosted('basic-assertion-with-allowed-origins-invalid-starts-with.json', 'invalid', {
    id: 'issuer-scope',
    text: /starting with/,
  }),
  hosted('basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json', 'invalid', {
    id: 'issuer-scope',
  }),
  hosted('basic-assertion-expired.json', 'invalid', { id: 'expiry', text: /Expired on 15 November 2022/ }),
  hosted('basic-assertion-expired-before-issued.json', 'invalid', {
    id: 'expiry',
    text: /before it was issued/,
  }),
  hosted('basic-assertion-in-future.json', 'invalid', { id: 'issued-date', text: /future/ }),
  hosted('basic-assertion-with-language.json', 'valid'),
  { file: 'badge-class-with-language.json', verdict: 'valid' },
  hosted('assertion-with-extension-node-basic.json', 'valid'),
  hosted('assertion-with-multiple-extensions.json', 'valid'),
  hosted('assertion-with-extension-node-invalid.json', 'invalid', {
    id: 'extension',
    text: /obi:extensions\/#ExampleExtension/,
  }),
  {
    ...hosted('warning-with-redirection.json', 'warning', { id: 'redirected', text: /altbadgeurl\.json/ }),
    // The badge class link answers with a redirect to where the class really lives (its declared id).
    routes: {
      'http://example.org/altbadgeurl.json': { redirect: 'https://example.org/robotics-badge.json' },
    },
  },
  hosted('warning-issuer-non-http.json', 'warning', { id: 'issuer-id', text: /urn:uuid/ }),
];

function inputFor(file: string): VerifyInput {
  const full = ob20Fixture(file);
  if (file.endsWith('.png'))
    return { kind: 'file', bytes: readFileSync(full), filename: path.basename(file) };
  return { kind: 'json', text: readFileSync(full, 'utf8') };
}

// The fixtures were issued in 2016-2022 and one expires in 2022: check them as of mid-2024.
const now = new Date('2024-06-01T00:00:00Z');
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => server.routes.clear());

describe('OB 2.0 reference fixtures', () => {
  it.each(rows)('$file is $verdict', async (row) => {
    if (row.isHosted) serveAtId(server, row.file);
    for (const [url, route] of Object.entries(row.routes ?? {})) server.routes.set(url, route);

    const report = await verifyBadge(inputFor(row.file), { fetch: server.fetch, now });

    const summary = report.checks.map(
      (check) => `${check.status} ${check.id}: ${check.label} — ${check.detail}`,
    );
    expect(report.verdict, summary.join('\n')).toBe(row.verdict);
    if (row.because) {
      const reason = report.checks.find((check) => check.id === row.because?.id);
      expect(reason?.status, summary.join('\n')).toBe(row.verdict === 'warning' ? 'warn' : 'fail');
      if (row.because.text) expect(`${reason?.label} ${reason?.detail}`).toMatch(row.because.text);
    }
  });

  it('describes a verified badge for display', async () => {
    serveAtId(server, 'basic-assertion.json');
    const report = await verifyBadge(inputFor('basic-assertion.json'), { fetch: server.fetch, now });
    expect(report.badge).toEqual({
      assertionId: 'https://example.org/beths-robotics-badge.json',
      name: 'Awesome Robotics Badge',
      description: 'For doing awesome things with robots that people think is pretty great.',
      image: 'https://example.org/beths-robot-badge.png',
      issuerName: 'An Example Badge Issuer',
      issuerUrl: 'https://example.org',
      issuedOn: '2016-12-31T23:59:59Z',
    });
    expect(report.checks.find((check) => check.id === 'issuer-scope')?.label).toBe(
      'Issued by An Example Badge Issuer, who hosts this badge at example.org',
    );
  });

  it('checks the README recipient of basic-assertion.json', async () => {
    serveAtId(server, 'basic-assertion.json');
    const check = async (expectedRecipient: string) => {
      const report = await verifyBadge(inputFor('basic-assertion.json'), {
        fetch: server.fetch,
        now,
        expectedRecipient,
      });
      return report.checks.find((item) => item.id === 'recipient')?.status;
    };
    expect(await check('nobody@example.org')).toBe('pass');
    expect(await check('Nobody@Example.org')).toBe('pass');
    expect(await check('somebody@example.org')).toBe('fail');
  });
});
