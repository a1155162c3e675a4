/**
 * Deleting the account of an issuer's only admin would leave the issuer with nobody to manage it:
 * Settings says so in the danger zone, before the learner decides. Staff, and admins of issuers
 * with another admin, see no such line. Nothing is deleted here.
 */
import { expect, test } from '@playwright/test';
import { fixtures, signIn } from './support/helpers';
import { expectGoodOnBothScreens } from './support/look';

test('the only admin of an issuer is told before deleting the account; staff are not', async ({
  page,
}, testInfo) => {
  const { labs, members } = fixtures();
  await signIn(page, members.admin, members.password);
  await page.goto('/settings#delete-account');
  const zone = page.getByRole('region', { name: 'Delete your account' });
  await expect(zone.getByText(`You are the only admin of ${labs.name}.`)).toBeVisible();
  await expect(zone).toContainText('nobody can manage it in the issuer console');
  // The checkbox's description is the list of effects, warning included.
  await expect(zone.getByRole('checkbox', { name: /I understand/ })).toHaveAccessibleDescription(
    new RegExp(`only admin of ${labs.name}`),
  );
  await expectGoodOnBothScreens(page, testInfo, 'settings: only admin', zone);

  await page.context().clearCookies();
  await signIn(page, members.staff, members.password);
  await page.goto('/settings#delete-account');
  await expect(page.getByRole('region', { name: 'Delete your account' })).toContainText(
    'If you delete your account',
  );
  await expect(page.getByText(/You are the only admin of/)).toHaveCount(0);
});
