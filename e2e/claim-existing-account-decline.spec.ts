import { expect, test } from '@playwright/test';
import {
  awardBadge,
  bearer,
  fixtures,
  linkIn,
  PASSWORD,
  signOut,
  signUp,
  uniqueEmail,
  waitForEmail,
} from './support/helpers';
import { declineFromClaim } from './support/learner';

test('an existing learner signs in from a claim link and declines the badge', async ({ page, request }) => {
  const { labs } = fixtures();
  const email = uniqueEmail('existing');
  await signUp(page, { email, name: 'Eve Existing' });
  await signOut(page);

  const award = await awardBadge(request, { email, name: 'Eve Existing' });
  const claimUrl = linkIn(await waitForEmail(request, email, /You've earned/), '/claim/');
  await page.goto(claimUrl);
  await expect(page.getByRole('heading', { name: labs.templateName })).toBeVisible();

  // The address has an account, so sign-in comes first and is prefilled.
  const signInEmail = page.locator('#sign-in-email');
  await expect(signInEmail).toHaveValue(email);
  await page.locator('#sign-in-password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
  await page.locator('#sign-in-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByText(/Signed in as Eve Existing/)).toBeVisible();
  await declineFromClaim(page);
  const status = await request.get(`/api/v1/awards/${award.id}`, { headers: bearer(labs.apiKey) });
  expect((await status.json()).state).toBe('declined');
  await page.goto('/wallet');
  await expect(page.getByRole('link', { name: new RegExp(labs.templateName) })).toHaveCount(0);
});

test('a pending badge sent to a confirmed address waits in the wallet and can be accepted there', async ({
  page,
  request,
}) => {
  const { labs } = fixtures();
  const email = uniqueEmail('waiting');
  await awardBadge(request, { email });
  const claimUrl = linkIn(await waitForEmail(request, email, /You've earned/), '/claim/');
  // Creating the account from the claim link confirms the address without accepting yet.
  await page.goto(claimUrl);
  await page.locator('#sign-up-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();

  await page.goto('/wallet');
  const pending = page.getByRole('region', { name: 'Waiting for your decision' });
  await pending.getByRole('link', { name: new RegExp(labs.templateName) }).click();
  await page.getByRole('button', { name: 'Accept badge' }).click();
  await expect(page.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();
  await page.goto('/wallet');
  await expect(page.getByRole('region', { name: 'Waiting for your decision' })).toHaveCount(0);
  await expect(
    page
      .getByRole('region', { name: 'Your badges' })
      .getByRole('link', { name: new RegExp(labs.templateName) }),
  ).toBeVisible();
});
