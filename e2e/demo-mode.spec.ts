import { expect, type Page, test } from '@playwright/test';
import { E2E } from './support/env';
import { PASSWORD, uniqueEmail } from './support/helpers';

const BANNER = 'Demo mode — emails are not sent.';

/**
 * Opens a cached public page and returns what its banner asked the running server (/api/mode),
 * once the answer has reached the page.
 */
async function openCachedPage(page: Page, path: string) {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/mode');
  await page.goto(path);
  const mode = (await (await answer).json()) as { captured: boolean };
  // Two frames: React has applied the answer by then.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return mode;
}

test.describe('demo mode (no email provider)', () => {
  test.use({ baseURL: E2E.demo.url });

  test('every page says mail is not sent, and mail is readable at /dev/mailbox', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText(BANNER)).toBeVisible();
    await page.goto('/help');
    await expect(page.getByText(BANNER)).toBeVisible();
    // A page built once and served from the cache asks the running server.
    expect(await openCachedPage(page, '/verify')).toEqual({ captured: true });
    await expect(page.getByText(BANNER)).toBeVisible();

    const email = uniqueEmail('demo');
    await page.goto('/sign-up');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name').fill('Demo Person');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText(`We sent a link to ${email}`)).toBeVisible();

    await page.getByRole('link', { name: 'Open the mailbox' }).click();
    await expect(page.getByRole('heading', { name: 'Demo mailbox' })).toBeVisible();
    await page.getByRole('link', { name: new RegExp(`${email}.*Confirm your email address`) }).click();
    await expect(page.getByRole('heading', { name: 'Confirm your email address' })).toBeVisible();
    await page.getByText('Plain-text version').click();
    await expect(page.getByText(/\/verify-email\//)).toBeVisible();
  });
});

test('with a provider configured there is no banner and no mailbox at all', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(BANNER)).toHaveCount(0);
  expect((await page.goto('/dev/mailbox'))?.status()).toBe(404);
  expect((await page.goto('/dev/mailbox/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
});

test('the mode is the running server’s: a page built without a provider shows no banner here', async ({
  page,
  request,
}) => {
  // `npm run test:e2e` builds without RESEND_API_KEY; this server has one.
  const mode = await request.get('/api/mode');
  expect(mode.headers()['cache-control']).toBe('no-store');
  expect(await mode.json()).toEqual({ captured: false });
  expect(await openCachedPage(page, '/verify')).toEqual({ captured: false });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(BANNER)).toHaveCount(0);
});
