import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { API_POLICY } from '../lib/http/security-headers';
import { accepts } from '../test/ports';
import { E2E } from './support/env';
import { bearer, fixtures } from './support/helpers';
import { type OwnServer, startOwnServer, stopOwnServer } from './support/own-server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const METRICS_TOKEN = 'e2e-metrics-token-0123456789';
type Problem = { status: number; detail: string; requestId?: string };

test('every answer carries an X-Request-Id: pages, route handlers, images, 404s, problem bodies', async ({
  request,
}) => {
  for (const path of ['/help', '/api/mode', `/images/${fixtures().scriptedSvgImageId}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['x-request-id'], path).toMatch(UUID);
  }
  const missing = await request.get(`/no-such-page-${randomUUID()}`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()['x-request-id']).toMatch(UUID);

  // A load balancer's id is kept when it is a short safe token, and replaced otherwise.
  const traced = `e2e-${randomUUID().slice(0, 8)}`;
  const kept = await request.get('/help', { headers: { 'X-Request-Id': traced } });
  expect(kept.headers()['x-request-id']).toBe(traced);
  const odd = await request.get('/help', { headers: { 'X-Request-Id': `${traced} <script>` } });
  expect(odd.headers()['x-request-id']).toMatch(UUID);

  // The problem body names the same request as the header, for the issuer API and the verifier.
  const unauthorized = await request.get('/api/v1/awards');
  expect(unauthorized.status()).toBe(401);
  const body = (await unauthorized.json()) as Problem;
  expect(body.requestId).toMatch(UUID);
  expect(body.requestId).toBe(unauthorized.headers()['x-request-id']);
  const invalid = await request.post('/api/v1/awards', {
    headers: { ...bearer(fixtures().labs.apiKey), 'X-Request-Id': traced },
    data: { templateId: 'not-a-template' },
  });
  expect(invalid.status()).toBe(400);
  expect(((await invalid.json()) as Problem).requestId).toBe(traced);
  const refused = await request.post('/api/v1/verify', { data: { url: 'ftp://badges.example/1' } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as Problem).requestId).toBe(refused.headers()['x-request-id']);
});

test('health and readiness answer uncached; /metrics does not exist without METRICS_TOKEN', async ({
  request,
}) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  expect(health.headers()['cache-control']).toBe('no-store');

  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(ready.headers()['cache-control']).toBe('no-store');
  expect(await ready.json()).toEqual({
    status: 'ready',
    checks: {
      database: { status: 'pass', detail: 'reachable' },
      migrations: { status: 'pass', detail: 'up to date' },
      redis: { status: 'skip', detail: 'REDIS_URL is not set' },
      process: { status: 'pass', detail: 'serving' },
    },
  });

  const metrics = await request.get('/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(metrics.status()).toBe(404);
  expect(await metrics.text()).not.toContain('laurel_');
});

/** laurel_http_requests_total for one route and status, 0 when absent. */
async function requestsCounted(server: OwnServer, route: string, status: number): Promise<number> {
  const text = await (
    await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const series = `laurel_http_requests_total{method="GET",route="${route}",status="${status}"} `;
  const line = text.split('\n').find((l) => l.startsWith(series));
  return line ? Number(line.slice(series.length)) : 0;
}

test('a server of its own: log lines carry the request id, /metrics needs its token and counts', async () => {
  test.setTimeout(180_000);
  let server: OwnServer | undefined;
  try {
    server = await startOwnServer({ n: 0, env: { METRICS_TOKEN } });
    const own = server;

    // One JSON line per request, with its id and the route's pattern, never the path's token.
    const traced = `e2e-log-${randomUUID().slice(0, 8)}`;
    const secret = `secret-claim-${randomUUID()}`;
    const claim = await fetch(`${own.url}/claim/${secret}`, { headers: { 'X-Request-Id': traced } });
    expect(claim.headers.get('x-request-id')).toBe(traced);
    await expect
      .poll(() => own.logLines().find((line) => line.requestId === traced && line.msg === 'request'))
      .toMatchObject({ level: 'info', method: 'GET', route: '/claim/[token]', status: claim.status });
    expect(own.output()).not.toContain(secret);

    // With METRICS_TOKEN set: no token or a wrong one is 401, and shows nothing.
    const none = await fetch(`${own.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await fetch(`${own.url}/metrics`, {
      headers: { Authorization: 'Bearer not-the-token-at-all' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('laurel_');

    const right = await fetch(`${own.url}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(right.status).toBe(200);
    expect(right.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(right.headers.get('content-security-policy')).toBe(API_POLICY);
    const text = await right.text();
    for (const name of ['laurel_http_requests_total', 'laurel_queue_depth', 'laurel_job_outcomes_total']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).not.toContain(secret);

    const before = await requestsCounted(own, '/help', 200);
    expect((await fetch(`${own.url}/help`)).status).toBe(200);
    await expect.poll(() => requestsCounted(own, '/help', 200)).toBe(before + 1);

    own.child.kill('SIGTERM');
    expect(await own.exited).toBe(0);
    expect(own.logLines().map((line) => line.msg)).toContain('shutdown: done');
  } finally {
    await stopOwnServer(server);
  }
});

/** A verification that takes `ms`: our server waits on the slow stand-in for another badge host. */
function slowVerification(server: OwnServer, ms: number) {
  return fetch(`${server.url}/api/v1/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: `${E2E.remoteUrl}/slow-assertion.json?ms=${ms}` }),
  });
}

/** Waits until nothing accepts connections on the port any more. */
async function refusedWithin(port: number, ms: number): Promise<void> {
  await expect.poll(() => accepts('127.0.0.1', port, 500), { timeout: ms, intervals: [100] }).toBe(false);
}

test('npm start, SIGTERM: not ready at once, then no new connections, the request in flight finishes, exit 0', async () => {
  test.setTimeout(180_000);
  let server: OwnServer | undefined;
  try {
    server = await startOwnServer({ n: 1, how: 'npm start', env: { SHUTDOWN_DELAY_SECONDS: '1' } });
    const own = server;
    const inFlight = slowVerification(own, 4_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stoppedAt = Date.now();
    // To `npm start`: npm → the launcher → next start.
    own.child.kill('SIGTERM');

    // For SHUTDOWN_DELAY_SECONDS it still answers, and says it is not ready, on a closing connection.
    await expect
      .poll(async () => (await fetch(`${own.url}/api/ready`)).status, { intervals: [50], timeout: 900 })
      .toBe(503);
    const ready = await fetch(`${own.url}/api/ready`);
    expect(((await ready.json()) as { checks: { process: unknown } }).checks.process).toEqual({
      status: 'fail',
      detail: 'shutting down',
    });
    expect(ready.headers.get('connection')).toBe('close');

    await refusedWithin(own.port, 3_000);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(1_000);

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { verdict: string }).verdict).toBeTruthy();
    expect(await own.exited).toBe(0);
    // 1 s of delay, the rest of the 4 s verification, the pool closed: well inside the 25 s bound.
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    expect(own.logLines().find((l) => l.msg === 'shutdown: refusing new connections')).toMatchObject({
      signal: 'SIGTERM',
      inFlight: 1,
    });
    expect(own.logLines().find((l) => l.msg === 'shutdown: done')).toMatchObject({ isDrained: true });
  } finally {
    await stopOwnServer(server);
  }
});

test('next start run directly, SIGINT: a request past SHUTDOWN_TIMEOUT_SECONDS is cut off and it still exits 0 in time', async () => {
  test.setTimeout(180_000);
  let server: OwnServer | undefined;
  try {
    server = await startOwnServer({ n: 2, env: { SHUTDOWN_TIMEOUT_SECONDS: '1' } });
    const own = server;
    const inFlight = slowVerification(own, 8_000).then(
      (response) => response.status,
      () => 'cut off',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stoppedAt = Date.now();
    own.child.kill('SIGINT');
    await refusedWithin(own.port, 1_000);
    expect(await own.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(4_000);
    expect(await inFlight).toBe('cut off');
    expect(own.logLines().map((l) => l.msg)).toEqual(
      expect.arrayContaining(['shutdown: cutting off requests still in flight', 'shutdown: done']),
    );
  } finally {
    await stopOwnServer(server);
  }
});
