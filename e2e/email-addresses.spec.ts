import { expect, type Page, test } from '@playwright/test';
import {
  awardBadge,
  fixtures,
  linkIn,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  waitForEmail,
} from './support/helpers';
import { expectGoodOnBothScreens } from './support/look';

const section = (page: Page) => page.getByRole('region', { name: 'Email addresses' });
const rows = (page: Page) =>
  section(page).getByRole('list', { name: 'Your email addresses' }).getByRole('listitem');

test('add an address, confirm it from its email, make it primary and remove the old one', async ({
  page,
  request,
}, testInfo) => {
  const first = uniqueEmail('first');
  const school = uniqueEmail('school');
  const { labs } = fixtures();
  // Sent before the learner has an account, let alone this address.
  const earlier = await awardBadge(request, { email: school, name: 'Sam School' });
  await signUp(page, { email: first });

  await page.goto('/settings#email-addresses');
  const addresses = section(page);
  await expect(rows(page)).toHaveText([new RegExp(`${first}.*Primary.*Confirmed`)]);

  await addresses.getByLabel('New email address').fill('not an address');
  await addresses.getByRole('button', { name: 'Add address' }).click();
  await expect(addresses.getByText('Enter an email address like name@example.com.').first()).toBeVisible();

  await addresses.getByLabel('New email address').fill(school.toUpperCase());
  await addresses.getByRole('button', { name: 'Add address' }).click();
  await expect(addresses.getByText(`We sent a confirmation link to ${school}.`)).toBeVisible();
  const row = rows(page).filter({ hasText: school });
  await expect(row).toContainText('Not confirmed');
  await expectGoodOnBothScreens(page, testInfo, 'settings-email-addresses-unconfirmed', addresses);

  // Not in the wallet until the address is confirmed.
  await page.goto('/wallet');
  await expect(page.getByRole('heading', { name: 'Waiting for your decision' })).toHaveCount(0);

  await page.goto('/settings');
  await row.getByRole('button', { name: `Resend link to ${school}` }).click();
  await expect(addresses.getByText(`We sent a new confirmation link to ${school}.`)).toBeVisible();

  const confirm = await waitForEmail(request, school, /Confirm your email/);
  // Transactional: no unsubscribe.
  expect(confirm.headers['List-Unsubscribe']).toBeUndefined();
  await page.goto(linkIn(confirm, '/verify-email/'));
  await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();

  await page.goto('/wallet');
  const pending = page.getByRole('region', { name: 'Waiting for your decision' });
  await expect(pending.getByText(labs.templateName)).toBeVisible();
  await expect(page.locator(`a[href*="${earlier.id}"]`).first()).toBeVisible();

  await page.goto('/settings#email-addresses');
  await expect(row).toContainText('Confirmed');
  await row.getByRole('button', { name: `Make primary ${school}` }).click();
  await expect(addresses.getByText(`${school} is now your primary address.`)).toBeVisible();
  const old = rows(page).filter({ hasText: first });
  await old.getByRole('button', { name: `Remove ${first}` }).click();
  await expect(addresses.getByText(`${first} is removed.`)).toBeVisible();
  await expect(rows(page)).toHaveText([new RegExp(`${school}.*Primary.*Confirmed`)]);
  await expectGoodOnBothScreens(page, testInfo, 'settings-email-addresses-primary', addresses);

  // The new primary signs in; the removed address no longer does.
  await signOut(page);
  await signIn(page, school);
  await signOut(page);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(first);
  await page.getByLabel('Password').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your wallet' })).toHaveCount(0);
});

test('an address confirmed by another account cannot be added', async ({ page }, testInfo) => {
  await signUp(page, { email: uniqueEmail('taken') });
  await page.goto('/settings');
  const addresses = section(page);
  await addresses.getByLabel('New email address').fill(fixtures().members.admin);
  await addresses.getByRole('button', { name: 'Add address' }).click();
  await expect(
    addresses.getByText(/Another Laurel account has confirmed this address/).first(),
  ).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expectGoodOnBothScreens(page, testInfo, 'settings-email-addresses-refused', addresses);
});
