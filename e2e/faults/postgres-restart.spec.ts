/**
 * PostgreSQL restarted under a mixed load (issue 14): one web instance and one worker on a
 * PostgreSQL server of the test's own. Awards (issuer API with Idempotency-Key, retried with the
 * same key until answered), badge page views and claim pages run while the server restarts
 * (fast shutdown: every connection cut). The app must recover by itself within 5 s of the server
 * being back, lose no acknowledged award and make none twice, and still email each award once.
 * What it took is in ARCHITECTURE.md ("A PostgreSQL restart is survived within seconds");
 * `npm run test:faults` runs this spec alone.
 */
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { type FakeResend, startFakeResend } from '../../test/fake-resend';
import { type AppInstance, type Cluster, clusterPorts, startCluster, startWorker } from '../support/cluster';
import type { ClusterFixture } from '../support/cluster-seed';
import { bearer } from '../support/helpers';
import { type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres';

test.describe.configure({ mode: 'serial' });

/** This file's block of ports (e2e/support/cluster.ts). */
const SLOT = 2;

let pg: PrivatePostgres;
let fake: FakeResend;
let cluster: Cluster;
let fixture: ClusterFixture;
let worker: Awaited<ReturnType<typeof startWorker>>;
let web: AppInstance;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  pg = startPrivatePostgres(clusterPorts(SLOT).otherProcesses + 3);
  fake = await startFakeResend();
  const started = await startCluster({
    slot: SLOT,
    label: 'faults',
    instances: 1,
    withRedis: false,
    adminUrl: pg.url,
    seed: 'e2e/support/cluster-seed.ts',
    env: {
      RESEND_API_KEY: 're_scale_faults',
      RESEND_BASE_URL: fake.url,
      EMAIL_FROM: 'Laurel <badges@laurel.example>',
      WORKERS: 'off',
      API_RATE_LIMIT_PER_MINUTE: '100000',
      // A job whose worker could not record its outcome during the outage comes back after its
      // lease: seconds here rather than the production minute, so the test can wait for it.
      QUEUE_LEASE_SECONDS: '6',
      LOG_LEVEL: 'warn',
    },
  });
  cluster = started.cluster;
  fixture = started.seeded as ClusterFixture;
  [web] = cluster.instances as [AppInstance];
  worker = await startWorker(cluster);
});

test.afterAll(async () => {
  await worker?.stop();
  await cluster?.stop();
  await fake?.close();
  pg?.stop();
});

type Outcome = { key: string; email: string; awardId: string; at: number };

test('a PostgreSQL restart under load: back within 5 s, no acknowledged award lost, none twice', async () => {
  test.setTimeout(180_000);
  const acknowledged: Outcome[] = [];
  const failures: Array<{ at: number; what: string }> = [];
  let restartedAt = 0;
  let isRunning = true;

  /** One award, retried under its key until the API answers it (or the load ends). */
  const award = async (i: number) => {
    const key = `restart-${i}`;
    const email = `restart-${i}@learners.example`;
    while (isRunning) {
      try {
        const response = await fetch(`${web.url}/api/v1/awards`, {
          method: 'POST',
          headers: { ...bearer(fixture.apiKey), 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({
            templateId: fixture.templateId,
            recipient: { email, name: `Learner ${i}` },
          }),
        });
        if (response.status === 201 || response.status === 200) {
          const body = (await response.json()) as { id: string };
          acknowledged.push({ key, email, awardId: body.id, at: Date.now() });
          return;
        }
        // 409 with Retry-After: a request under this key is still leased (one the outage cut
        // off keeps its lease until it lapses). The answer to "try later", not a failure.
        if (response.status !== 409) failures.push({ at: Date.now(), what: `award ${response.status}` });
      } catch (error) {
        failures.push({ at: Date.now(), what: `award ${(error as Error).message}` });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const awards = async (lane: number) => {
    for (let i = lane; isRunning; i += 4) await award(i);
  };
  const views = async () => {
    const claimLinks = () => fake.emails.flatMap((e) => /\/claim\/[A-Za-z0-9_-]+/.exec(e.text ?? '') ?? []);
    while (isRunning) {
      const done = acknowledged.at(-1);
      const paths = [
        `/badges/${fixture.awardId}`,
        ...(claimLinks().slice(-1) ?? []),
        done ? '/verify' : '/help',
      ];
      for (const path of paths) {
        const status = await fetch(web.url + path).then(
          (r) => r.status,
          () => 0,
        );
        if (status !== 200) failures.push({ at: Date.now(), what: `view ${path} ${status}` });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const load = Promise.all([awards(0), awards(1), awards(2), awards(3), views()]);
  await new Promise((r) => setTimeout(r, 4_000));
  const beforeRestart = acknowledged.length;
  pg.restart();
  restartedAt = Date.now();
  // Load goes on until well past the promise.
  await new Promise((r) => setTimeout(r, 10_000));
  isRunning = false;
  await load;

  expect(beforeRestart).toBeGreaterThan(0);
  const firstAfter = acknowledged.find((o) => o.at > restartedAt);
  expect(
    firstAfter,
    `no award answered after the restart; failures: ${JSON.stringify(failures.slice(-5))}\nweb instance output:\n${web.output().slice(-6_000)}`,
  ).toBeTruthy();
  const recoveredInMs = (firstAfter?.at ?? Infinity) - restartedAt;
  test.info().annotations.push({
    type: 'recovery',
    description: `first award after the restart: ${recoveredInMs} ms`,
  });
  expect(recoveredInMs).toBeLessThan(5_000);
  // Pages too: nothing failed later than 5 s after the server was back.
  const lateFailures = failures.filter((f) => f.at > restartedAt + 5_000);
  expect(lateFailures, `web instance output:\n${web.output().slice(-6_000)}`).toEqual([]);

  // Every acknowledged award is there, once; no key made two.
  const sql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const keys = acknowledged.map((o) => o.key);
    const rows = await sql<Array<{ id: string; key: string }>>`
      select id, idempotency_key as key from awards where idempotency_key like 'restart-%'`;
    const byKey = new Map(rows.map((r) => [r.key, r.id]));
    expect(rows.length).toBe(byKey.size);
    for (const o of acknowledged) expect(byKey.get(o.key), o.key).toBe(o.awardId);
    expect(new Set(keys).size).toBe(keys.length);

    // The worker came back too: each award's claim email went out, once.
    await expect
      .poll(
        async () => {
          const [waiting] = await sql<Array<{ n: number }>>`
            select count(*)::int as n from outbox where status in ('pending', 'sending')`;
          return waiting?.n;
        },
        { timeout: 60_000, message: 'claim emails still waiting a minute after the restart' },
      )
      .toBe(0)
      .catch((error: Error) => {
        throw new Error(`${error.message}\nworker output:\n${worker.output().slice(-3_000)}`);
      });
    for (const { email } of acknowledged)
      expect(
        fake.emails.filter((e) => e.to.includes(email)),
        email,
      ).toHaveLength(1);
  } finally {
    await sql.end();
  }
});
