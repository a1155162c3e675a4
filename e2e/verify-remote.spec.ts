import { expect, test } from '@playwright/test';
import { E2E } from './support/env';

async function verifyUrl(page: import('@playwright/test').Page, url: string) {
  await page.goto('/verify');
  await page.getByLabel("or the badge's URL").fill(url);
  await page.getByRole('button', { name: 'Verify' }).click();
}

test("another issuer's hosted badge verifies at /verify", async ({ page }) => {
  await verifyUrl(page, `${E2E.remoteUrl}/assertion.json`);
  await expect(page.getByRole('strong').filter({ hasText: 'Robot Wrangler' })).toBeVisible();
  await expect(page.locator('[data-status="fail"]')).toHaveCount(0);
  await expect(page.getByText(/^Verified/)).toBeVisible();
});

test('/verify refuses local, private and metadata addresses, also behind a redirect', async ({ page }) => {
  const attempts = [
    'http://127.0.0.1:5432/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/badge.json',
    'http://[::1]:3100/',
    `${E2E.remoteUrl}/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`,
    `${E2E.remoteUrl}/redirect?to=${encodeURIComponent('http://127.0.0.1:3100/')}`,
  ];
  for (const url of attempts) {
    await verifyUrl(page, url);
    await expect(page.getByText('Not verified: at least one check failed.')).toBeVisible();
    await expect(page.getByText(/private or local network address/).first()).toBeVisible();
  }
  await verifyUrl(page, 'ftp://example.org/badge.json');
  await expect(page.getByText('Enter a web address starting with https:// or http://.')).toBeVisible();
});

test('hosted endpoints answer bad ids with 404 problem documents, never errors', async ({ request }) => {
  for (const path of [
    '/ob/v2/assertions/nope',
    '/ob/v2/badges/nope',
    '/ob/v2/issuers/nope',
    '/badges/nope/download/png',
    '/badges/nope/verification',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['content-type'], path).toContain('application/problem+json');
  }
  const unknown = '00000000-0000-4000-8000-000000000000';
  expect((await request.get(`/ob/v2/assertions/${unknown}`)).status()).toBe(404);
  expect((await request.get(`/badges/${unknown}`)).status()).toBe(404);
  expect((await request.get(`/badges/${unknown}/download/exe`)).status()).toBe(404);
});
