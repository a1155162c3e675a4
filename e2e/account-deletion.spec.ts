/**
 * Deleting an account (issue 15, part 4) on two instances sharing PostgreSQL and Redis: the
 * learner deletes from Settings on one instance and every public surface of theirs answers 404 on
 * both at once; signing in within the grace period cancels it and everything comes back. A learner
 * who does not come back is erased by the upkeep after the grace period (the request moved back in
 * time, then the upkeep run once): the award is unclaimed and the issuer's endpoint gets
 * award.unclaimed.
 */
import { createServer, type Server } from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import postgres from 'postgres';
import { type AppInstance, type Cluster, clusterPorts, startCluster } from './support/cluster';
import type { DeletionFixture, DeletionLearner } from './support/deletion-seed';
import { bearer } from './support/helpers';
import { expectGoodState, SCREENS } from './support/look';

test.describe.configure({ mode: 'serial' });

/** This file's block of ports (e2e/support/cluster.ts). */
const SLOT = 3;
const receiverPort = clusterPorts(SLOT).otherProcesses;

let cluster: Cluster;
let fixture: DeletionFixture;
let a: AppInstance;
let b: AppInstance;
let receiver: Server;
const received: { type: string; data: { award: { id: string; state: string } } }[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(receiverPort, '127.0.0.1', resolve));
  const started = await startCluster({
    slot: SLOT,
    label: 'deletion',
    instances: 2,
    seed: 'e2e/support/deletion-seed.ts',
    env: { OUTBOUND_ALLOW_HOSTS: 'localhost', WEBHOOK_URL: `http://localhost:${receiverPort}/hook` },
  });
  cluster = started.cluster;
  fixture = started.seeded as DeletionFixture;
  [a, b] = cluster.instances as [AppInstance, AppInstance];
});

