import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { makeIssuer } from '@/test/factories';
import { issuerRoute, readJson } from './handler';
import { requestHash, withIdempotency } from './idempotency';

type Answer = (body: unknown, run: number) => Promise<Response>;

const created: Answer = async (body, run) =>
  Response.json({ run, body }, { status: 201, headers: { Location: `/api/v1/things/${run}` } });

/** A POST route that reads its JSON body, counts its runs and answers with `answer`. */
function countingRoute(answer: Answer = created) {
  const runs: unknown[] = [];
  const route = issuerRoute(async ({ request }) => {
    const body = await readJson(request);
    runs.push(body);
    return answer(body, runs.length);
  });
  return { runs, route };
}

type Call = { apiKey: string; key?: string; body?: unknown; path?: string; method?: string };

function requestFor(call: Call) {
  const method = call.method ?? 'POST';
  return new Request(`http://laurel.test${call.path ?? '/api/v1/things'}`, {
    method,
    headers: {
      Authorization: `Bearer ${call.apiKey}`,
      'Content-Type': 'application/json',
      ...(call.key ? { 'Idempotency-Key': call.key } : {}),
    },
    ...(method === 'GET' ? {} : { body: JSON.stringify(call.body ?? { name: 'first' }) }),
  });
}

const send = (route: ReturnType<typeof countingRoute>['route'], call: Call) =>
  route(requestFor(call), { params: Promise.resolve({}) });

async function storedKey(issuerId: string, key: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.issuerId, issuerId), eq(idempotencyKeys.key, key)));
  return row ?? null;
}

async function problemOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { detail: string };
}

