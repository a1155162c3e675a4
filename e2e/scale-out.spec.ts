/**
 * Two `next start` instances behind one address, sharing PostgreSQL and Redis (issue 14): a page
 * one renders is served by the other from the shared cache, and a badge made private or revoked
 * on one is gone from the other within a second. Then Redis stops, and pages still render.
 */
import { expect, type Page, test } from '@playwright/test';
import { createClient } from 'redis';
import { HIDEABLE_PAGE_CACHE_CONTROL } from '@/lib/http/cache-headers';
import { type AppInstance, type Cluster, startCluster } from './support/cluster';
import type { ClusterFixture } from './support/cluster-seed';
import { bearer } from './support/helpers';

test.describe.configure({ mode: 'serial' });

/** This file's block of ports (e2e/support/cluster.ts). */
const SLOT = 0;

let cluster: Cluster;
let fixture: ClusterFixture;
let a: AppInstance;
let b: AppInstance;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const started = await startCluster({
    slot: SLOT,
    label: 'scale',
    instances: 2,
    seed: 'e2e/support/cluster-seed.ts',
  });
  cluster = started.cluster;
  fixture = started.seeded as ClusterFixture;
  [a, b] = cluster.instances as [AppInstance, AppInstance];
});

test.afterAll(async () => {
  await cluster?.stop();
});

const badgePath = () => `/badges/${fixture.awardId}`;

async function get(instance: AppInstance, path: string, accept = 'text/html') {
  const started = performance.now();
  const response = await fetch(instance.url + path, { headers: { accept } });
  const body = await response.text();
  return {
    status: response.status,
    body,
    cache: response.headers.get('x-nextjs-cache'),
    cacheControl: response.headers.get('cache-control'),
    ms: performance.now() - started,
  };
}

/**
 * How long after now a request to `instance` first gets the answer `isDone` wants, asking every
 * 25 ms: the time that request was sent, not when its answer came back, since a page whose
 * cache entry was just invalidated is rendered afresh, which on a busy machine can take a while.
 * Fails after 10 s (then the test's own assertion on the time says by how much it missed).
 */
