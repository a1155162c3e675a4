import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';
import { E2E } from './support/env';
import { awardBadge, bearer, emailsTo, fixtures, linkIn, uniqueEmail, waitForEmail } from './support/helpers';

type Problem = {
  status: number;
  title: string;
  detail: string;
  errors?: { field: string; messages: string[] }[];
};
type Award = {
  id: string;
  state: string;
  templateId: string;
  recipient: { email: string; name: string };
  issuedAt: string;
  expiresAt: string | null;
  evidence: { url?: string; narrative?: string }[];
  publicUrl: string;
};

const DAY_MS = 86_400_000;
const awardedSubject = /You've earned the .* badge from /;

function postAward(
  request: APIRequestContext,
  input: { key: string; body: unknown; idempotencyKey?: string },
) {
  return request.post('/api/v1/awards', {
    headers: {
      ...bearer(input.key),
      ...(input.idempotencyKey ? { 'Idempotency-Key': input.idempotencyKey } : {}),
    },
    data: input.body,
  });
}

function validBody(email: string, overrides: Record<string, unknown> = {}) {
  return { templateId: fixtures().labs.templateId, recipient: { email, name: 'Sam Learner' }, ...overrides };
}

async function expectProblem(response: APIResponse, status: number): Promise<Problem> {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  const body = (await response.json()) as Problem;
  expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  return body;
}

