/**
 * Settings is one long page of eight sections: "On this page" at the top links to each, by
 * keyboard too, on a laptop and on a phone.
 */
import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from './support/helpers';
import { expectGoodState, SCREENS } from './support/look';

for (const screen of SCREENS) {
  test(`${screen.name}: every section of Settings is one link away`, async ({ page }, testInfo) => {
    await page.setViewportSize(screen.viewport);
    await signUp(page, { email: uniqueEmail(`contents-${screen.name}`) });
    await page.goto('/settings');
    await expectGoodState(page, testInfo, 'settings');

    const contents = page.getByRole('navigation', { name: 'On this page' });
    const links = contents.getByRole('link');
    const names = await links.allInnerTexts();
    expect(names).toEqual([
      'Profile',
      'Achievements',
      'Email addresses',
      'Notifications',
      'Password',
      'Sessions',
      'Download your data',
      'Delete your account',
    ]);
    for (const name of names) {
      const href = await contents.getByRole('link', { name, exact: true }).getAttribute('href');
      const section = page.locator(`section${href}`);
      await expect(section.getByRole('heading', { level: 2 }).first(), name).toHaveText(name);
    }

    // By keyboard: the last link takes focus and scrolls the danger zone into view.
    await contents.getByRole('link', { name: 'Delete your account' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#delete-account$/);
    await expect(page.getByRole('heading', { name: 'Delete your account' })).toBeInViewport();
  });
}
