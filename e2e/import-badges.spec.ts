import { expect, type Page, test } from '@playwright/test';
import { E2E } from './support/env';
import { learnerWithBadge } from './support/learner';
import { expectGoodOnBothScreens } from './support/look';

/*
 * "Add a badge you earned elsewhere": a learner adds files and pasted text to the wallet and sees
 * each item's outcome; the imported badge gets a wallet page, a privacy switch, share links, a
 * public page only while public, and its original file back byte for byte.
 */

const row = (page: Page, label: string | RegExp) =>
  page.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });

test('a learner imports badges, shares one publicly and downloads it as it was', async ({
  page,
  request,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { awardId } = await learnerWithBadge(page, request);
  // The learner's own Laurel badge as another wallet would hold it: the OB 3.0 credential baked in a PNG.
  const png = await (await request.get(`/ob/v3/credentials/${awardId}/download/png`)).body();
  const jwt = await (await request.get(`/ob/v3/credentials/${awardId}/download/jwt`)).text();

  await page.goto('/wallet');
  await expect(page.getByRole('heading', { name: 'Add a badge you earned elsewhere' })).toBeVisible();
  await page.getByLabel('Drop badge files here, or choose them').setInputFiles([
    { name: 'credential.png', mimeType: 'image/png', buffer: png },
    { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') },
  ]);
  await expect(row(page, 'credential.png').getByText('Added', { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await expect(row(page, 'notes.json').getByText('Not added', { exact: true })).toBeVisible();

  const paste = page.getByLabel("Or paste a badge's web address, its JSON or its JWT");
  await paste.fill(jwt);
  await page.getByRole('button', { name: 'Add this badge' }).click();
  await expect(row(page, 'Pasted text').getByText('Already in your wallet', { exact: true })).toBeVisible({
    timeout: 20_000,
  });

  // Another issuer's badge, sent to an address this account does not have.
  await paste.fill(`${E2E.remoteUrl}/assertion.json`);
  await page.getByRole('button', { name: 'Add this badge' }).click();
  const elsewhere = row(page, `${E2E.remoteUrl}/assertion.json`);
  await expect(elsewhere.getByText('Needs an address', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(elsewhere.getByText(/sent to robo@example.org/)).toBeVisible();
  await expect(elsewhere.getByRole('link', { name: 'Add the address in Settings' })).toHaveAttribute(
    'href',
    '/settings#email-addresses',
  );

  // Never a fetch of this machine or a private network.
  await paste.fill('http://127.0.0.1:5432/badge.json');
  await page.getByRole('button', { name: 'Add this badge' }).click();
  const local = row(page, 'http://127.0.0.1:5432/badge.json');
  await expect(local.getByText('Not added', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(local.getByText(/private or local network address/)).toBeVisible();
  await expectGoodOnBothScreens(page, testInfo, 'wallet-import-progress');

  // In the wallet beside the issued badge, private at first.
  await page.reload();
  const tile = page.getByRole('link', { name: /outside Laurel/ });
  await expect(tile).toContainText('Verified');
  await expect(tile).toContainText('Private');
  await tile.click();
  await expect(page.getByText(/outside Laurel, verified/)).toBeVisible();
  const importedId = page.url().split('/').pop() ?? '';
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  expect((await visitor.goto(`/imported/${importedId}`))?.status()).toBe(404);
  await expect(visitor.getByRole('heading', { name: 'This badge is not shared' })).toBeVisible();
  expect((await visitor.request.get(`/imported/${importedId}/download`)).status()).toBe(404);
  await expectGoodOnBothScreens(page, testInfo, 'wallet-imported-private');

  await page.getByRole('radio', { name: /^Public/ }).check();
  await expect(page.getByText('Saved. Anyone with the link can see this badge now.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Post on LinkedIn' })).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  // The whole address, as a visitor would open it.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    new RegExp(`^http://[^/]+/imported/${importedId}$`),
  );
  await expectGoodOnBothScreens(page, testInfo, 'wallet-imported-public');

  await visitor.goto(`/imported/${importedId}`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'E2E Labs Practitioner' })).toBeVisible();
  await expect(visitor.getByText(/Issued by .+ outside Laurel, verified/)).toBeVisible();
  await expect(visitor.locator('[data-check="proof"][data-status="pass"]')).toBeVisible();
  // Visitors share the page itself.
  await expect(visitor.getByRole('link', { name: 'Post on LinkedIn' })).toHaveAttribute(
    'href',
    new RegExp(`^https://www\\.linkedin\\.com/.+${encodeURIComponent(`/imported/${importedId}`)}$`),
  );
  await expect(visitor.getByRole('link', { name: 'Download the original file' })).toHaveCount(0);
  await expectGoodOnBothScreens(visitor, testInfo, 'public-imported');
  // On the learner's public profile, beside the issued badge.
  const handle = `imp-${importedId.slice(0, 8)}`;
  await page.goto('/settings');
  await page.getByLabel('Handle').fill(handle);
  await page.getByRole('checkbox', { name: 'Make my profile public' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
  await visitor.goto(`/u/${handle}`);
  await expect(visitor.getByRole('link', { name: 'E2E Labs Practitioner' })).toHaveCount(2);
  await expect(visitor.getByText('E2E Labs, outside Laurel')).toBeVisible();
  await expectGoodOnBothScreens(visitor, testInfo, 'profile-with-imported');
  await page.goto(`/wallet/imported/${importedId}`);

  // The original is its owner's alone (a baked credential may name the email); visitors see the page.
  expect((await visitor.request.get(`/imported/${importedId}/download`)).status()).toBe(404);
  const download = await page.request.get(`/imported/${importedId}/download`);
  expect(download.headers()['content-type']).toBe('image/png');
  expect((await download.body()).equals(png)).toBe(true);

  await page.getByRole('radio', { name: /^Private/ }).check();
  await expect(page.getByText('Saved. Only you can see this badge now.')).toBeVisible();
  expect((await visitor.goto(`/imported/${importedId}`))?.status()).toBe(404);
  await visitorContext.close();
});

test('an expired badge from elsewhere is kept as a record: marked expired, public without sharing', async ({
  page,
  request,
  browser,
}, testInfo) => {
  const { email } = await learnerWithBadge(page, request);
  const url = `${E2E.remoteUrl}/expired-assertion.json?to=${encodeURIComponent(email)}`;
  await page.goto('/wallet');
  await page.getByLabel("Or paste a badge's web address, its JSON or its JWT").fill(url);
  await page.getByRole('button', { name: 'Add this badge' }).click();
  const added = row(page, url);
  await expect(added.getByText('Added', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(added.getByText(/Robot Wrangler is in your wallet as an expired badge/)).toBeVisible();

  await page.reload();
  const tile = page.getByRole('link', { name: /Robot Wrangler/ });
  await expect(tile).toContainText('Expired on 15 January 2025');
  await expectGoodOnBothScreens(page, testInfo, 'wallet-with-expired-import', tile);
  await tile.click();
  await expect(
    page.getByText('Issued by Remote Robotics Academy outside Laurel, verified', { exact: false }),
  ).toContainText('It expired on 15 January 2025.');
  await expect(page.locator('[data-check="expiry"][data-status="fail"]')).toBeVisible();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Genuine, but expired on 15 January 2025: it is no longer current.' }),
  ).toBeVisible();
  await page.getByRole('radio', { name: /^Public/ }).check();
  await expect(page.getByText('Saved. Anyone with the link can see this badge now.')).toBeVisible();
  await expect(page.getByText('It has expired, so it is no longer shared')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Post on LinkedIn' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expectGoodOnBothScreens(page, testInfo, 'wallet-imported-expired');

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const id = page.url().split('/').pop() ?? '';
  expect((await visitor.goto(`/imported/${id}`))?.status()).toBe(200);
  await expect(visitor.getByText(/It expired on 15 January 2025\./)).toBeVisible();
  await expect(visitor.getByRole('heading', { name: 'Share' })).toHaveCount(0);
  await expectGoodOnBothScreens(visitor, testInfo, 'public-imported-expired');
  await visitorContext.close();
});
