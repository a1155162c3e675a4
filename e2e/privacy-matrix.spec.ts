import { type APIRequestContext, expect, test } from '@playwright/test';
import { awardBadge, uniqueEmail } from './support/helpers';
import {
  acceptFromClaim,
  awardWithClaimLink,
  learnerWithBadge,
  publishProfile,
  revoke,
} from './support/learner';

/** Every surface that could show an award to someone who is not its owner. */
const SURFACES = {
  page: (id: string) => `/badges/${id}`,
  embed: (id: string) => `/badges/${id}/embed`,
  preview: (id: string) => `/badges/${id}/preview.png`,
  hostedJson: (id: string) => `/ob/v2/assertions/${id}`,
  download: (id: string) => `/badges/${id}/download/png`,
  verification: (id: string) => `/badges/${id}/verification`,
} as const;
type Surface = keyof typeof SURFACES;

const ALL_404: Record<Surface, number> = {
  page: 404,
  embed: 404,
  preview: 404,
  hostedJson: 404,
  download: 404,
  verification: 404,
};
const EXPECTED: Record<string, Record<Surface, number>> = {
  public: { page: 200, embed: 200, preview: 200, hostedJson: 200, download: 200, verification: 200 },
  // A revoked badge stays visible so anyone can see that it was revoked, and why.
  revoked: { page: 200, embed: 200, preview: 200, hostedJson: 410, download: 410, verification: 200 },
  private: ALL_404,
  pending: ALL_404,
  declined: ALL_404,
  optedOut: ALL_404,
  someoneElsesPrivate: ALL_404,
};

async function statuses(request: APIRequestContext, id: string) {
  const out = {} as Record<Surface, number>;
  for (const [surface, path] of Object.entries(SURFACES) as [Surface, (id: string) => string][]) {
    out[surface] = (
      await request.get(path(id), { headers: { Accept: 'text/html,*/*' }, maxRedirects: 0 })
    ).status();
  }
  return out;
}

test('privacy matrix: every public surface × every award situation gives exactly the expected answer', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const learnerPage = await browser.newPage();
  const api = learnerPage.request;
  const { email, awardId: publicId } = await learnerWithBadge(learnerPage, api);
  const handle = `matrix${Date.now().toString(36)}`;
  await publishProfile(learnerPage, handle);

  const ids: Record<string, string> = { public: publicId };
  const privateOne = await awardWithClaimLink(api, email);
  await acceptFromClaim(learnerPage, privateOne.claimUrl, 'Private');
  ids.private = privateOne.award.id;
  const revoked = await awardWithClaimLink(api, email);
  await acceptFromClaim(learnerPage, revoked.claimUrl);
  await revoke(api, revoked.award.id);
  ids.revoked = revoked.award.id;
  ids.pending = (await awardBadge(api, { email })).id;
  const declined = await awardWithClaimLink(api, email);
  await learnerPage.goto(declined.claimUrl);
  await learnerPage.getByRole('button', { name: 'Decline' }).click();
  await learnerPage.waitForURL(/\/wallet\?declined=1/);
  ids.declined = declined.award.id;

  // Someone else: another learner's private badge, looked at by our signed-in learner.
  const otherPage = await browser.newPage();
  ids.someoneElsesPrivate = (await learnerWithBadge(otherPage, otherPage.request, 'Private')).awardId;
  // Opted out: a learner who opted out is awarded a badge.
  const optedPage = await browser.newPage();
  const { email: optedEmail } = await learnerWithBadge(optedPage, optedPage.request);
  await optedPage.goto('/settings');
  await optedPage.getByRole('checkbox', { name: 'I do not want to participate in achievements' }).check();
  await optedPage.getByRole('button', { name: 'Opt out of achievements' }).click();
  await expect(optedPage.getByTestId('opt-out-status')).toContainText('You opted out');
  const optedOut = await awardBadge(api, { email: optedEmail });
  expect(optedOut.state).toBe('opted_out');
  ids.optedOut = optedOut.id;

  const anonymous = await playwright.request.newContext({ baseURL });
  for (const [situation, id] of Object.entries(ids)) {
    const viewer = situation === 'someoneElsesPrivate' ? api : anonymous;
    expect(await statuses(viewer, id), situation).toEqual(EXPECTED[situation]);
  }

  // The verification of a hidden badge says so, and nothing else.
  const hidden = await anonymous.get(SURFACES.verification(ids.private ?? ''));
  expect((await hidden.json()).detail).toBe('Badge not found or private.');
  // The owner still downloads their private badge.
  expect((await api.get(SURFACES.download(ids.private ?? ''))).status()).toBe(200);

  // The profile lists only the public, valid badge.
  const profile = await (await anonymous.get(`/u/${handle}`)).text();
  expect(profile).toContain(`/badges/${ids.public}`);
  for (const situation of ['private', 'revoked', 'pending', 'declined']) {
    expect(profile, situation).not.toContain(ids[situation] ?? 'missing');
  }
  // Nothing private leaks through the learner's email either.
  expect(profile).not.toContain(email);
  await anonymous.dispose();
});

test('a private profile and an opted-out learner’s profile are 404', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const page = await browser.newPage();
  await learnerWithBadge(page, page.request);
  const handle = `hidden${Date.now().toString(36)}`;
  await publishProfile(page, handle);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(`/u/${handle}`)).status()).toBe(200);
  await page.goto('/settings');
  await page.getByRole('checkbox', { name: 'I do not want to participate in achievements' }).check();
  await page.getByRole('button', { name: 'Opt out of achievements' }).click();
  await expect(page.getByTestId('opt-out-status')).toContainText('You opted out');
  expect((await anonymous.get(`/u/${handle}`)).status()).toBe(404);
  expect((await anonymous.get(`/u/${uniqueEmail('x').split('@')[0]}`)).status()).toBe(404);
  await anonymous.dispose();
});
