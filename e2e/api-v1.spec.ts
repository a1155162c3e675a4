import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type APIResponse, expect, test } from '@playwright/test';
import { Validator } from '@seriousme/openapi-schema-validator';
import sharp from 'sharp';
import { E2E } from './support/env';
import { bearer, emailsTo, fixtures, linkIn, PASSWORD, uniqueEmail, waitForEmail } from './support/helpers';
import { acceptFromClaim } from './support/learner';

type Problem = { status: number; detail: string; errors?: { field: string; messages: string[] }[] };
type Template = {
  id: string;
  name: string;
  description: string;
  imageUrl: string;
  criteria: { narrative: string | null; url: string | null };
  skills: string[];
  alignments: { targetName: string; targetUrl: string }[];
  validityDays: number | null;
  archivedAt: string | null;
};
type Award = { id: string; state: string; templateId: string; recipient: { email: string } };
type AwardPage = { data: Award[]; nextCursor: string | null };

const awardedSubject = /You've earned the .* badge from /;

type Call = { key?: string; body?: unknown; idempotencyKey?: string };

function api(request: APIRequestContext, method: 'get' | 'post' | 'patch', path: string, call: Call = {}) {
  const key = call.key ?? fixtures().labs.apiKey;
  return request.fetch(`/api/v1${path}`, {
    method,
    headers: {
      ...bearer(key),
      ...(call.idempotencyKey ? { 'Idempotency-Key': call.idempotencyKey } : {}),
    },
    ...(call.body !== undefined ? { data: call.body } : {}),
  });
}

async function expectProblem(response: APIResponse, status: number): Promise<Problem> {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  return (await response.json()) as Problem;
}
const fieldsOf = (problem: Problem) => problem.errors?.map((e) => e.field) ?? [];

async function png(width = 300, height = width) {
  const bytes = await sharp({ create: { width, height, channels: 4, background: '#146c43' } })
    .png()
    .toBuffer();
  return bytes.toString('base64');
}

async function templateBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `API Template ${randomUUID().slice(0, 8)}`,
    description: 'Configured a firewall from scratch.',
    criteria: { narrative: 'Pass the graded lab.' },
    skills: ['Firewalls', 'Linux'],
    alignments: [{ targetName: 'Network security', targetUrl: 'https://framework.example/netsec' }],
    validityDays: 365,
    image: await png(),
    ...overrides,
  };
}

async function createTemplate(request: APIRequestContext, call: Call = {}) {
  const response = await api(request, 'post', '/templates', { body: await templateBody(), ...call });
  expect(response.status()).toBe(201);
  return (await response.json()) as Template;
}

