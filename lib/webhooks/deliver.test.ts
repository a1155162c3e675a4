import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users, webhookAttempts, webhookDeliveries } from '@/db/schema';
import { acceptWithToken, declineWithToken } from '@/lib/awards/claim';
import { createAward } from '@/lib/awards/create-award';
import { presentAward } from '@/lib/awards/present';
import { revokeAward } from '@/lib/awards/revoke-award';
import { createSafePoster } from '@/lib/net/safe-post';
import { makeAward, makeIssuer, makeUser, testConfig } from '@/test/factories';
import { jobFor, retriesDueNow, runJobs, runJobsOnce } from '@/test/jobs';
import { deliverWebhook, RetryDelivery } from './deliver';
import { createWebhookEndpoint, disableWebhookEndpoint } from './endpoints';
import { sendTestEvent } from './events';
import { listDeliveries, listDeliveryAttempts } from './list';
import { retryDelivery } from './retry';
import { verifyWebhookSignature } from './sign';

const post = createSafePoster({ allowHosts: ['127.0.0.1'] });

type Received = { headers: IncomingHttpHeaders; body: string; json: WebhookBody; isVerified: boolean };
type WebhookBody = {
  id: string;
  type: string;
  createdAt: string;
  data: { award?: { id: string; state: string } };
};
/** How a receiver answers the nth request (from 1) for one delivery id. */
type Respond = (n: number, response: ServerResponse) => void;

const ok: Respond = (_n, response) => response.writeHead(204).end();
const receivers: { close: () => Promise<void> }[] = [];
const endpoints: { issuerId: string; endpointId: string }[] = [];

