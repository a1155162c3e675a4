import { expect, test } from '@playwright/test';
import {
  awardBadge,
  linkIn,
  PASSWORD,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  waitForEmail,
} from './support/helpers';

test('sign-up answers "check your email"; its link confirms the address once, then sign-in works', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('confirm');
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name').fill('Cora Confirm');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(`We sent a link to ${email}`)).toBeVisible();
  const url = linkIn(await waitForEmail(request, email, /Confirm your email/), '/verify-email/');
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await signIn(page, email);
});

test('a forgotten password is reset by an emailed link, which works once', async ({ page, request }) => {
  const email = uniqueEmail('forgetful');
  await signUp(page, { email });
  await signOut(page);

  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText(/we have sent it a link/)).toBeVisible();
  const url = linkIn(await waitForEmail(request, email, /Reset your Laurel password/), '/reset-password/');

  await page.goto(url);
  await page.getByLabel('New password').fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Your password has been changed. Sign in with the new one.')).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
  await page.getByLabel('Password').fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();

  await page.goto(url);
  await expect(page.getByText(/This reset link is not valid or has expired/)).toBeVisible();
});

test('repeated wrong passwords make this browser wait, with a clear wait time', async ({ page }) => {
  const email = uniqueEmail('locked');
  await signUp(page, { email });
  await signOut(page);
  for (let attempt = 0; attempt < 5; attempt++) {
    // A fresh form per attempt: the previous answer must not race with the next typing.
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
  }
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Too many failed sign-in attempts. Try again in 1 minute.')).toBeVisible();
});

test("another learner's badge is a 404 in the wallet; signed-out visitors are sent to sign in", async ({
  browser,
  request,
}) => {
  const ownerEmail = uniqueEmail('owner');
  const award = await awardBadge(request, { email: ownerEmail });
  const owner = await browser.newPage();
  await owner.goto(linkIn(await waitForEmail(request, ownerEmail, /You've earned/), '/claim/'));
  await owner.locator('#sign-up-password').fill(PASSWORD);
  await owner.getByRole('button', { name: 'Create account' }).click();
  await owner.getByRole('button', { name: 'Accept badge' }).click();
  await expect(owner.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();

  const stranger = await browser.newPage();
  const response = await stranger.goto(`/wallet/${award.id}`);
  await expect(stranger).toHaveURL(/\/sign-in\?callbackUrl=/);
  expect(response?.status()).toBe(200);
  await signUp(stranger, { email: uniqueEmail('stranger') });
  const denied = await stranger.goto(`/wallet/${award.id}`);
  expect(denied?.status()).toBe(404);
  expect((await stranger.goto('/wallet/not-a-uuid'))?.status()).toBe(404);
});
