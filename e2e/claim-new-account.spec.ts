import { expect, test } from '@playwright/test';
import {
  awardBadge,
  emailsTo,
  fixtures,
  linkIn,
  PASSWORD,
  uniqueEmail,
  waitForEmail,
} from './support/helpers';

test('an issuer awards a badge, the learner claims it into a new account, and it is in the wallet', async ({
  page,
  request,
}) => {
  const { labs } = fixtures();
  const email = uniqueEmail('newcomer');
  const award = await awardBadge(request, { email, name: 'Nia Newcomer' });
  expect(award.state).toBe('pending');

  const message = await waitForEmail(request, email, /You've earned the .* badge from E2E Labs/);
  expect(message.subject).toBe(`You've earned the ${labs.templateName} badge from ${labs.name}`);
  expect(message.html).toContain('Claim your badge');
  expect(message.text).toContain('/claim/');
  const claimUrl = linkIn(message, '/claim/');

  await page.goto(claimUrl);
  await expect(page.getByRole('heading', { name: labs.templateName })).toBeVisible();
  await expect(page.getByText('Pass the graded practical with at least 80%.')).toBeVisible();
  const signUpEmail = page.locator('#sign-up-email');
  await expect(signUpEmail).toHaveValue(email);
  await expect(signUpEmail).toHaveAttribute('readonly', '');

  // A too-short password is refused with a message and loses nothing else.
  await page.locator('#sign-up-password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.locator('#sign-up-name')).toHaveValue('Nia Newcomer');

  await page.locator('#sign-up-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();
  await page.getByRole('button', { name: 'Accept badge' }).click();

  await expect(page.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();
  await page.getByRole('link', { name: /Back to your wallet/ }).click();
  const card = page.getByRole('link', { name: new RegExp(labs.templateName) });
  await expect(card).toBeVisible();
  await expect(card).toContainText(labs.name);

  // The claim address was proven by the link: no confirmation email was sent for it.
  expect((await emailsTo(request, email)).map((e) => e.subject)).toEqual([message.subject]);
  const status = await request.get(`/api/v1/awards/${award.id}`, {
    headers: { Authorization: `Bearer ${labs.apiKey}` },
  });
  expect((await status.json()).state).toBe('accepted');

  // The link is single-use.
  await page.goto(claimUrl);
  await expect(page.getByRole('heading', { name: 'This badge has already been claimed' })).toBeVisible();
});