test.afterAll(async () => {
  await cluster?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** Every public surface of the learner: badge page, embed, hosted 2.0 and 3.0 JSON, preview, download, profile. */
const surfaces = (learner: DeletionLearner) => [
  `/badges/${learner.awardId}`,
  `/badges/${learner.awardId}/embed`,
  `/ob/v2/assertions/${learner.awardId}`,
  `/ob/v3/credentials/${learner.awardId}`,
  `/badges/${learner.awardId}/preview.png`,
  `/badges/${learner.awardId}/download/png`,
  `/u/${learner.handle}`,
];

async function statuses(instance: AppInstance, learner: DeletionLearner) {
  const answers: Record<string, number> = {};
  for (const path of surfaces(learner)) answers[path] = (await fetch(instance.url + path)).status;
  return answers;
}

const all = (learner: DeletionLearner, status: number) =>
  Object.fromEntries(surfaces(learner).map((path) => [path, status]));

async function signInOn(page: Page, instance: AppInstance, learner: DeletionLearner, password: string) {
  await page.goto(`${instance.url}/sign-in`);
  await page.getByLabel('Email').fill(learner.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Deletes `learner`'s account from Settings on instance A; `isLooked` checks and attaches each state. */
async function deleteAccount(page: Page, learner: DeletionLearner, isLooked = false) {
  await page.goto(`${a.url}/settings`);
  const zone = page.getByRole('region', { name: 'Delete your account' });
  await expect(zone).toContainText('Your badges go back to their issuers as unclaimed');
  if (isLooked) {
    await zone.scrollIntoViewIfNeeded();
    await expectGoodState(page, test.info(), 'settings: delete your account');
  }
  // A wrong password, and no tick: both said, nothing deleted.
  await zone.getByLabel('Your password').fill('not my password');
  await zone.getByRole('button', { name: 'Delete my account' }).click();
  await expect(zone.getByText('Check the answers marked below.')).toBeVisible();
  await expect(
    zone.getByText('Tick the box to confirm that you want to delete your account.').first(),
  ).toBeVisible();
  await zone.getByRole('checkbox', { name: /I understand/ }).check();
  await zone.getByRole('button', { name: 'Delete my account' }).click();
  await expect(zone.getByText('Your account was not deleted.')).toBeVisible();
  await expect(zone.getByText('This is not your password. Check it and try again.').first()).toBeVisible();
  if (isLooked) {
    await expectGoodState(page, test.info(), 'settings: wrong password');
  }
  expect(await statuses(b, learner)).toEqual(all(learner, 200));

  await zone.getByLabel('Your password').fill(fixture.password);
  await zone.getByRole('button', { name: 'Delete my account' }).click();
  await expect(
    page.getByRole('heading', { name: /^Your account will be deleted on \d{1,2} \w+ \d{4}$/ }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in to keep your account' })).toBeVisible();
}

for (const [i, screen] of SCREENS.entries()) {
  test(`${screen.name}: deleting hides every public surface on every instance; signing in cancels it`, async ({
    page,
  }) => {
    await page.setViewportSize(screen.viewport);
    const learner = fixture.learners[i] as DeletionLearner;
    // Both instances have served (and cached) everything before.
    expect(await statuses(a, learner)).toEqual(all(learner, 200));
    expect(await statuses(b, learner)).toEqual(all(learner, 200));

    await signInOn(page, a, learner, fixture.password);
    await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();
    await deleteAccount(page, learner, true);
    await expectGoodState(page, test.info(), 'account deleted');

    // At once, on both instances.
    expect(await statuses(a, learner)).toEqual(all(learner, 404));
    expect(await statuses(b, learner)).toEqual(all(learner, 404));
    // Signed out: the settings page asks to sign in again.
    await page.goto(`${b.url}/settings`);
    await expect(page).toHaveURL(/\/sign-in/);

    const db = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const mail = await db<{ subject: string }[]>`
        select payload->>'subject' as subject from outbox where payload->>'to' = ${learner.email}`;
      const confirmations = mail.filter((m) =>
        m.subject.startsWith('Your Laurel account will be deleted on '),
      );
      expect(confirmations).toHaveLength(1);
    } finally {
      await db.end();
    }

    // Back within the grace period, on the other instance: cancelled, everything as before.
    await signInOn(page, b, learner, fixture.password);
    await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();
    await expect(page.getByText('Your account deletion was cancelled.')).toBeVisible();
    await expectGoodState(page, test.info(), 'deletion cancelled');
    expect(await statuses(a, learner)).toEqual(all(learner, 200));
    expect(await statuses(b, learner)).toEqual(all(learner, 200));
    // The notice is said once.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();
    await expect(page.getByText('Your account deletion was cancelled.')).toHaveCount(0);
  });
}

test('after the grace period the upkeep erases the account, unclaims the award and tells the issuer', async ({
  page,
}) => {
  const learner = fixture.learners[2] as DeletionLearner;
  await signInOn(page, a, learner, fixture.password);
  await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();
  await deleteAccount(page, learner);

  const db = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    // Eight days ago, instead of waiting; then the hourly upkeep, once.
    await db`update users set deletion_requested_at = now() - interval '8 days' where id = ${learner.id}`;
    await cluster.runScript('e2e/support/run-upkeep.ts');
    expect(await db`select id from users where id = ${learner.id}`).toHaveLength(0);
    expect(await db`select id from user_emails where email = ${learner.email}`).toHaveLength(0);
  } finally {
    await db.end();
  }

  // The issuer's system is told, and sees the award waiting to be claimed again.
  await expect
    .poll(() => received.find((e) => e.type === 'award.unclaimed' && e.data.award.id === learner.awardId), {
      timeout: 20_000,
    })
    .toBeTruthy();
  expect(received.filter((e) => e.type === 'award.unclaimed').map((e) => e.data.award)).toEqual([
    expect.objectContaining({ id: learner.awardId, state: 'pending' }),
  ]);
  const award = await fetch(`${b.url}/api/v1/awards/${learner.awardId}`, { headers: bearer(fixture.apiKey) });
  expect(await award.json()).toMatchObject({ id: learner.awardId, state: 'pending' });
  expect(await statuses(b, learner)).toEqual(all(learner, 404));

  // The deletion is final: the password no longer signs in.
  await signInOn(page, b, learner, fixture.password);
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
});
