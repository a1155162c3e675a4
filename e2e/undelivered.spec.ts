import { type Browser, expect, type Page, test } from '@playwright/test';
import { E2E } from './support/env';
import { fixtures, type UndeliveredFixture, waitForEmail } from './support/helpers';
import { expectGoodState, SCREENS } from './support/look';

/**
 * The console's Undelivered page, on a laptop and on a phone, each in an issuer of its own
 * (fixtures().undelivered, made by prepare.ts: two webhook deliveries whose last attempt was
 * answered 500, a claim email the provider refused, a CSV upload that gave up). The admin sees
 * them, retries the deliveries (here and on the Webhooks page) and the upload, sends a new claim
 * email, and nothing is left; the receiver gets the events. Staff see no deliveries; another
 * issuer's admin sees no page at all.
 */

async function signIn(page: Page, email: string, slug: string) {
  await page.goto(`/sign-in?callbackUrl=/issuer/${slug}/undelivered`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(fixtures().members.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Undelivered', level: 1 })).toBeVisible();
}

const tab = (page: Page) =>
  page.getByRole('navigation', { name: 'Issuer console' }).getByRole('link', { name: /^Undelivered/ });

type Received = { body: string };

/** What the remote host's receiver got for one delivery id (the body carries it). */
async function receivedFor(request: Page['request'], deliveryId: string) {
  const all = (await (await request.get(`${E2E.remoteUrl}/__webhooks`)).json()) as Received[];
  return all
    .map((r) => JSON.parse(r.body) as { id: string; type: string })
    .filter((b) => b.id === deliveryId);
}

async function staffAndStrangers(
  browser: Browser,
  f: UndeliveredFixture,
  viewport: { width: number; height: number },
) {
  const staff = await browser.newPage({ viewport });
  try {
    await signIn(staff, f.staff, f.slug);
    await expect(staff.getByText('Failed webhook deliveries are shown to admins.')).toBeVisible();
    await expect(staff.getByRole('heading', { name: 'Webhook deliveries' })).toHaveCount(0);
    await expect(staff.getByTestId('failed-email')).toHaveCount(1);
    await expect(staff.getByTestId('failed-upload')).toHaveCount(1);
    await expect(tab(staff)).toHaveAccessibleName('Undelivered, 2 waiting');
  } finally {
    await staff.close();
  }
  // An admin of another issuer: the page, like the rest of this console, does not exist for them.
  const stranger = await browser.newPage({ viewport });
  try {
    await stranger.goto('/sign-in?callbackUrl=/issuer');
    await stranger.getByLabel('Email').fill(fixtures().members.admin);
    await stranger.getByLabel('Password').fill(fixtures().members.password);
    await stranger.getByRole('button', { name: 'Sign in' }).click();
    await expect(stranger.getByText('Issuer console · admin')).toBeVisible();
    expect((await stranger.goto(`/issuer/${f.slug}/undelivered`))?.status()).toBe(404);
  } finally {
    await stranger.close();
  }
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport });

    test('an admin sees what was not delivered and sends each again until nothing is waiting', async ({
      page,
      browser,
      request,
    }, testInfo) => {
      test.setTimeout(120_000);
      const f = fixtures().undelivered[screen.name];
      await signIn(page, f.admin, f.slug);

      await test.step('two deliveries, an email and an upload wait, each saying why', async () => {
        await expect(tab(page)).toHaveAccessibleName('Undelivered, 4 waiting');
        await expect(tab(page)).toHaveAttribute('aria-current', 'page');
        const deliveries = page.getByTestId('failed-delivery');
        await expect(deliveries).toHaveCount(2);
        const created = deliveries.filter({ hasText: 'award.created' });
        await expect(created).toContainText('The endpoint answered HTTP 500.');
        await expect(created).toContainText(`${E2E.remoteUrl}/webhook?run=${f.slug}`);
        const email = page.getByTestId('failed-email');
        await expect(email).toContainText(f.recipient);
        await expect(email).toContainText('The recipient’s mail server refused the message.');
        await expect(page.getByTestId('failed-upload')).toContainText(f.fileName);
        // The claim link was in the email's body, which is gone and never shown.
        await expect(page.locator('main')).not.toContainText('/claim/');
        await expectGoodState(page, testInfo, 'undelivered: four waiting');
      });

      await test.step('staff see the emails and uploads only; another issuer’s admin gets a 404', async () => {
        await staffAndStrangers(browser, f, screen.viewport);
      });

      await test.step('Retry queues the award.created delivery again and the receiver gets it', async () => {
        const created = page.getByTestId('failed-delivery').filter({ hasText: 'award.created' });
        await created.getByRole('button', { name: /^Retry/ }).click();
        await expect(created.getByRole('status')).toHaveText('Queued again.');
        await expect(created.getByRole('status')).toBeFocused();
        await expect(tab(page)).toHaveAccessibleName('Undelivered, 3 waiting');
        await expect
          .poll(async () => (await receivedFor(request, f.createdDeliveryId)).map((b) => b.type), {
            timeout: 20_000,
          })
          .toEqual(['award.created']);
        await expectGoodState(page, testInfo, 'undelivered: delivery queued again');
      });

      await test.step('the Webhooks page retries the failed test delivery in its row', async () => {
        await page
          .getByRole('navigation', { name: 'Issuer console' })
          .getByRole('link', { name: 'Webhooks', exact: true })
          .click();
        const row = page
          .getByTestId('delivery-row')
          .filter({ hasText: 'failed' })
          .filter({ hasText: 'test' });
        await expect(row).toHaveCount(1);
        await row.getByRole('button', { name: /^Retry/ }).click();
        await expect(page.getByTestId('retry-outcome')).toHaveText('Queued again.');
        await expect
          .poll(async () => (await receivedFor(request, f.testDeliveryId)).map((b) => b.type), {
            timeout: 20_000,
          })
          .toEqual(['test']);
        await expect(tab(page)).toHaveAccessibleName('Undelivered, 2 waiting');
        await expectGoodState(page, testInfo, 'webhooks: failed delivery queued again');
      });

      await test.step('the upload is retried from the list; the email is resent from its award', async () => {
        await tab(page).click();
        await expect(page.getByTestId('failed-delivery')).toHaveCount(0);
        const upload = page.getByTestId('failed-upload');
        await upload.getByRole('button', { name: /^Retry the unfinished rows/ }).click();
        await expect(upload.getByRole('status')).toContainText('Retrying the unfinished rows.');
        await expect(tab(page)).toHaveAccessibleName('Undelivered, 1 waiting');

        await page
          .getByTestId('failed-email')
          .getByRole('link', { name: /^Open the award/ })
          .click();
        await expect(page).toHaveURL(new RegExp(`/awards/${f.awardId}$`));
        await page.getByRole('button', { name: 'Resend claim email' }).click();
        await expect(page.getByText(`A new claim email is on its way to ${f.recipient}`)).toBeVisible();
        await waitForEmail(request, f.recipient, /earned/);
      });

      await test.step('nothing is waiting', async () => {
        await tab(page).click();
        await expect(page.getByTestId('nothing-undelivered')).toHaveText(
          'Nothing is waiting. Every webhook delivery, email and CSV upload was delivered or is still being tried.',
        );
        await expect(tab(page)).toHaveAccessibleName('Undelivered');
        await expectGoodState(page, testInfo, 'undelivered: nothing waiting');
      });
    });
  });
}
