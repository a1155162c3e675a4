import { type APIRequestContext, expect, test } from '@playwright/test';
import {
  awardBadge,
  bearer,
  emailsTo,
  fixtures,
  linkIn,
  type ReceivedEmail,
  signIn,
  signUp,
  uniqueEmail,
  waitForEmail,
} from './support/helpers';
import { expectGoodOnBothScreens } from './support/look';

/** Revokes with the learner told: its email is the marker that mail queued before it has gone out. */
async function revokeAndWait(request: APIRequestContext, awardId: string, email: string) {
  const response = await request.post(`/api/v1/awards/${awardId}/revoke`, {
    headers: bearer(fixtures().labs.apiKey),
    data: { reason: 'Issued in error', notifyRecipient: true },
  });
  expect(response.status()).toBe(200);
  return waitForEmail(request, email, /has been revoked/);
}

function expectOneClick(email: ReceivedEmail) {
  const header = email.headers['List-Unsubscribe'] ?? '';
  expect(header).toMatch(/^<http:\/\/localhost:\d+\/unsubscribe\/[A-Za-z0-9_-]+>$/);
  expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  const url = header.slice(1, -1);
  // The address is not in the link, and the body carries the same link.
  expect(url).not.toContain(email.to[0]?.split('@')[0] ?? '');
  expect(email.text).toContain(url);
  return url;
}

const earned = (emails: ReceivedEmail[]) => emails.filter((e) => /You've earned/.test(e.subject));

test('a learner turns off "badge awarded": the next award reaches the wallet without an email', async ({
  page,
  request,
  browser,
}, testInfo) => {
  const email = uniqueEmail('quiet');
  await signUp(page, { email });
  const confirm = (await emailsTo(request, email)).find((e) => /Confirm your email/.test(e.subject));
  expect(confirm?.headers['List-Unsubscribe']).toBeUndefined();

  await page.goto('/settings#notifications');
  const section = page.getByRole('region', { name: 'Notifications' });
  const awarded = section.getByRole('checkbox', { name: 'Badge awarded' });
  await expect(awarded).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'Badge expiring' })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'Badge revoked' })).toBeChecked();
  await expectGoodOnBothScreens(page, testInfo, 'settings-notifications', section);
  await awarded.uncheck();
  await section.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(section.getByText('Your notification settings are saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Badge awarded' })).not.toBeChecked();

  const award = await awardBadge(request, { email });
  await page.goto('/wallet');
  await expect(page.getByRole('heading', { name: 'Waiting for your decision' })).toBeVisible();
  // The issuer's history says the learner's choice kept the email back, not that delivery failed.
  const { labsSlug, members } = fixtures();
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, members.admin, members.password);
  await admin.goto(`/issuer/${labsSlug}/awards/${award.id}`);
  const history = admin.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveText([
    /^Awarded/,
    /^Not emailed.*turned off this kind of email/,
  ]);
  await expectGoodOnBothScreens(admin, testInfo, 'award history: not emailed', history);
  await admin.context().close();
  const revocation = await revokeAndWait(request, award.id, email);
  expectOneClick(revocation);
  expect(earned(await emailsTo(request, email))).toEqual([]);
});

test('unsubscribing from the link in an email asks first, then stops that kind of email', async ({
  page,
  request,
}, testInfo) => {
  const email = uniqueEmail('no-account');
  await awardBadge(request, { email });
  const claim = await waitForEmail(request, email, /You've earned/);
  const url = expectOneClick(claim);
  expect(linkIn(claim, '/unsubscribe/')).toBe(url);

  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Unsubscribe from these emails?' })).toBeVisible();
  await expect(page.getByText(/when an issuer sends you a badge/)).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  await expectGoodOnBothScreens(page, testInfo, 'unsubscribe-confirm');
  // Opening the link (as a mail scanner would) changes nothing.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unsubscribe from these emails?' })).toBeVisible();

  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible();
  await expectGoodOnBothScreens(page, testInfo, 'unsubscribe-done');

  const second = await awardBadge(request, { email });
  await revokeAndWait(request, second.id, email);
  expect(earned(await emailsTo(request, email))).toHaveLength(1);

  await page.goto('/unsubscribe/not-a-real-token');
  await expect(page.getByRole('heading', { name: 'This unsubscribe link does not work' })).toBeVisible();
  await expectGoodOnBothScreens(page, testInfo, 'unsubscribe-invalid');
});

test('a mail client’s one-click unsubscribe works without a session and turns the setting off', async ({
  page,
  playwright,
  request,
}) => {
  const email = uniqueEmail('one-click');
  await signUp(page, { email });
  await awardBadge(request, { email });
  const url = expectOneClick(await waitForEmail(request, email, /You've earned/));

  const mailClient = await playwright.request.newContext();
  // A character in the middle: the last one of base64url may carry only padding bits, which
  // decoders ignore, so changing it can leave the token's bytes as they were.
  const middle = url.lastIndexOf('/') + Math.floor((url.length - url.lastIndexOf('/')) / 2);
  const tampered = `${url.slice(0, middle)}${url[middle] === 'A' ? 'B' : 'A'}${url.slice(middle + 1)}`;
  expect((await mailClient.post(tampered, { form: { 'List-Unsubscribe': 'One-Click' } })).status()).toBe(400);
  const response = await mailClient.post(url, { form: { 'List-Unsubscribe': 'One-Click' }, maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toBe('You are unsubscribed.');
  await mailClient.dispose();

  await page.goto('/settings#notifications');
  await expect(page.getByRole('checkbox', { name: 'Badge awarded' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Badge revoked' })).toBeChecked();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible();
});
