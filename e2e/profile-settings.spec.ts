import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { awardBadge, fixtures, linkIn, PASSWORD, uniqueEmail, waitForEmail } from './support/helpers';
import { expectAccessible } from './support/look';

const newHandle = () => `e2e-${randomUUID().slice(0, 8)}`;

/** A new learner, signed in on `page`, who accepted one public badge from its claim link. */
async function learnerWithBadge(page: Page, request: APIRequestContext) {
  const email = uniqueEmail('profile');
  const award = await awardBadge(request, { email, name: 'Robin Profile' });
  await page.goto(linkIn(await waitForEmail(request, email, /You've earned/), '/claim/'));
  await page.locator('#sign-up-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Accept badge' }).click();
  await expect(page.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();
  return award;
}

/** The status of /u/<handle> for a visitor who is not signed in. */
async function statusSignedOut(browser: Browser, handle: string) {
  const context = await browser.newContext();
  const response = await context.newPage().then((p) => p.goto(`/u/${handle}`));
  await context.close();
  return response?.status();
}

test('a learner publishes a profile with their badge, then hides it again', async ({
  page,
  request,
  browser,
}) => {
  const award = await learnerWithBadge(page, request);
  const handle = newHandle();

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Name').fill('Robin Q. Profile');
  await page.getByLabel('Handle').fill(handle.toUpperCase());
  await expect(page.getByText(`/u/${handle} —`)).toBeVisible();
  await page.getByLabel('Headline').fill('Keeps every badge');
  await page.getByRole('checkbox', { name: 'Make my profile public' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
  await expect(page.getByLabel('Handle')).toHaveValue(handle);

  await page.getByRole('link', { name: 'View your public profile' }).click();
  await expect(page).toHaveURL(new RegExp(`/u/${handle}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Robin Q. Profile' })).toBeVisible();
  await expect(page.getByText('Keeps every badge')).toBeVisible();
  const badge = page.getByRole('link', { name: fixtures().labs.templateName });
  await expect(badge).toHaveAttribute('href', `/badges/${award.id}`);
  await expect(page.getByRole('link', { name: fixtures().labs.name, exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/Robin Q\. Profile/);
  await expectAccessible(page);
  expect(await statusSignedOut(browser, handle)).toBe(200);

  // A reserved handle is refused with a message; what was typed elsewhere is kept.
  await page.goto('/settings');
  await page.getByLabel('Handle').fill('Admin');
  await page.getByLabel('Headline').fill('A changed headline');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('“admin” is reserved. Please choose another handle.')).toBeVisible();
  await expect(page.getByLabel('Handle')).toHaveValue('Admin');
  await expect(page.getByLabel('Handle')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Headline')).toHaveValue('A changed headline');
  await expect(page.getByLabel('Name')).toHaveValue('Robin Q. Profile');
  await expect(page.getByRole('checkbox', { name: 'Make my profile public' })).toBeChecked();
  await page.getByLabel('Handle').fill('1x');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Use at least 3 characters.')).toBeVisible();
  await expectAccessible(page);

  // Opting out of achievements hides the profile; opting back in shows it again.
  await page.goto('/settings');
  const achievements = page.getByRole('region', { name: 'Achievements' });
  await expect(achievements.getByText('Your public profile is hidden.')).toBeVisible();
  await achievements.getByRole('checkbox', { name: 'I do not want to participate in achievements' }).check();
  await achievements.getByRole('button', { name: 'Opt out of achievements' }).click();
  await expect(achievements.getByText('You have opted out of achievements.')).toBeVisible();
  expect(await statusSignedOut(browser, handle)).toBe(404);
  // By keyboard: the box, then the button that appears right after it.
  const box = achievements.getByRole('checkbox', { name: 'I do not want to participate in achievements' });
  await expect(box).toBeFocused();
  await page.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await page.keyboard.press('Tab');
  await expect(achievements.getByRole('button', { name: 'Opt back in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(achievements.getByText(/You have opted back in/)).toBeVisible();
  expect(await statusSignedOut(browser, handle)).toBe(200);

  // Private again: visitors get the same 404 as for a handle nobody has.
  await page.getByRole('checkbox', { name: 'Make my profile public' }).uncheck();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
  expect(await statusSignedOut(browser, handle)).toBe(404);
  expect(await statusSignedOut(browser, newHandle())).toBe(404);
});

test('a profile photo is uploaded, shown on the profile, and a text file is refused', async ({
  page,
  request,
}) => {
  await learnerWithBadge(page, request);
  const handle = newHandle();
  await page.goto('/settings');
  await page.getByLabel('Handle').fill(handle);
  await page.getByRole('checkbox', { name: 'Make my profile public' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();

  await page
    .getByLabel('Photo')
    .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text') });
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('That file is not a PNG, JPEG or WebP image.')).toBeVisible();
  await page.goto('/settings');
  await page
    .getByLabel('Photo')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('That file is not a PNG, JPEG or WebP image.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove photo' })).toHaveCount(0);

  const png = await sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 40, b: 90 } },
  })
    .png()
    .toBuffer();
  await page.getByLabel('Photo').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('Your photo is updated.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove photo' })).toBeVisible();

  await page.goto(`/u/${handle}`);
  const photo = page.getByRole('img', { name: 'Robin Profile' });
  await expect(photo).toBeVisible();
  const src = await photo.getAttribute('src');
  const served = await page.request.get(src ?? '');
  expect(served.headers()['content-type']).toBe('image/webp');
  expect(await sharp(await served.body()).metadata()).toMatchObject({
    format: 'webp',
    width: 400,
    height: 400,
  });

  await page.goto('/settings');
  await page.getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.getByText('Your photo is removed.')).toBeVisible();
  await page.goto(`/u/${handle}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Robin Profile' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Robin Profile' })).toHaveCount(0);
});
