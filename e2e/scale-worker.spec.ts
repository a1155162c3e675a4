/**
 * Two web instances that run no background work (WORKERS=off) and one `npm run worker`, on one
 * PostgreSQL and one Redis (issue 14): an award made through instance A is emailed exactly once,
 * by the worker. Mail goes to a local stand-in for Resend.
 */
import { expect, test } from '@playwright/test';
import { type FakeResend, startFakeResend } from '../test/fake-resend';
import { type AppInstance, type Cluster, clusterPorts, startCluster, startWorker } from './support/cluster';
import type { ClusterFixture } from './support/cluster-seed';
import { bearer } from './support/helpers';

test.describe.configure({ mode: 'serial' });

/** This file's block of ports (e2e/support/cluster.ts). */
const SLOT = 1;

const METRICS_TOKEN = 'scale-worker-metrics-token';
const WORKER_METRICS_PORT = clusterPorts(SLOT).otherProcesses;
let fake: FakeResend;
let cluster: Cluster;
let fixture: ClusterFixture;
let worker: Awaited<ReturnType<typeof startWorker>>;
let a: AppInstance;
let b: AppInstance;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fake = await startFakeResend();
  const started = await startCluster({
    slot: SLOT,
    label: 'worker',
    instances: 2,
    seed: 'e2e/support/cluster-seed.ts',
    env: {
      RESEND_API_KEY: 're_scale_worker',
      RESEND_BASE_URL: fake.url,
      EMAIL_FROM: 'Laurel <badges@laurel.example>',
      WORKERS: 'off',
      METRICS_TOKEN,
    },
  });
  cluster = started.cluster;
  fixture = started.seeded as ClusterFixture;
  [a, b] = cluster.instances as [AppInstance, AppInstance];
  worker = await startWorker(cluster, { WORKER_METRICS_PORT: String(WORKER_METRICS_PORT) });
});

test.afterAll(async () => {
  await worker?.stop();
  await cluster?.stop();
  await fake?.close();
});

/** A counter's total over its label sets, from a /metrics text. */
async function counter(url: string, name: string, labels: string) {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

test('an award made through instance A is emailed exactly once, by the worker', async () => {
  const email = `worker-${Date.now()}@learners.example`;
  const response = await fetch(`${a.url}/api/v1/awards`, {
    method: 'POST',
    headers: { ...bearer(fixture.apiKey), 'content-type': 'application/json' },
    body: JSON.stringify({ templateId: fixture.templateId, recipient: { email, name: 'Wren Worker' } }),
  });
  expect(response.status).toBe(201);

  const to = () => fake.emails.filter((e) => e.to.includes(email));
  await expect.poll(() => to().length, { timeout: 15_000 }).toBe(1);
  // Long enough for a second worker loop, a retry or an instance to send it again: nobody does.
  await new Promise((r) => setTimeout(r, 3_000));
  expect(to()).toHaveLength(1);
  expect(to()[0]?.subject).toContain(fixture.badgeName);

  // Sent by the worker: its counter has it, the web instances (WORKERS=off) sent nothing.
  const workerUrl = `http://127.0.0.1:${WORKER_METRICS_PORT}`;
  expect(await counter(workerUrl, 'laurel_email_deliveries_total', 'result="sent"')).toBeGreaterThanOrEqual(
    1,
  );
  for (const instance of [a, b])
    expect(await counter(instance.url, 'laurel_email_deliveries_total', 'result="sent"')).toBe(0);
});