async function award(request: APIRequestContext, templateId: string, body: Record<string, unknown> = {}) {
  const email = uniqueEmail('v1');
  const response = await api(request, 'post', '/awards', {
    body: { templateId, recipient: { email, name: 'Val Learner' }, ...body },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Award;
}

test.describe('templates', () => {
  test('create, read, list, change and archive a template', async ({ request }) => {
    const body = await templateBody();
    const created = await api(request, 'post', '/templates', { body });
    expect(created.status()).toBe(201);
    const template = (await created.json()) as Template;
    expect(created.headers().location).toBe(`/api/v1/templates/${template.id}`);
    expect(template).toMatchObject({
      name: body.name,
      criteria: { narrative: 'Pass the graded lab.', url: null },
      skills: ['Firewalls', 'Linux'],
      alignments: body.alignments,
      validityDays: 365,
      archivedAt: null,
    });
    const image = await request.get(template.imageUrl);
    expect(image.headers()['content-type']).toBe('image/png');

    expect(await (await api(request, 'get', `/templates/${template.id}`)).json()).toEqual(template);
    const listed = (await (await api(request, 'get', '/templates')).json()) as { data: Template[] };
    expect(listed.data).toContainEqual(template);

    const patched = await api(request, 'patch', `/templates/${template.id}`, {
      body: {
        description: 'Configured two firewalls.',
        skills: ['Firewalls'],
        criteria: { url: 'https://labs.example/c' },
      },
    });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toMatchObject({
      name: body.name,
      description: 'Configured two firewalls.',
      skills: ['Firewalls'],
      criteria: { narrative: null, url: 'https://labs.example/c' },
    });

    const archived = await api(request, 'post', `/templates/${template.id}/archive`);
    expect(archived.status()).toBe(200);
    const { archivedAt } = (await archived.json()) as Template;
    expect(archivedAt).not.toBeNull();
    const again = (await (
      await api(request, 'post', `/templates/${template.id}/archive`)
    ).json()) as Template;
    expect(again.archivedAt).toBe(archivedAt);

    const active = (await (await api(request, 'get', '/templates')).json()) as { data: Template[] };
    expect(active.data.map((t) => t.id)).not.toContain(template.id);
    const all = (await (await api(request, 'get', '/templates?includeArchived=true')).json()) as {
      data: Template[];
    };
    expect(all.data.map((t) => t.id)).toContain(template.id);
    const awarding = await api(request, 'post', '/awards', {
      body: { templateId: template.id, recipient: { email: uniqueEmail('archived'), name: 'A' } },
    });
    await expectProblem(awarding, 404);
    await expectProblem(
      await api(request, 'patch', `/templates/${template.id}`, { body: { name: 'x' } }),
      409,
    );
  });

  test('an SVG image is stored without its script', async ({ request }) => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" onload="alert(1)">' +
      '<script>alert(2)</script><circle cx="200" cy="200" r="190" fill="#146c43"/></svg>';
    const template = await createTemplate(request, {
      body: await templateBody({ image: Buffer.from(svg).toString('base64') }),
    });
    const image = await request.get(template.imageUrl);
    expect(image.headers()['content-type']).toContain('image/svg+xml');
    const stored = await image.text();
    expect(stored).toContain('<circle');
    expect(stored).not.toMatch(/script|alert|onload/);
  });

  test('bad fields and a bad image → 400 naming each', async ({ request }) => {
    const response = await api(request, 'post', '/templates', {
      body: {
        name: '',
        description: 'x',
        criteria: {},
        skills: ['ok', 'y'.repeat(61)],
        validityDays: 0,
        image: 'not base64!',
        colour: 'green',
      },
    });
    const problem = await expectProblem(response, 400);
    expect(fieldsOf(problem).sort()).toEqual(
      ['colour', 'criteria', 'image', 'name', 'skills.1', 'validityDays'].sort(),
    );

    const wide = await api(request, 'post', '/templates', {
      body: await templateBody({ image: await png(600, 300) }),
    });
    const imageProblem = await expectProblem(wide, 400);
    expect(imageProblem.errors).toEqual([
      { field: 'image', messages: ['The image must be square; this one is 600×300.'] },
    ]);
  });

  test('a retried create with its Idempotency-Key is replayed; a duplicate name is a conflict', async ({
    request,
  }) => {
    const body = await templateBody();
    const idempotencyKey = randomUUID();
    const first = await api(request, 'post', '/templates', { body, idempotencyKey });
    expect(first.status()).toBe(201);
    const retry = await api(request, 'post', '/templates', { body, idempotencyKey });
    expect(retry.status()).toBe(201);
    expect(retry.headers()['idempotent-replayed']).toBe('true');
    expect(((await retry.json()) as Template).id).toBe(((await first.json()) as Template).id);

    const duplicate = await api(request, 'post', '/templates', { body });
    expect(fieldsOf(await expectProblem(duplicate, 409))).toEqual(['name']);
  });
});

test.describe('issuer boundaries', () => {
  test('another issuer’s key gets 404 on our templates and awards', async ({ request }) => {
    const { labs, other } = fixtures();
    const ours = await award(request, labs.templateId);
    const as = { key: other.apiKey };
    await expectProblem(await api(request, 'get', `/templates/${labs.templateId}`, as), 404);
    await expectProblem(
      await api(request, 'patch', `/templates/${labs.templateId}`, { ...as, body: { description: 'mine' } }),
      404,
    );
    await expectProblem(await api(request, 'post', `/templates/${labs.templateId}/archive`, as), 404);
    await expectProblem(await api(request, 'get', `/awards/${ours.id}`, as), 404);
    await expectProblem(await api(request, 'post', `/awards/${ours.id}/resend`, as), 404);
    await expectProblem(
      await api(request, 'post', `/awards/${ours.id}/revoke`, { ...as, body: { reason: 'x' } }),
      404,
    );
    const theirList = (await (await api(request, 'get', '/awards?limit=100', as)).json()) as AwardPage;
    expect(theirList.data.map((a) => a.id)).not.toContain(ours.id);
    // Ours is untouched.
    const template = (await (await api(request, 'get', `/templates/${labs.templateId}`)).json()) as Template;
    expect(template.archivedAt).toBeNull();
  });
});

test.describe('listing awards', () => {
  test('pages through a template’s awards with the cursor, newest first', async ({ request }) => {
    const template = await createTemplate(request);
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await award(request, template.id)).id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `templateId=${template.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await api(request, 'get', `/awards?${query}`);
      expect(response.status()).toBe(200);
      const page = (await response.json()) as AwardPage;
      expect(page.data.length).toBe(pages < 2 ? 3 : 1);
      seen.push(...page.data.map((a) => a.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
  });

  test('filters by state, exact email and part of an email', async ({ request }) => {
    const template = await createTemplate(request);
    const pending = await award(request, template.id);
    const revoked = await award(request, template.id);
    const expired = await award(request, template.id, {
      issuedAt: '2020-01-01T00:00:00Z',
      expiresAt: '2021-01-01T00:00:00Z',
    });
    await api(request, 'post', `/awards/${revoked.id}/revoke`, { body: { reason: 'Issued in error' } });

    const ids = async (query: string) => {
      const response = await api(request, 'get', `/awards?templateId=${template.id}&${query}`);
      expect(response.status()).toBe(200);
      return ((await response.json()) as AwardPage).data.map((a) => a.id);
    };
    expect(await ids('state=pending')).toEqual([pending.id]);
    expect(await ids('state=revoked')).toEqual([revoked.id]);
    expect(await ids('state=expired')).toEqual([expired.id]);
    expect(await ids('state=accepted')).toEqual([]);
    expect(await ids(`email=${encodeURIComponent(pending.recipient.email.toUpperCase())}`)).toEqual([
      pending.id,
    ]);
    const part = revoked.recipient.email.split('@')[0]?.slice(3) ?? '';
    expect(await ids(`emailContains=${encodeURIComponent(part)}`)).toEqual([revoked.id]);
  });

  test('bad query parameters → 400 naming each', async ({ request }) => {
    const response = await api(request, 'get', '/awards?limit=0&state=lost&cursor=nope&templateId=x&page=2');
    const problem = await expectProblem(response, 400);
    expect(fieldsOf(problem).sort()).toEqual(['cursor', 'limit', 'page', 'state', 'templateId']);
  });
});

test.describe('bulk awards', () => {
  test('creates the good items, explains the bad ones, and replays with its Idempotency-Key', async ({
    request,
  }) => {
    const { labs, other } = fixtures();
    const good = [uniqueEmail('bulk-a'), uniqueEmail('bulk-b')];
    const body = {
      awards: [
        { templateId: labs.templateId, recipient: { email: good[0], name: 'Bulk A' } },
        { templateId: labs.templateId, recipient: { email: 'nope', name: 'Bad' } },
        { templateId: other.templateId, recipient: { email: uniqueEmail('bulk-x'), name: 'Theirs' } },
        { templateId: labs.templateId, recipient: { email: good[1], name: 'Bulk B' } },
      ],
    };
    const idempotencyKey = randomUUID();
    const response = await api(request, 'post', '/awards/bulk', { body, idempotencyKey });
    expect(response.status()).toBe(200);
    const result = (await response.json()) as {
      results: { index: number; status: number; award?: Award; errors?: Problem['errors'] }[];
      summary: { total: number; created: number; failed: number };
    };
    expect(result.results.map((r) => [r.index, r.status])).toEqual([
      [0, 201],
      [1, 400],
      [2, 404],
      [3, 201],
    ]);
    expect(result.summary).toEqual({ total: 4, created: 2, failed: 2 });
    expect(result.results[1]?.errors?.map((e) => e.field)).toEqual(['recipient.email']);
    expect(result.results[0]?.award).toMatchObject({ state: 'pending', recipient: { email: good[0] } });

    for (const email of good) await waitForEmail(request, email, awardedSubject);
    const retry = await api(request, 'post', '/awards/bulk', { body, idempotencyKey });
    const replayed = (await retry.json()) as typeof result;
    expect(replayed.results.map((r) => r.award?.id)).toEqual(result.results.map((r) => r.award?.id));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const email of good) expect(await emailsTo(request, email)).toHaveLength(1);
  });

  test('an empty list or more than 1,000 → 400', async ({ request }) => {
    expect(
      fieldsOf(
        await expectProblem(await api(request, 'post', '/awards/bulk', { body: { awards: [] } }), 400),
      ),
    ).toEqual(['awards']);
    const tooMany = { awards: Array.from({ length: 1001 }, () => ({})) };
    expect(
      fieldsOf(await expectProblem(await api(request, 'post', '/awards/bulk', { body: tooMany }), 400)),
    ).toEqual(['awards']);
  });
});

test.describe('resending a claim email', () => {
  test('the new link works, the old one stops, and a retry sends nothing more', async ({ page, request }) => {
    const { labs } = fixtures();
    const created = await award(request, labs.templateId);
    const email = created.recipient.email;
    const oldLink = linkIn(await waitForEmail(request, email, awardedSubject), '/claim/');

    const idempotencyKey = randomUUID();
    const resent = await api(request, 'post', `/awards/${created.id}/resend`, { idempotencyKey });
    expect(resent.status()).toBe(200);
    expect(await resent.json()).toMatchObject({ id: created.id, state: 'pending' });
    await expect.poll(async () => (await emailsTo(request, email)).length, { timeout: 15_000 }).toBe(2);
    const emails = await emailsTo(request, email);
    const newLink = linkIn(emails[1] ?? {}, '/claim/');
    expect(newLink).not.toBe(oldLink);

    const replay = await api(request, 'post', `/awards/${created.id}/resend`, { idempotencyKey });
    expect(replay.status()).toBe(200);
    expect(replay.headers()['idempotent-replayed']).toBe('true');

    await page.goto(oldLink);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('You have earned a badge');
    await expect(page.getByRole('button', { name: 'Create account' })).toHaveCount(0);

    await page.goto(newLink);
    await expect(page.getByRole('heading', { name: 'You have earned a badge' })).toBeVisible();
    await page.locator('#sign-up-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText(/Signed in as/)).toBeVisible();
    await acceptFromClaim(page, newLink);

    const fetched = await api(request, 'get', `/awards/${created.id}`);
    expect(await fetched.json()).toMatchObject({ state: 'accepted' });
    await expectProblem(await api(request, 'post', `/awards/${created.id}/resend`), 409);
    expect(await emailsTo(request, email)).toHaveLength(2);
  });

  test('an Idempotency-Key over 200 characters → 400 naming it', async ({ request }) => {
    const created = await award(request, fixtures().labs.templateId);
    const response = await api(request, 'post', `/awards/${created.id}/resend`, {
      idempotencyKey: 'k'.repeat(201),
    });
    expect(fieldsOf(await expectProblem(response, 400))).toEqual(['Idempotency-Key']);
  });
});

/** Long enough for the outbox to have delivered anything a request wrongly queued. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));

/**
 * Sends one POST twice with the same Idempotency-Key: the retry must be the first answer, same
 * status and same body bytes, marked Idempotent-Replayed. Returns the first answer's body.
 */
async function expectReplayed(request: APIRequestContext, path: string, call: Call & { status: number }) {
  const first = await api(request, 'post', path, call);
  expect(first.status()).toBe(call.status);
  expect(first.headers()['idempotent-replayed']).toBeUndefined();
  const body = await first.text();

  const retry = await api(request, 'post', path, call);
  expect(retry.status()).toBe(call.status);
  expect(retry.headers()['idempotent-replayed']).toBe('true');
  expect(retry.headers().location).toBe(first.headers().location);
  expect(await retry.text()).toBe(body);
  return JSON.parse(body) as unknown;
}

const reusedDetail = 'This Idempotency-Key was already used with a different request.';

test.describe('Idempotency-Key', () => {
  test('templates: create and archive replay their answer; the key with another request is 422', async ({
    request,
  }) => {
    const body = await templateBody();
    const idempotencyKey = randomUUID();
    const template = (await expectReplayed(request, '/templates', {
      body,
      idempotencyKey,
      status: 201,
    })) as Template;
    const changed = { ...body, name: `${body.name} (2)` };
    const reused = await api(request, 'post', '/templates', { body: changed, idempotencyKey });
    expect((await expectProblem(reused, 422)).detail).toBe(reusedDetail);
    const listed = (await (await api(request, 'get', '/templates')).json()) as { data: Template[] };
    expect(listed.data.filter((t) => t.name.startsWith(body.name)).map((t) => t.id)).toEqual([template.id]);

    const other = await createTemplate(request);
    const archiveKey = randomUUID();
    const archived = (await expectReplayed(request, `/templates/${template.id}/archive`, {
      idempotencyKey: archiveKey,
      status: 200,
    })) as Template;
    expect(archived.archivedAt).not.toBeNull();
    const elsewhere = await api(request, 'post', `/templates/${other.id}/archive`, {
      idempotencyKey: archiveKey,
    });
    expect((await expectProblem(elsewhere, 422)).detail).toBe(reusedDetail);
    const untouched = (await (await api(request, 'get', `/templates/${other.id}`)).json()) as Template;
    expect(untouched.archivedAt).toBeNull();
  });

  test('awards: create, bulk, revoke and resend replay their answer with no second email', async ({
    request,
  }) => {
    const { labs } = fixtures();
    const single = uniqueEmail('idem-one');
    const awardBody = { templateId: labs.templateId, recipient: { email: single, name: 'Ida One' } };
    const awardKey = randomUUID();
    const made = (await expectReplayed(request, '/awards', {
      body: awardBody,
      idempotencyKey: awardKey,
      status: 201,
    })) as Award;
    const otherRecipient = uniqueEmail('idem-other');
    const reused = await api(request, 'post', '/awards', {
      body: { ...awardBody, recipient: { email: otherRecipient, name: 'Otto' } },
      idempotencyKey: awardKey,
    });
    expect((await expectProblem(reused, 422)).detail).toBe(reusedDetail);

    const bulkEmails = [uniqueEmail('idem-bulk-a'), uniqueEmail('idem-bulk-b')];
    const bulkBody = {
      awards: bulkEmails.map((email) => ({ templateId: labs.templateId, recipient: { email, name: 'Bo' } })),
    };
    const bulkKey = randomUUID();
    await expectReplayed(request, '/awards/bulk', { body: bulkBody, idempotencyKey: bulkKey, status: 200 });
    const bulkLate = uniqueEmail('idem-bulk-late');
    const bulkReused = await api(request, 'post', '/awards/bulk', {
      body: {
        awards: [
          ...bulkBody.awards,
          { templateId: labs.templateId, recipient: { email: bulkLate, name: 'L' } },
        ],
      },
      idempotencyKey: bulkKey,
    });
    await expectProblem(bulkReused, 422);

    const resendKey = randomUUID();
    await waitForEmail(request, single, awardedSubject);
    await expectReplayed(request, `/awards/${made.id}/resend`, { idempotencyKey: resendKey, status: 200 });
    const target = await award(request, labs.templateId);
    await expectProblem(
      await api(request, 'post', `/awards/${target.id}/resend`, { idempotencyKey: resendKey }),
      422,
    );

    const revokeKey = randomUUID();
    const revoked = (await expectReplayed(request, `/awards/${made.id}/revoke`, {
      body: { reason: 'Issued in error' },
      idempotencyKey: revokeKey,
      status: 200,
    })) as Award & { revocationReason: string };
    expect(revoked.revocationReason).toBe('Issued in error');
    const revokeReused = await api(request, 'post', `/awards/${made.id}/revoke`, {
      body: { reason: 'Another reason' },
      idempotencyKey: revokeKey,
    });
    await expectProblem(revokeReused, 422);
    const fetched = (await (await api(request, 'get', `/awards/${made.id}`)).json()) as typeof revoked;
    expect(fetched.revocationReason).toBe('Issued in error');

    // One award email and one resend for the single award, one email per bulk item, none for the
    // requests refused with 422.
    for (const email of [...bulkEmails, target.recipient.email]) {
      await waitForEmail(request, email, awardedSubject);
    }
    await expect.poll(async () => (await emailsTo(request, single)).length, { timeout: 15_000 }).toBe(2);
    await settle();
    expect(await emailsTo(request, single)).toHaveLength(2);
    for (const email of bulkEmails) expect(await emailsTo(request, email)).toHaveLength(1);
    for (const email of [otherRecipient, bulkLate]) expect(await emailsTo(request, email)).toEqual([]);
    expect(await emailsTo(request, target.recipient.email)).toHaveLength(1);
  });
});

test.describe('rate limiting', () => {
  test('every authenticated answer says where the key stands', async ({ request }) => {
    const response = await api(request, 'get', '/templates');
    expect(response.headers()['ratelimit-limit']).toBe('600');
    expect(Number(response.headers()['ratelimit-remaining'])).toBeLessThan(600);
    expect(Number(response.headers()['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
  });
});

test.describe('the OpenAPI document', () => {
  test('is served without a key and validates as OpenAPI 3.1', async ({ request }) => {
    const response = await request.get('/api/v1/openapi.json');
    expect(response.status()).toBe(200);
    const document = await response.json();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe('3.1');
    expect(document.servers).toEqual([{ url: `${E2E.main.url}/api/v1` }]);
  });

  test('every documented operation exists: without a key each answers 401 (a public one 400 to an empty body), not 404 or 405', async ({
    request,
  }) => {
    const document = (await (await request.get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        path: path.replace('{id}', randomUUID()),
        method,
        isPublic: op.security?.length === 0,
      })),
    );
    expect(operations.filter((op) => !op.isPublic).length).toBe(11);
    expect(operations.filter((op) => op.isPublic).map((op) => `${op.method} ${op.path}`)).toEqual([
      'post /verify',
    ]);
    for (const { path, method, isPublic } of operations) {
      const response = await request.fetch(`/api/v1${path}`, {
        method,
        ...(method !== 'get' ? { data: {} } : {}),
      });
      const expected = isPublic ? 400 : 401;
      expect(`${method} ${path} → ${response.status()}`).toBe(`${method} ${path} → ${expected}`);
      if (isPublic) continue;
      expect(response.headers()['www-authenticate']).toBe('Bearer');
    }
  });
});
