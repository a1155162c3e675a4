import { expect, test } from '@playwright/test';
import { E2E } from './support/env';
import { PASSWORD, uniqueEmail } from './support/helpers';

test.describe('demo mode (no email provider)', () => {
  test.use({ baseURL: E2E.demo.url });

  test('every page says mail is not sent, and mail is readable at /dev/mailbox', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('Demo mode — emails are not sent.')).toBeVisible();
    await page.goto('/help');
    await expect(page.getByText('Demo mode — emails are not sent.')).toBeVisible();

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
  await expect(page.getByText('Demo mode — emails are not sent.')).toHaveCount(0);
  expect((await page.goto('/dev/mailbox'))?.status()).toBe(404);
  expect((await page.goto('/dev/mailbox/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
});
