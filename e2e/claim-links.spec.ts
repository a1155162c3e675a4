import { expect, test } from '@playwright/test';
import { awardBadge, bearer, emailsTo, fixtures, linkIn, uniqueEmail, waitForEmail } from './support/helpers';

test('an unknown claim link explains what happened and what to do, without an error', async ({ page }) => {
  const response = await page.goto(`/claim/${'A'.repeat(43)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'This claim link is not valid' })).toBeVisible();
  await expect(page.getByText(/ask the issuer to send the badge again/)).toBeVisible();
  await page.goto('/claim/%3Cscript%3E');
  await expect(page.getByRole('heading', { name: 'This claim link is not valid' })).toBeVisible();
});

test('after a resend, the first link says a newer one was emailed, and the newer link works', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('resent');
  const award = await awardBadge(request, { email });
  const first = await waitForEmail(request, email, /You've earned/);
  const resent = await request.post(`/api/v1/awards/${award.id}/resend`, {
    headers: bearer(fixtures().labs.apiKey),
  });
  expect(resent.status()).toBe(200);
  await expect.poll(async () => (await emailsTo(request, email)).length, { timeout: 15_000 }).toBe(2);
  const latest = (await emailsTo(request, email)).at(-1) ?? {};

  await page.goto(linkIn(first, '/claim/'));
  await expect(page.getByRole('heading', { name: 'A newer claim link was emailed to you' })).toBeVisible();
  await expect(page.getByText(/this one no longer works/)).toBeVisible();
  await page.goto(linkIn(latest, '/claim/'));
  await expect(page.getByRole('heading', { name: 'You have earned a badge' })).toBeVisible();
});