/** A local receiver that checks every signature; counts are kept per Laurel-Delivery id. */
async function startReceiver(respond: Respond = ok) {
  const received: Received[] = [];
  const perDelivery = new Map<string, number>();
  let secret = '';
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const header = request.headers['laurel-signature'];
    const isVerified = verifyWebhookSignature({ secret, header: String(header), body });
    received.push({ headers: request.headers, body, json: JSON.parse(body), isVerified });
    const deliveryId = String(request.headers['laurel-delivery']);
    const n = (perDelivery.get(deliveryId) ?? 0) + 1;
    perDelivery.set(deliveryId, n);
    respond(n, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/laurel`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  receivers.push({ close });
  return {
    url,
    received,
    setSecret: (value: string) => {
      secret = value;
    },
    forAward: (awardId: string) => received.filter((r) => r.json.data.award?.id === awardId),
  };
}

/** A fresh issuer with one endpoint at a fresh receiver. */
async function setUp(respond?: Respond) {
  const db = await getDb();
  const issued = await makeIssuer(db);
  const receiver = await startReceiver(respond);
  const { endpoint, secret } = await createWebhookEndpoint(db, {
    issuerId: issued.issuer.id,
    url: receiver.url,
    allowHosts: ['127.0.0.1'],
  });
  receiver.setSecret(secret);
  endpoints.push({ issuerId: issued.issuer.id, endpointId: endpoint.id });
  return { db, issued, receiver, endpoint };
}

/** Delivers until nothing is due; on PostgreSQL, other runs' deliveries may be made too. */
const deliverAll = () => runJobs(['webhook'], { post });

async function deliveriesFor(endpointId: string) {
  const db = await getDb();
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(asc(webhookDeliveries.createdAt));
}

async function attemptsFor(deliveryId: string) {
  const db = await getDb();
  return db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookAttempts.attempt));
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

// Leaves nothing pending for later runs against the same PostgreSQL database.
afterAll(async () => {
  const db = await getDb();
  for (const ids of endpoints) await disableWebhookEndpoint(db, ids);
});

describe('award events', () => {
  it('POSTs a signed award.created to the endpoint when an award is created', async () => {
    const { db, issued, receiver, endpoint } = await setUp();
    const { award } = await makeAward(db, issued);

    await deliverAll();

    const [request, ...extra] = receiver.forAward(award.id);
    expect(extra).toEqual([]);
    expect(request?.isVerified).toBe(true);
    const [delivery] = await deliveriesFor(endpoint.id);
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'laurel-event': 'award.created',
      'laurel-delivery': delivery?.id,
    });
    expect(request?.json).toEqual({
      id: delivery?.id,
      type: 'award.created',
      createdAt: expect.any(String),
      data: { award: presentAward(award, testConfig.appUrl) },
    });
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 204,
      lastError: null,
    });
    expect(delivery?.deliveredAt).toBeInstanceOf(Date);
    expect(await attemptsFor(delivery?.id ?? '')).toMatchObject([
      { attempt: 1, statusCode: 204, error: null },
    ]);

    expect(await listDeliveries(db, { issuerId: issued.issuer.id })).toEqual([
      expect.objectContaining({
        id: delivery?.id,
        endpointUrl: receiver.url,
        event: 'award.created',
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 204,
        deliveredAt: expect.any(Date),
      }),
    ]);
    const other = await makeIssuer(db);
    expect(await listDeliveries(db, { issuerId: other.issuer.id })).toEqual([]);
    expect(
      await listDeliveryAttempts(db, { issuerId: other.issuer.id, deliveryId: delivery?.id ?? '' }),
    ).toEqual([]);
  });

  it('reports accepted, declined and revoked, revocation only once', async () => {
    const { db, issued, receiver } = await setUp();
    const learner = await makeUser(db);
    const kept = await makeAward(db, issued, { email: learner.email });
    const declined = await makeAward(db, issued);
    await acceptWithToken(db, { token: kept.token, userId: learner.user.id });
    await declineWithToken(db, { token: declined.token, userId: null });
    const revoke = { issuerId: issued.issuer.id, awardId: kept.award.id, reason: 'Issued in error' };
    await revokeAward(db, revoke);
    await revokeAward(db, revoke);

    await deliverAll();

    const events = (awardId: string) =>
      receiver.forAward(awardId).map((r) => [r.json.type, r.json.data.award?.state]);
    expect(events(kept.award.id)).toEqual(
      expect.arrayContaining([
        ['award.created', 'pending'],
        ['award.accepted', 'accepted'],
        ['award.revoked', 'accepted'],
      ]),
    );
    expect(events(kept.award.id)).toHaveLength(3);
    expect(events(declined.award.id).sort()).toEqual([
      ['award.created', 'pending'],
      ['award.declined', 'declined'],
    ]);
    expect(receiver.received.every((r) => r.isVerified)).toBe(true);
  });

  it('tells the issuer about an award to a learner who opted out, as opted_out', async () => {
    const { db, issued, receiver } = await setUp();
    const learner = await makeUser(db);
    await db.update(users).set({ optedOutAt: new Date() }).where(eq(users.id, learner.user.id));
    const { award } = await createAward({
      db,
      config: testConfig,
      issuer: issued.issuer,
      input: { templateId: issued.template.id, recipient: { email: learner.email, name: 'Ada' } },
    });
    await deliverAll();
    expect(receiver.forAward(award.id).map((r) => [r.json.type, r.json.data.award?.state])).toEqual([
      ['award.created', 'opted_out'],
    ]);
  });

  it('sends a test event on request', async () => {
    const { db, issued, receiver, endpoint } = await setUp();
    const deliveryId = await sendTestEvent(db, { issuerId: issued.issuer.id, endpointId: endpoint.id });
    await deliverAll();
    const [request] = receiver.received.filter((r) => r.json.id === deliveryId);
    expect(request).toMatchObject({ isVerified: true, json: { type: 'test' } });
    expect(request?.headers['laurel-event']).toBe('test');
  });
});

describe('retries', () => {
  it('retries a 500 and a dropped connection, then delivers the event once', async () => {
    const { db, issued, receiver, endpoint } = await setUp((n, response) => {
      if (n === 1) response.writeHead(500).end('boom');
      else if (n === 2) response.socket?.destroy();
      else response.writeHead(200).end('ok');
    });
    const { award } = await makeAward(db, issued);

    await deliverAll();
    let [delivery] = await deliveriesFor(endpoint.id);
    const id = delivery?.id ?? '';
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    // The queue's backoff: 30 s doubling, with jitter up to twice that.
    let job = await jobFor('webhook', id);
    expect(job).toMatchObject({ state: 'retry', retryCount: 0 });
    expect(job?.startAfter.getTime()).toBeGreaterThan(Date.now() + 25_000);

    await retriesDueNow('webhook');
    await deliverAll();
    [delivery] = await deliveriesFor(endpoint.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: null });
    job = await jobFor('webhook', id);
    expect(job?.startAfter.getTime()).toBeGreaterThan(Date.now() + 55_000);

    await retriesDueNow('webhook');
    await deliverAll();
    [delivery] = await deliveriesFor(endpoint.id);
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
    });

    const requests = receiver.forAward(award.id);
    expect(requests).toHaveLength(3);
    expect(requests.every((r) => r.isVerified && r.json.id === id && r.body === requests[0]?.body)).toBe(
      true,
    );
    expect(await attemptsFor(id)).toMatchObject([
      { attempt: 1, statusCode: 500, error: 'The endpoint answered HTTP 500.' },
      {
        attempt: 2,
        statusCode: null,
        error: expect.stringMatching(/closed the connection|could not be reached/),
      },
      { attempt: 3, statusCode: 200, error: null },
    ]);
    expect(await listDeliveryAttempts(db, { issuerId: issued.issuer.id, deliveryId: id })).toHaveLength(3);
  });

  it('records a receiver that does not answer in time', async () => {
    const { db, issued, endpoint } = await setUp(() => {});
    await makeAward(db, issued);
    const [queued] = await deliveriesFor(endpoint.id);
    await expect(
      deliverWebhook({ db, deliveryId: queued?.id ?? '', isLastAttempt: false, post, timeoutMs: 300 }),
    ).rejects.toThrow(RetryDelivery);
    const [delivery] = await deliveriesFor(endpoint.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(delivery?.lastError).toContain('did not answer within 0.3 seconds');
  });

  it('fails a delivery on the queue’s last attempt, ready to be retried by a person', async () => {
    const { db, issued, endpoint } = await setUp((_n, response) => response.writeHead(502).end());
    await makeAward(db, issued);
    const [queued] = await deliveriesFor(endpoint.id);
    const id = queued?.id ?? '';
    expect(await deliverWebhook({ db, deliveryId: id, isLastAttempt: true, post })).toBe('failed');
    expect((await deliveriesFor(endpoint.id))[0]).toMatchObject({ status: 'failed', lastStatusCode: 502 });

    // The console's retry: a fresh job under the same id, delivered this time.
    await db.update(webhookDeliveries).set({ status: 'failed' }).where(eq(webhookDeliveries.id, id));
    await db.execute(sql`update pgboss.job set state = 'failed' where name = 'webhook' and id = ${id}`);
    expect(await retryDelivery(db, { issuerId: issued.issuer.id, deliveryId: id })).toBe(true);
    expect(await jobFor('webhook', id)).toMatchObject({ state: 'created', retryCount: 0 });
    expect(await retryDelivery(db, { issuerId: randomUUID(), deliveryId: id })).toBe(false);
  });

  it('fails a delivery once its 24 hours are over', async () => {
    const { db, issued, receiver, endpoint } = await setUp();
    const { award } = await makeAward(db, issued);
    await db
      .update(webhookDeliveries)
      .set({ giveUpAt: sql`now() - interval '1 second'` })
      .where(eq(webhookDeliveries.endpointId, endpoint.id));

    await deliverAll();

    const [delivery] = await deliveriesFor(endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', lastError: expect.stringContaining('24 hours') });
    expect(receiver.forAward(award.id)).toEqual([]);
  });

  it('fails instead of scheduling a retry after the 24 hours', async () => {
    const { db, issued, receiver, endpoint } = await setUp((_n, response) => response.writeHead(503).end());
    const { award } = await makeAward(db, issued);
    await db
      .update(webhookDeliveries)
      .set({ giveUpAt: sql`now() + interval '10 seconds'` })
      .where(eq(webhookDeliveries.endpointId, endpoint.id));

    await deliverAll();

    const [delivery] = await deliveriesFor(endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 503 });
    expect(receiver.forAward(award.id)).toHaveLength(1);
    expect(await attemptsFor(delivery?.id ?? '')).toHaveLength(1);
  });
});

describe('disabled endpoints', () => {
  it('get no new events and no retries of old ones', async () => {
    const { db, issued, receiver, endpoint } = await setUp((n, response) =>
      response.writeHead(n === 1 ? 500 : 200).end(),
    );
    const disabled = { issuerId: issued.issuer.id, endpointId: endpoint.id };
    const first = await makeAward(db, issued);
    await deliverAll();
    const [pending] = await deliveriesFor(endpoint.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });

    await disableWebhookEndpoint(db, disabled);
    await retriesDueNow('webhook');
    const second = await makeAward(db, issued);
    await deliverAll();

    expect(receiver.forAward(first.award.id)).toHaveLength(1);
    expect(receiver.forAward(second.award.id)).toEqual([]);
    expect(await deliveriesFor(endpoint.id)).toEqual([
      expect.objectContaining({ status: 'failed', lastError: 'The endpoint was disabled.' }),
    ]);
  });

  it('do not stop the issuer’s other endpoints', async () => {
    const { db, issued, receiver } = await setUp();
    const other = await startReceiver();
    const { endpoint } = await createWebhookEndpoint(db, {
      issuerId: issued.issuer.id,
      url: other.url,
      allowHosts: ['127.0.0.1'],
    });
    await disableWebhookEndpoint(db, { issuerId: issued.issuer.id, endpointId: endpoint.id });
    const { award } = await makeAward(db, issued);
    await deliverAll();
    expect(receiver.forAward(award.id)).toHaveLength(1);
    expect(other.received).toEqual([]);
  });
});

describe('concurrent workers', () => {
  it('deliver every event exactly once', async () => {
    const { db, issued, receiver, endpoint } = await setUp();
    const awards = [];
    for (let i = 0; i < 12; i++) awards.push((await makeAward(db, issued)).award);

    const worker = async () => {
      while ((await runJobsOnce('webhook', { post, batchSize: 4 })) > 0) {}
    };
    await Promise.all([worker(), worker(), worker()]);

    for (const award of awards) expect(receiver.forAward(award.id)).toHaveLength(1);
    const deliveries = await deliveriesFor(endpoint.id);
    expect(deliveries).toHaveLength(12);
    expect(deliveries.every((d) => d.status === 'succeeded' && d.attempts === 1)).toBe(true);
    const ids = receiver.received.map((r) => r.headers['laurel-delivery']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
