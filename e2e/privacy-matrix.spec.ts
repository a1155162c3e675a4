import { type APIRequestContext, expect, test } from '@playwright/test';
import { awardBadge, uniqueEmail } from './support/helpers';
import {
  acceptFromClaim,
  awardWithClaimLink,
  declineFromClaim,
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
  await declineFromClaim(learnerPage);
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

/** Every public response that shows a public badge or its earner, for the email search below. */
const PUBLIC_BODIES = (id: string) => [
  `/badges/${id}`,
  `/badges/${id}/verify`,
  `/badges/${id}/verification`,
  `/ob/v2/assertions/${id}`,
  `/ob/v3/credentials/${id}`,
  `/badges/${id}/embed`,
  `/badges/${id}/preview.png`,
  `/badges/${id}/download/png`,
  `/badges/${id}/download/svg`,
  `/badges/${id}/download/json`,
];

test('no public page, JSON, image, embed or download contains the learner’s email address', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const page = await browser.newPage();
  const { email, awardId } = await learnerWithBadge(page, page.request);
  const handle = `mail${Date.now().toString(36)}`;
  await publishProfile(page, handle);
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const path of [...PUBLIC_BODIES(awardId), `/u/${handle}`]) {
    const response = await anonymous.get(path, { headers: { Accept: 'text/html,*/*' } });
    expect(response.status(), path).toBe(200);
    const body = await response.body();
    for (const form of [email, email.toLowerCase(), email.split('@')[0] ?? email]) {
      expect(body.includes(Buffer.from(form)), `${path} contains ${form}`).toBe(false);
    }
  }
  // The public check still compares the recipient, and names the earner instead: in the signed
  // 3.0 credential it verifies, and in the 2.0 hosted copy it sums up in one line.
  const report = await (await anonymous.get(`/badges/${awardId}/verification`)).json();
  const check = (id: string) => report.checks.find((c: { id: string }) => c.id === id);
  expect(report.badge.assertionId).toMatch(new RegExp(`/ob/v3/credentials/${awardId}$`));
  expect(check('proof').status).toBe('pass');
  expect(check('recipient').status).toBe('pass');
  expect(check('recipient').label).toMatch(/^Awarded to the issuer's record for [^@]+$/);
  expect(check('ob2-hosted').status).toBe('pass');
  await anonymous.dispose();
});

test('a visitor who knows an address can check it: yes for the earner’s, no for another', async ({
  browser,
}) => {
  const owner = await browser.newPage();
  const { email, awardId } = await learnerWithBadge(owner, owner.request);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/badges/${awardId}/verify`);
  const check = visitor.getByRole('region', { name: 'Check an email address' });
  await check.getByLabel('Email address').fill(email.toUpperCase());
  await check.getByRole('button', { name: 'Check this address' }).click();
  await expect(check.getByRole('status')).toHaveText('Yes, this badge was awarded to that address.');
  await check.getByLabel('Email address').fill(uniqueEmail('stranger'));
  await check.getByRole('button', { name: 'Check this address' }).click();
  await expect(check.getByRole('status')).toHaveText('No, this badge was not awarded to that address.');
  await check.getByLabel('Email address').fill('not an address');
  await check.getByRole('button', { name: 'Check this address' }).click();
  await expect(check.getByText('Enter an email address, like name@example.com.')).toBeVisible();
});

test('views count once per client per day and anonymous shares count nothing', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const owner = await browser.newPage();
  const { awardId } = await learnerWithBadge(owner, owner.request);
  const counts = async () => {
    await owner.goto(`/wallet/${awardId}`);
    const read = async (name: string) => Number(await owner.getByTestId(`count-${name}`).textContent());
    return { views: await read('views'), shares: await read('shares') };
  };
  const before = await counts();
  // A visitor with no session; the client is the socket address (X-Forwarded-For is not trusted).
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const event of ['view', 'view', 'share', 'share', 'share']) {
    const response = await anonymous.post(`/badges/${awardId}/events`, { data: { event } });
    expect(response.status()).toBe(204);
  }
  expect(await counts()).toEqual({ views: before.views + 1, shares: before.shares });
  await anonymous.dispose();
});
