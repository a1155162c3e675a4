import { type APIRequestContext, expect, type Page } from '@playwright/test';
import {
  awardBadge,
  bearer,
  emailsTo,
  fixtures,
  linkIn,
  PASSWORD,
  signOut,
  uniqueEmail,
  waitForEmail,
} from './helpers';

type Request = APIRequestContext;
export type Visibility = 'Public' | 'Private';

/** Awards a badge to `email` and returns the award with the claim link from its own email. */
export async function awardWithClaimLink(request: Request, email: string) {
  const before = (await emailsTo(request, email)).length;
  const award = await awardBadge(request, { email });
  await expect
    .poll(async () => (await emailsTo(request, email)).length, { timeout: 15_000 })
    .toBeGreaterThan(before);
  const emails = await emailsTo(request, email);
  return { award, claimUrl: linkIn(emails[emails.length - 1] ?? {}, '/claim/') };
}

/** Accepts from a claim link as the signed-in learner, choosing who can see the badge. */
export async function acceptFromClaim(page: Page, claimUrl: string, visibility: Visibility = 'Public') {
  await page.goto(claimUrl);
  await page.getByRole('radio', { name: new RegExp(`^${visibility}`) }).check();
  await page.getByRole('button', { name: 'Accept badge' }).click();
  await expect(page.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();
}

/** A new learner, signed in on `page`, whose account was created from a first badge's claim link. */
export async function learnerWithBadge(page: Page, request: Request, visibility: Visibility = 'Public') {
  const email = uniqueEmail('learner');
  const { award, claimUrl } = await awardWithClaimLink(request, email);
  await page.goto(claimUrl);
  await page.locator('#sign-up-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();
  await acceptFromClaim(page, claimUrl, visibility);
  return { email, awardId: award.id };
}

/** Awards a badge to `name`, accepts it publicly into a new account and signs out; returns the award. */
export async function acceptedBadge(page: Page, request: Request, name = 'Pat Public') {
  const email = uniqueEmail('accepted');
  const award = await awardBadge(request, { email, name });
  await page.goto(linkIn(await waitForEmail(request, email, /You've earned/), '/claim/'));
  await page.locator('#sign-up-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Accept badge' }).click();
  await expect(page.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();
  await signOut(page);
  return award;
}

/** Declines from the claim page: Decline asks first, the dialog's Decline badge confirms. */
export async function declineFromClaim(page: Page) {
  await page.getByRole('button', { name: 'Decline', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Decline this badge?' })
    .getByRole('button', { name: 'Decline badge' })
    .click();
  await expect(page.getByRole('heading', { name: 'You declined this badge' })).toBeVisible();
}

export async function revoke(request: Request, awardId: string, reason = 'Issued in error') {
  const response = await request.post(`/api/v1/awards/${awardId}/revoke`, {
    headers: bearer(fixtures().labs.apiKey),
    data: { reason },
  });
  expect(response.status()).toBe(200);
}

/** Sets a handle and makes the profile public from /settings. */
export async function publishProfile(page: Page, handle: string) {
  await page.goto('/settings');
  await page.getByLabel('Handle').fill(handle);
  await page.getByRole('checkbox', { name: 'Make my profile public' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('link', { name: 'View your public profile' })).toBeVisible();
}