describe('Idempotency-Key on issuer API POSTs', () => {
  it('runs the first request and stores its status, Location, Content-Type and body', async () => {
    const { issuer, apiKey } = await makeIssuer(await getDb());
    const { runs, route } = countingRoute();

    const response = await send(route, { apiKey, key: 'k-1', body: { name: 'first' } });

    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    expect(await response.json()).toEqual({ run: 1, body: { name: 'first' } });
    expect(runs).toEqual([{ name: 'first' }]);
    expect(await storedKey(issuer.id, 'k-1')).toMatchObject({
      responseStatus: 201,
      responseHeaders: { 'Content-Type': 'application/json', Location: '/api/v1/things/1' },
      responseBody: JSON.stringify({ run: 1, body: { name: 'first' } }),
    });
  });

  it('replays the stored answer to a retry without running the handler again', async () => {
    const { apiKey } = await makeIssuer(await getDb());
    const { runs, route } = countingRoute();
    const first = await send(route, { apiKey, key: 'k-1' });
    const firstBody = await first.text();

    const retry = await send(route, { apiKey, key: 'k-1' });

    expect(runs).toHaveLength(1);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe('/api/v1/things/1');
    expect(retry.headers.get('content-type')).toBe('application/json');
    expect(retry.headers.get('ratelimit-limit')).not.toBeNull();
    expect(await retry.text()).toBe(firstBody);
  });

  it('refuses the key with a different body or path: 422, and nothing runs', async () => {
    const { apiKey } = await makeIssuer(await getDb());
    const { runs, route } = countingRoute();
    await send(route, { apiKey, key: 'k-1', body: { name: 'first' } });

    const otherBody = await send(route, { apiKey, key: 'k-1', body: { name: 'second' } });
    expect((await problemOf(otherBody, 422)).detail).toBe(
      'This Idempotency-Key was already used with a different request.',
    );
    const otherPath = await send(route, { apiKey, key: 'k-1', path: '/api/v1/others' });
    await problemOf(otherPath, 422);
    expect(runs).toHaveLength(1);
  });

  it('answers 409 with Retry-After while the first request runs, then replays its answer', async () => {
    const { apiKey } = await makeIssuer(await getDb());
    let finish = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const { runs, route } = countingRoute(async (body, run) => {
      await finished;
      return created(body, run);
    });

    const first = send(route, { apiKey, key: 'k-1' });
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    const meanwhile = await send(route, { apiKey, key: 'k-1' });
    await problemOf(meanwhile, 409);
    expect(meanwhile.headers.get('retry-after')).toBe('1');

    finish();
    expect((await first).status).toBe(201);
    const later = await send(route, { apiKey, key: 'k-1' });
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(runs).toHaveLength(1);
  });

  it('runs simultaneous first uses of a key once', async () => {
    const { apiKey } = await makeIssuer(await getDb());
    const { runs, route } = countingRoute();

    const responses = await Promise.all([1, 2, 3].map(() => send(route, { apiKey, key: 'k-1' })));

    expect(runs).toHaveLength(1);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    for (const status of statuses.slice(1)) expect([201, 409]).toContain(status);
    expect(responses.filter((r) => r.status === 201 && !r.headers.get('idempotent-replayed'))).toHaveLength(
      1,
    );
  });

  it('takes over a key whose lease lapsed without an answer (the process died)', async () => {
    const db = await getDb();
    const { issuer, apiKey } = await makeIssuer(db);
    const call = { apiKey, key: 'k-1' };
    await db.insert(idempotencyKeys).values({
      issuerId: issuer.id,
      key: 'k-1',
      requestHash: await requestHash(requestFor(call)),
      lockedUntil: new Date(Date.now() - 1_000),
    });
    const { runs, route } = countingRoute();

    const response = await send(route, call);

    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    expect(runs).toHaveLength(1);
    expect(await storedKey(issuer.id, 'k-1')).toMatchObject({ responseStatus: 201 });
  });

  it('keeps no 5xx, 429 or crash: the client retries with the same key and it runs again', async () => {
    const { issuer, apiKey } = await makeIssuer(await getDb());
    const answers: Answer[] = [
      async () => {
        throw new Error('database went away');
      },
      async () => Response.json({ detail: 'busy' }, { status: 503 }),
      async () => Response.json({ detail: 'slow down' }, { status: 429 }),
      created,
    ];
    const { runs, route } = countingRoute((body, run) => (answers[run - 1] ?? created)(body, run));

    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await send(route, { apiKey, key: 'k-1' })).status);
      expect(await storedKey(issuer.id, 'k-1')).toBeNull();
    }
    const success = await send(route, { apiKey, key: 'k-1' });

    expect([...statuses, success.status]).toEqual([500, 503, 429, 201]);
    expect(runs).toHaveLength(4);
    expect(await storedKey(issuer.id, 'k-1')).toMatchObject({ responseStatus: 201 });
  });

  it('frees a key it could not free at once (the database was away) as soon as it can', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    // The database answers the claim, then goes away while the request runs: the release and
    // its first retry fail.
    let deletesToFail = 0;
    const flaky = new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'delete' && deletesToFail > 0) {
          deletesToFail -= 1;
          return () => ({
            where: async () => {
              throw new Error('write CONNECTION_CLOSED');
            },
          });
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const request = () => requestFor({ apiKey: 'unused', key: 'k-1' });

    const failed = await withIdempotency({
      db: flaky,
      issuerId: issuer.id,
      key: 'k-1',
      request: request(),
      run: async () => {
        deletesToFail = 2;
        return Response.json({ detail: 'database went away' }, { status: 500 });
      },
    });
    expect(failed.status).toBe(500);
    expect(await storedKey(issuer.id, 'k-1')).toMatchObject({ responseStatus: null });

    await vi.waitFor(async () => expect(await storedKey(issuer.id, 'k-1')).toBeNull(), { timeout: 3_000 });
    expect(deletesToFail).toBe(0);
    const retried = await withIdempotency({
      db,
      issuerId: issuer.id,
      key: 'k-1',
      request: request(),
      run: async () => Response.json({ ok: true }, { status: 201 }),
    });
    expect(retried.status).toBe(201);
  });

  it('does not keep a 400: the fixed request may use the same key', async () => {
    const { apiKey } = await makeIssuer(await getDb());
    let fail = true;
    const { runs, route } = countingRoute(async () => {
      if (fail) throw new AppError('invalid', 'Some fields are missing or invalid.');
      return Response.json({ ok: true }, { status: 201 });
    });

    await problemOf(await send(route, { apiKey, key: 'k-400', body: { name: 'bad' } }), 400);
    fail = false;
    const fixed = await send(route, { apiKey, key: 'k-400', body: { name: 'fixed' } });

    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
    expect(runs).toEqual([{ name: 'bad' }, { name: 'fixed' }]);
  });

  it('keeps another 4xx answer like any other and replays it', async () => {
    const { apiKey } = await makeIssuer(await getDb());
    const { runs, route } = countingRoute(async () => {
      throw new AppError('not_found', 'No badge template with this id belongs to your issuer.');
    });

    await problemOf(await send(route, { apiKey, key: 'k-1' }), 404);
    const retry = await send(route, { apiKey, key: 'k-1' });

    expect((await problemOf(retry, 404)).detail).toMatch(/No badge template/);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(runs).toHaveLength(1);
  });

  it('scopes keys to the issuer: another issuer’s same key runs its own request', async () => {
    const db = await getDb();
    const ours = await makeIssuer(db);
    const theirs = await makeIssuer(db);
    const { runs, route } = countingRoute();

    await send(route, { apiKey: ours.apiKey, key: 'shared', body: { name: 'ours' } });
    const response = await send(route, { apiKey: theirs.apiKey, key: 'shared', body: { name: 'theirs' } });

    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    expect(runs).toEqual([{ name: 'ours' }, { name: 'theirs' }]);
  });

  it('forgets a key after 24 hours, and clears forgotten keys of every issuer', async () => {
    const db = await getDb();
    const { issuer, apiKey } = await makeIssuer(db);
    const quiet = await makeIssuer(db);
    const { runs, route } = countingRoute();
    await send(route, { apiKey, key: 'k-1', body: { name: 'yesterday' } });
    await send(route, { apiKey: quiet.apiKey, key: 'k-old', body: { name: 'long ago' } });
    await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.issuerId, issuer.id));
    await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.issuerId, quiet.issuer.id));

    const response = await send(route, { apiKey, key: 'k-1', body: { name: 'today' } });

    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    expect(runs).toHaveLength(3);
    expect(await storedKey(issuer.id, 'k-1')).toMatchObject({
      responseBody: JSON.stringify({ run: 3, body: { name: 'today' } }),
    });
    expect(await storedKey(quiet.issuer.id, 'k-old')).toBeNull();
  });

  it('leaves requests without a key, and GETs, alone; a key over 200 characters is 400', async () => {
    const { issuer, apiKey } = await makeIssuer(await getDb());
    const { runs, route } = countingRoute();
    const get = issuerRoute(async () => Response.json({ ok: true }));

    await send(route, { apiKey });
    await send(route, { apiKey });
    await get(requestFor({ apiKey, key: 'k-get', method: 'GET' }), { params: Promise.resolve({}) });
    const tooLong = await send(route, { apiKey, key: 'k'.repeat(201) });

    expect(runs).toHaveLength(2);
    expect(await storedKey(issuer.id, 'k-get')).toBeNull();
    expect(
      ((await problemOf(tooLong, 400)) as { errors?: { field: string }[] }).errors?.map((e) => e.field),
    ).toEqual(['Idempotency-Key']);
  });
});
