import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readZip } from '../test/read-zip';
import { linkIn, signUp, uniqueEmail, waitForEmail } from './support/helpers';
import { acceptFromClaim, awardWithClaimLink } from './support/learner';
import { expectGoodState, SCREENS } from './support/look';

for (const screen of SCREENS) {
  test.describe(`on a ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('a learner asks for their data, watches it being made, is emailed, and downloads the zip', async ({
      page,
      request,
      browser,
    }, testInfo) => {
      const email = uniqueEmail('export');
      await signUp(page, { email, name: 'Dana Export' });
      for (let i = 0; i < 2; i++)
        await acceptFromClaim(page, (await awardWithClaimLink(request, email)).claimUrl);

      await page.goto('/settings');
      const section = page.getByRole('region', { name: 'Download your data' });
      await section.scrollIntoViewIfNeeded();
      await expectGoodState(page, testInfo, 'settings-export-none');

      await section.getByRole('button', { name: 'Get a copy of your data' }).click();
      const progress = section.getByRole('progressbar', { name: 'Gathering your data' });
      await expect(progress).toBeVisible();
      await expect(progress).toHaveAttribute('aria-valuetext', /^\d+%$/);
      // The export of two badges takes well under a second: the section is caught first, then checked.
      await testInfo.attach('export running (section)', {
        body: await section.screenshot(),
        contentType: 'image/png',
      });
      await expectGoodState(page, testInfo, 'settings-export-running');

      const link = section.getByRole('link', { name: /^Download your data \([\d.]+ (KB|MB), zip\)$/ });
      await expect(link).toBeVisible({ timeout: 30_000 });
      await expect(progress).toBeHidden();
      await expect(section.getByText(/You can download it until/)).toBeVisible();
      await expectGoodState(page, testInfo, 'settings-export-ready');
      await testInfo.attach('export ready (section)', {
        body: await section.screenshot(),
        contentType: 'image/png',
      });

      const mail = await waitForEmail(request, email, /^Your Laurel data is ready$/);
      expect(linkIn(mail, '/settings')).toMatch(/\/settings#download-your-data$/);
      expect(mail.text).not.toContain('/api/account/export');

      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^laurel-data-\d{4}-\d{2}-\d{2}\.zip$/);
      const files = await readZip(readFileSync(await download.path()));
      const index = JSON.parse(files.get('badges.json')?.toString() ?? '[]') as { files: string[] }[];
      expect(index).toHaveLength(2);
      for (const file of index.flatMap((row) => row.files)) expect(files.has(file), file).toBe(true);
      expect(index.flatMap((row) => row.files).filter((f) => f.endsWith('/badge.png'))).toHaveLength(2);
      expect(JSON.parse(files.get('profile.json')?.toString() ?? '{}')).toMatchObject({
        name: 'Dana Export',
      });

      // The address is the owner's alone: signed out, or signed in as someone else, it is a 404.
      const href = (await link.getAttribute('href')) ?? '';
      const stranger = await browser.newContext();
      expect((await stranger.request.get(href)).status()).toBe(404);
      const strangerPage = await stranger.newPage();
      await signUp(strangerPage, { email: uniqueEmail('stranger') });
      expect((await strangerPage.request.get(href)).status()).toBe(404);
      const theirs = await strangerPage.request.get('/api/account/export');
      expect(await theirs.json()).toEqual({ export: null });
      await stranger.close();
    });
  });
}
