import { expect, test } from '@playwright/test';
import { E2E } from './support/env';
import { awardBadge, linkIn, PASSWORD, uniqueEmail, waitForEmail } from './support/helpers';
import { expectAccessible } from './support/look';

test('public and account pages pass automated accessibility checks', async ({ page }) => {
  for (const path of ['/', '/help', '/sign-in', '/sign-up', '/forgot-password', `/claim/${'x'.repeat(43)}`]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto('/sign-up');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Check the answers marked below.')).toBeVisible();
  await expectAccessible(page);
});

test('the claim page and the wallet pass automated accessibility checks', async ({ page, request }) => {
  const email = uniqueEmail('a11y');
  const award = await awardBadge(request, { email });
  await page.goto(linkIn(await waitForEmail(request, email, /You've earned/), '/claim/'));
  await expectAccessible(page);
  await page.locator('#sign-up-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();
  await expectAccessible(page);
  await page.goto('/wallet');
  await expectAccessible(page);
  await page.goto(`/wallet/${award.id}`);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Accept badge' }).click();
  await expect(page.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();
  await page.goto(`/badges/${award.id}`);
  await expectAccessible(page);
  await page.goto(`/badges/${award.id}/verify`);
  await expect(page.getByText('Verified: every check passed.')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/verify');
  await page
    .getByLabel("or the badge's URL")
    .fill(`${page.url().replace(/\/verify$/, '')}/ob/v2/assertions/${award.id}`);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText(/^Verified/)).toBeVisible();
  await expectAccessible(page);
});

test('the skill and occupation pages pass automated accessibility checks', async ({ page }) => {
  for (const path of ['/skills/tableau?remote=1', '/occupations/15-2051.01', '/skills/no-such-skill']) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test('the jobs and skills search passes automated accessibility checks, suggestions open', async ({
  page,
}) => {
  await page.goto('/explore');
  await page
    .getByRole('combobox', { name: 'Search skills, occupations and job titles' })
    .pressSequentially('data');
  await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/explore?q=data+analyst');
  await expectAccessible(page);
});

test('the demo banner and mailbox pass automated accessibility checks', async ({ page }) => {
  await page.goto(`${E2E.demo.url}/dev/mailbox`);
  await expectAccessible(page);
});

test('every control on the claim page is reachable by keyboard', async ({ page, request }) => {
  const email = uniqueEmail('keyboard');
  await awardBadge(request, { email });
  await page.goto(linkIn(await waitForEmail(request, email, /You've earned/), '/claim/'));
  const reached = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName}:${el.id || el.textContent?.trim()}` : '';
    });
    reached.add(name);
  }
  for (const control of [
    'INPUT:sign-up-name',
    'INPUT:sign-up-password',
    'BUTTON:Create account',
    'INPUT:sign-in-email',
    'BUTTON:Decline',
  ]) {
    expect([...reached]).toContain(control);
  }
});