/** Long enough for the outbox to have delivered anything a request wrongly queued. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));

test.describe('awarding a badge', () => {
  test('creates a pending award, answers with where it lives, and emails the learner once', async ({
    request,
  }) => {
    const { labs } = fixtures();
    const email = uniqueEmail('created');
    const response = await postAward(request, { key: labs.apiKey, body: validBody(email.toUpperCase()) });

    expect(response.status()).toBe(201);
    const award = (await response.json()) as Award;
    expect(award).toMatchObject({
      state: 'pending',
      templateId: labs.templateId,
      recipient: { email, name: 'Sam Learner' },
      evidence: [],
    });
    expect(award.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(award.issuedAt) - Date.now())).toBeLessThan(60_000);
    expect(Date.parse(award.expiresAt ?? '') - Date.parse(award.issuedAt)).toBe(365 * DAY_MS);
    expect(award.publicUrl).toBe(`${E2E.main.url}/badges/${award.id}`);
    expect(response.headers().location).toBe(`/api/v1/awards/${award.id}`);

    const fetched = await request.get(response.headers().location ?? '', { headers: bearer(labs.apiKey) });
    expect(await fetched.json()).toEqual(award);

    const message = await waitForEmail(request, email, awardedSubject);
    expect(message.subject).toBe(`You've earned the ${labs.templateName} badge from ${labs.name}`);
    expect(message.html).toContain('/claim/');
    expect(linkIn(message, '/claim/')).toMatch(new RegExp(`^${E2E.main.url}/claim/\\S+$`));
    expect(await emailsTo(request, email)).toHaveLength(1);
  });

  test('echoes an explicit issue date, expiry and evidence', async ({ request }) => {
    const { labs } = fixtures();
    const evidence = [
      { url: 'https://labs.example/work/42', narrative: 'Built and documented a home router.' },
      { narrative: 'Passed the practical with 91%.' },
    ];
    const body = validBody(uniqueEmail('explicit'), {
      issuedAt: '2025-01-15T11:30:00+02:00',
      expiresAt: '2027-01-15T09:30:00Z',
      evidence,
    });
    const response = await postAward(request, { key: labs.apiKey, body });

    expect(response.status()).toBe(201);
    const award = (await response.json()) as Award;
    expect(award.issuedAt).toBe('2025-01-15T09:30:00.000Z');
    expect(award.expiresAt).toBe('2027-01-15T09:30:00.000Z');
    expect(award.evidence).toEqual(evidence);
    const fetched = await request.get(`/api/v1/awards/${award.id}`, { headers: bearer(labs.apiKey) });
    expect(await fetched.json()).toMatchObject({
      issuedAt: award.issuedAt,
      expiresAt: award.expiresAt,
      evidence,
    });
  });
});

test.describe('Idempotency-Key', () => {
  test('a retry returns the first award without a second email; a different body is 422', async ({
    request,
  }) => {
    const { labs } = fixtures();
    const email = uniqueEmail('retry');
    const idempotencyKey = randomUUID();
    const first = await postAward(request, { key: labs.apiKey, body: validBody(email), idempotencyKey });
    expect(first.status()).toBe(201);
    expect(first.headers()['idempotent-replayed']).toBeUndefined();
    const { id } = (await first.json()) as Award;

    const retry = await postAward(request, { key: labs.apiKey, body: validBody(email), idempotencyKey });
    expect(retry.status()).toBe(201);
    expect(retry.headers()['idempotent-replayed']).toBe('true');
    expect(((await retry.json()) as Award).id).toBe(id);

    const changed = validBody(email, { recipient: { email, name: 'Someone Else' } });
    const reused = await postAward(request, { key: labs.apiKey, body: changed, idempotencyKey });
    expect((await expectProblem(reused, 422)).detail).toMatch(/Idempotency-Key/);

    await waitForEmail(request, email, awardedSubject);
    await settle();
    expect(await emailsTo(request, email)).toHaveLength(1);
  });

  test('simultaneous retries create one award and one email; the ones still waiting get 409', async ({
    request,
  }) => {
    const { labs } = fixtures();
    const email = uniqueEmail('burst');
    const idempotencyKey = randomUUID();
    const send = () => postAward(request, { key: labs.apiKey, body: validBody(email), idempotencyKey });
    const burst = await Promise.all([send(), send(), send()]);

    const responses: APIResponse[] = [];
    for (const response of burst) {
      if (response.status() !== 409) {
        responses.push(response);
        continue;
      }
      // The first request was still running: come back when Retry-After says.
      await expectProblem(response, 409);
      expect(Number(response.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers()['retry-after']) * 1000));
      responses.push(await send());
    }
    expect(responses.map((r) => r.status())).toEqual([201, 201, 201]);
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as Award).id));
    expect(new Set(ids).size).toBe(1);
    expect(responses.filter((r) => !r.headers()['idempotent-replayed'])).toHaveLength(1);
    await waitForEmail(request, email, awardedSubject);
    await settle();
    expect(await emailsTo(request, email)).toHaveLength(1);
  });

  test('a key is the issuer’s own: another issuer using it gets its own award', async ({ request }) => {
    const { labs, other } = fixtures();
    const idempotencyKey = randomUUID();
    const ours = await postAward(request, {
      key: labs.apiKey,
      body: validBody(uniqueEmail('ours')),
      idempotencyKey,
    });
    const theirs = await postAward(request, {
      key: other.apiKey,
      body: { templateId: other.templateId, recipient: { email: uniqueEmail('theirs'), name: 'Theo' } },
      idempotencyKey,
    });

    expect([ours.status(), theirs.status()]).toEqual([201, 201]);
    expect(theirs.headers()['idempotent-replayed']).toBeUndefined();
    expect(((await theirs.json()) as Award).id).not.toBe(((await ours.json()) as Award).id);
  });
});

test.describe('validation', () => {
  const now = Date.now();
  const cases: { name: string; body: (email: string) => unknown; fields: string[] }[] = [
    {
      name: 'missing templateId',
      body: (email) => validBody(email, { templateId: undefined }),
      fields: ['templateId'],
    },
    {
      name: 'a bad recipient email',
      body: () => validBody('x', { recipient: { email: 'not-an-email', name: 'Sam' } }),
      fields: ['recipient.email'],
    },
    {
      name: 'a missing recipient name',
      body: (email) => validBody(email, { recipient: { email } }),
      fields: ['recipient.name'],
    },
    {
      name: 'expiresAt before issuedAt',
      body: (email) =>
        validBody(email, { issuedAt: '2025-03-01T00:00:00Z', expiresAt: '2025-02-01T00:00:00Z' }),
      fields: ['expiresAt'],
    },
    {
      name: 'issuedAt in the future',
      body: (email) => validBody(email, { issuedAt: new Date(now + 2 * DAY_MS).toISOString() }),
      fields: ['issuedAt'],
    },
    {
      name: 'evidence with neither url nor narrative',
      body: (email) => validBody(email, { evidence: [{ narrative: 'ok' }, {}] }),
      fields: ['evidence.1'],
    },
    {
      name: 'an evidence url that is not http(s)',
      body: (email) => validBody(email, { evidence: [{ url: 'javascript:alert(1)' }] }),
      fields: ['evidence.0.url'],
    },
  ];

  for (const { name, body, fields } of cases) {
    test(`${name} → 400 naming the field`, async ({ request }) => {
      const response = await postAward(request, {
        key: fixtures().labs.apiKey,
        body: body(uniqueEmail('bad')),
      });
      const problem = await expectProblem(response, 400);
      expect(problem.errors?.map((e) => e.field)).toEqual(fields);
      for (const error of problem.errors ?? []) expect(error.messages.length).toBeGreaterThan(0);
    });
  }

  test('every bad field is named at once, unknown properties included', async ({ request }) => {
    const response = await postAward(request, {
      key: fixtures().labs.apiKey,
      body: {
        recipient: { email: 'nope' },
        colour: 'green',
        evidence: [{}, { url: 'ftp://files.example/work' }],
      },
    });
    const problem = await expectProblem(response, 400);
    const fields = problem.errors?.map((e) => e.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        'templateId',
        'recipient.email',
        'recipient.name',
        'evidence.0',
        'evidence.1.url',
        'colour',
      ]),
    );
  });

  test('a body that is not JSON → 400', async ({ request }) => {
    const response = await request.post('/api/v1/awards', {
      headers: { ...bearer(fixtures().labs.apiKey), 'Content-Type': 'application/json' },
      data: '{"templateId": ',
    });
    const problem = await expectProblem(response, 400);
    expect(problem.errors?.map((e) => e.field)).toEqual(['(body)']);
  });

  test('a refused request writes nothing: its Idempotency-Key still creates a fresh award', async ({
    request,
  }) => {
    const { labs } = fixtures();
    const rejected = uniqueEmail('rejected');
    const accepted = uniqueEmail('accepted');
    const idempotencyKey = randomUUID();
    const bad = validBody(rejected, { evidence: [{ url: 'ftp://files.example/work' }] });
    await expectProblem(await postAward(request, { key: labs.apiKey, body: bad, idempotencyKey }), 400);
    const fixed = { key: labs.apiKey, body: validBody(accepted) };

    const good = await postAward(request, { ...fixed, idempotencyKey });
    expect(good.status()).toBe(201);
    expect(good.headers()['idempotent-replayed']).toBeUndefined();
    expect(((await good.json()) as Award).recipient.email).toBe(accepted);

    // Mail leaves in the order it was queued: once the later email is out, the earlier would be too.
    await waitForEmail(request, accepted, awardedSubject);
    expect(await emailsTo(request, rejected)).toEqual([]);
  });
});

test.describe('authentication', () => {
  const credentials: { name: string; headers: () => Record<string, string> }[] = [
    { name: 'no Authorization header', headers: () => ({}) },
    { name: 'an unknown key', headers: () => bearer(`lrl_AAAAAAAA_${'A'.repeat(43)}`) },
    { name: 'a malformed key', headers: () => bearer('not-a-laurel-key') },
    { name: 'a revoked key', headers: () => bearer(fixtures().revokedKey) },
  ];

  for (const { name, headers } of credentials) {
    test(`${name} → 401 on every endpoint, and nothing is awarded`, async ({ request }) => {
      const email = uniqueEmail('unauthorised');
      const existing = await awardBadge(request, { email: uniqueEmail('existing') });
      const responses = [
        await request.post('/api/v1/awards', { headers: headers(), data: validBody(email) }),
        await request.get(`/api/v1/awards/${existing.id}`, { headers: headers() }),
        await request.get('/api/v1/templates', { headers: headers() }),
      ];
      for (const response of responses) {
        await expectProblem(response, 401);
        expect(response.headers()['www-authenticate']).toBe('Bearer');
      }
      await settle();
      expect(await emailsTo(request, email)).toEqual([]);
    });
  }
});

test.describe('issuer boundaries', () => {
  test('another issuer’s template → 404 and no email', async ({ request }) => {
    const { labs, other } = fixtures();
    const email = uniqueEmail('wrong-template');
    const response = await postAward(request, {
      key: labs.apiKey,
      body: validBody(email, { templateId: other.templateId }),
    });
    await expectProblem(response, 404);
    await settle();
    expect(await emailsTo(request, email)).toEqual([]);
  });

  test('an award is visible to its issuer only; unknown and malformed ids → 404', async ({ request }) => {
    const { labs, other } = fixtures();
    const ours = await awardBadge(request, { email: uniqueEmail('ours') });
    const theirs = await awardBadge(request, { email: uniqueEmail('theirs'), issuer: other });

    const own = await request.get(`/api/v1/awards/${ours.id}`, { headers: bearer(labs.apiKey) });
    expect(own.status()).toBe(200);
    expect(await own.json()).toMatchObject({ id: ours.id, state: 'pending', templateId: labs.templateId });

    for (const id of [theirs.id, randomUUID(), 'not-a-uuid']) {
      await expectProblem(await request.get(`/api/v1/awards/${id}`, { headers: bearer(labs.apiKey) }), 404);
    }
  });

  test('templates lists the issuer’s own templates only', async ({ request }) => {
    const { labs, other } = fixtures();
    const response = await request.get('/api/v1/templates', { headers: bearer(labs.apiKey) });
    expect(response.status()).toBe(200);
    const { data } = (await response.json()) as {
      data: { id: string; name: string; validityDays: number }[];
    };
    expect(data).toContainEqual(
      expect.objectContaining({ id: labs.templateId, name: labs.templateName, validityDays: 365 }),
    );
    expect(data.map((t) => t.id)).not.toContain(other.templateId);
  });
});