async function msUntil(
  instance: AppInstance,
  path: string,
  isDone: (answer: Awaited<ReturnType<typeof get>>) => boolean,
) {
  const started = performance.now();
  for (;;) {
    const sent = performance.now() - started;
    const answer = await get(instance, path);
    if (isDone(answer)) return sent;
    if (performance.now() - started > 10_000)
      throw new Error(`${instance.name} still answers ${answer.status} for ${path}:\n${instance.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Puts a measured time in the report. */
function note(what: string, ms: number) {
  test.info().annotations.push({ type: 'ms', description: `${what}: ${Math.round(ms)} ms` });
}

async function signInOn(page: Page, instance: AppInstance) {
  await page.goto(`${instance.url}/sign-in`);
  await page.getByLabel('Email').fill(fixture.learner.email);
  await page.getByLabel('Password').fill(fixture.learner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();
}

async function chooseVisibility(page: Page, choice: 'Public' | 'Private') {
  await page.getByRole('radio', { name: new RegExp(`^${choice}`) }).click();
  const saved =
    choice === 'Private'
      ? 'Saved. Only you can see this badge now.'
      : 'Saved. Anyone with the link can see this badge now.';
  await expect(page.getByText(saved)).toBeVisible();
}

test('a page one instance renders, the other serves from the shared cache, CDN-safe', async () => {
  expect((await get(a, badgePath())).status).toBe(200);
  // A stores what it rendered in Redis (just after answering).
  const redis = createClient({ url: cluster.redis?.url });
  await redis.connect();
  await expect
    .poll(async () => (await redis.keys('laurel:next:*:entry:*')).some((key) => key.endsWith(badgePath())))
    .toBe(true);
  await redis.close();
  // B never rendered it: its first answer comes from what A stored.
  const onB = await get(b, badgePath());
  expect([onB.status, onB.cache]).toEqual([200, 'HIT']);
  expect(onB.body).toContain(fixture.badgeName);

  // A CDN may keep the page and the embed card no longer than the instances do.
  expect(onB.cacheControl).toBe(HIDEABLE_PAGE_CACHE_CONTROL);
  await get(a, `${badgePath()}/embed`);
  await expect.poll(async () => (await get(b, `${badgePath()}/embed`)).cache).toBe('HIT');
  const embed = await get(b, `${badgePath()}/embed`);
  expect([embed.status, embed.cacheControl]).toEqual([200, HIDEABLE_PAGE_CACHE_CONTROL]);
  // The hosted assertion the same address answers for JSON keeps its own header.
  const json = await get(b, badgePath(), 'application/json');
  expect([json.status, json.cacheControl]).toEqual([200, 'no-cache']);
});

test('a badge made private on one instance is gone from the other within a second', async ({ page }) => {
  await expect.poll(async () => (await get(b, badgePath())).cache).toBe('HIT');
  await signInOn(page, a);
  await page.goto(`${a.url}/wallet/${fixture.awardId}`);

  await chooseVisibility(page, 'Private');
  const hidden = await msUntil(b, badgePath(), (r) => r.status === 404);
  note('private on A → 404 on B', hidden);
  expect(hidden).toBeLessThan(1_000);
  expect((await get(b, `${badgePath()}/embed`)).status).toBe(404);
  expect((await get(a, badgePath())).status).toBe(404);

  await chooseVisibility(page, 'Public');
  const shown = await msUntil(b, badgePath(), (r) => r.status === 200);
  note('public on A → 200 on B', shown);
  expect(shown).toBeLessThan(1_000);
  expect((await get(b, `${badgePath()}/embed`)).status).toBe(200);
});

test('a new name saved on one instance shows on the other’s badge page within a second', async ({ page }) => {
  await expect.poll(async () => (await get(b, badgePath())).cache, { timeout: 15_000 }).toBe('HIT');
  await signInOn(page, a);
  await page.goto(`${a.url}/settings`);
  await page.getByLabel('Name').fill('Sky Renamed');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
  const renamed = await msUntil(b, badgePath(), (r) => r.body.includes('Sky Renamed'));
  note('renamed on A → page on B', renamed);
  expect(renamed).toBeLessThan(1_000);
});

test('a badge revoked through one instance shows revoked on the other within a second', async () => {
  // Cached again on A: a changed page is rendered per request for a few seconds first (the
  // handler's margin against a render that read the database before the change).
  await expect.poll(async () => (await get(a, badgePath())).cache, { timeout: 15_000 }).toBe('HIT');
  expect((await get(a, `/ob/v2/assertions/${fixture.awardId}`)).status).toBe(200);

  const revoked = await fetch(`${b.url}/api/v1/awards/${fixture.awardId}/revoke`, {
    method: 'POST',
    headers: { ...bearer(fixture.apiKey), 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'Issued in error' }),
  });
  expect(revoked.status).toBe(200);

  const page = await msUntil(a, badgePath(), (r) => r.body.includes('Revoked on'));
  note('revoked through B → page on A', page);
  expect(page).toBeLessThan(1_000);
  expect((await get(a, badgePath())).body).toContain('Reason: Issued in error');
  const assertion = await msUntil(a, `/ob/v2/assertions/${fixture.awardId}`, (r) => r.status === 410);
  note('revoked through B → 410 on A', assertion);
  expect(assertion).toBeLessThan(1_000);
});

test('with Redis stopped, both instances still render pages from the database, promptly', async () => {
  await cluster.redis?.stop();
  const times: number[] = [];
  for (const instance of [a, b, a, b, a, b]) {
    const answer = await get(instance, badgePath());
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Revoked on');
    note(`${instance.name} without Redis`, answer.ms);
    times.push(answer.ms);
  }
  // Rendering alone: no request waits on Redis (a failure keeps it out of the way for a second).
  const median = [...times].sort((x, y) => x - y)[times.length / 2] ?? Infinity;
  expect(median).toBeLessThan(1_000);
  expect((await get(b, `${badgePath()}/embed`)).status).toBe(200);
  // And each instance says so where an operator looks, staying in the load balancer: it serves.
  for (const instance of [a, b]) {
    const ready = await fetch(`${instance.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'degraded', checks: { redis: { status: 'fail' } } });
  }
});
