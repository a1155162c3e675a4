import {
  type APIRequestContext,
  type Browser,
  expect,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import {
  awardBadge,
  bearer,
  emailsTo,
  fixtures,
  linkIn,
  PASSWORD,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  waitForEmail,
} from './support/helpers';
import { acceptFromClaim, learnerWithBadge, revoke } from './support/learner';
import { expectGoodState, SCREENS } from './support/look';

// The learner's journey at both sizes: claim or decline, decide a pending badge, what to do next,
// who can see a badge, what a revoked or expired badge says, and changing the password.

const stateOf = async (request: APIRequestContext, awardId: string) =>
  (await (await request.get(`/api/v1/awards/${awardId}`, { headers: bearer(fixtures().labs.apiKey) })).json())
    .state as string;

/** A signed-out visitor's answer for a badge's public page. */
async function publicStatus(browser: Browser, awardId: string) {
  const visitor = await browser.newContext();
  const status = (await visitor.request.get(`/badges/${awardId}`)).status();
  await visitor.close();
  return status;
}

/** How far down the page an element starts. */
const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? -1;

for (const screen of SCREENS) {
  test.describe(`learner journey on ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('declining from a claim link asks first, then shows the declined badge', async ({
      page,
      request,
    }, testInfo) => {
      const { labs } = fixtures();
      const email = uniqueEmail('decliner');
      const award = await awardBadge(request, { email });
      const claimUrl = linkIn(await waitForEmail(request, email, /You've earned/), '/claim/');
      await page.goto(claimUrl);
      await expectGoodState(page, testInfo, 'claim offer');

      const decline = page
        .getByRole('region', { name: "Don't want this badge?" })
        .getByRole('button', { name: 'Decline', exact: true });
      await decline.click();
      const dialog = page.getByRole('dialog', { name: 'Decline this badge?' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(`${labs.name} will be told that you declined ${labs.templateName}`);
      await expect(dialog).toContainText('You cannot undo this.');
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await expectGoodState(page, testInfo, 'decline dialog');

      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      await expect(decline).toBeFocused();
      await expect(page.getByRole('heading', { name: 'You have earned a badge' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Create account' })).toBeVisible();
      expect(await stateOf(request, award.id)).toBe('pending');

      await decline.click();
      await dialog.getByRole('button', { name: 'Decline badge' }).click();
      await expect(page.getByRole('heading', { name: 'You declined this badge' })).toBeVisible();
      await expect(page.getByText(`${labs.templateName} from ${labs.name}, declined on`)).toBeVisible();
      await expect(page.getByRole('link', { name: /^badges@/ })).toHaveAttribute('href', /^mailto:badges@/);
      await expect(page.getByRole('heading', { name: 'You have earned a badge' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: /Create account|Sign in/ })).toHaveCount(0);
      await expect(page.getByRole('textbox')).toHaveCount(0);
      expect(await stateOf(request, award.id)).toBe('declined');
      await expectGoodState(page, testInfo, 'declined');
    });

    test('a pending badge puts its decision first; accepting shows what to do next; public or private', async ({
      page,
      browser,
    }, testInfo) => {
      const { labs } = fixtures();
      const email = uniqueEmail('decider');
      const toDecline = await awardBadge(page.request, { email });
      const first = linkIn(await waitForEmail(page.request, email, /You've earned/), '/claim/');
      const toAccept = await awardBadge(page.request, { email });
      // Creating the account from the claim link confirms the address without deciding yet.
      await page.goto(first);
      await page.locator('#sign-up-password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByText(/Signed in as/)).toBeVisible();

      await page.goto(`/wallet/${toDecline.id}`);
      const question = page.getByRole('heading', { name: `Accept ${labs.templateName} from ${labs.name}?` });
      await expect(question).toBeVisible();
      expect(await top(question)).toBeLessThan(
        await top(page.getByRole('heading', { name: 'Related jobs' })),
      );
      expect(await top(question)).toBeLessThan(
        await top(page.getByRole('heading', { level: 2, name: labs.templateName, exact: true })),
      );
      await expectGoodState(page, testInfo, 'pending badge');

      await page.getByRole('button', { name: 'Decline', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Decline this badge?' });
      await expect(dialog).toContainText('You cannot undo this.');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(question).toBeVisible();
      await page.getByRole('button', { name: 'Decline', exact: true }).click();
      await dialog.getByRole('button', { name: 'Decline badge' }).click();
      await expect(
        page.getByText(`You declined ${labs.templateName} from ${labs.name}. ${labs.name} has been told`),
      ).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'Waiting for your decision' }).getByRole('link'),
      ).toHaveCount(1);
      await expectGoodState(page, testInfo, 'wallet after declining');

      await page.getByRole('region', { name: 'Waiting for your decision' }).getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(toAccept.id));
      await page.getByRole('button', { name: 'Accept badge' }).click();
      const next = page.getByRole('region', { name: 'Badge accepted. It is now in your wallet.' });
      await expect(next).toBeVisible();
      await expect(next.getByRole('link', { name: /Share on LinkedIn, X, Facebook/ })).toHaveAttribute(
        'href',
        '#share',
      );
      await expect(
        next.getByRole('link', { name: /Add it to the Licenses & certifications/ }),
      ).toHaveAttribute('href', /linkedin\.com/);
      await expect(next.getByRole('link', { name: 'Set up your public profile' })).toHaveAttribute(
        'href',
        '/settings#profile',
      );
      await expect(next.getByRole('link', { name: /Download the badge image/ })).toHaveAttribute(
        'href',
        '#downloads',
      );
      await expectGoodState(page, testInfo, 'next steps');

      // Who can see it: the same choice as when accepting, with the public page only while public.
      const publicRadio = page.getByRole('radio', { name: /^Public/ });
      const privateRadio = page.getByRole('radio', { name: /^Private/ });
      const openPublicPage = page.getByRole('link', { name: 'Open the public badge page' });
      await expect(publicRadio).toBeChecked();
      await expect(openPublicPage).toBeVisible();
      expect(await publicStatus(browser, toAccept.id)).toBe(200);
      await privateRadio.check();
      await expect(page.getByText('Saved. Only you can see this badge now.')).toBeVisible();
      await expect(openPublicPage).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Post on LinkedIn' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Make public and share' })).toBeVisible();
      await expect.poll(() => publicStatus(browser, toAccept.id)).toBe(404);
      await expectGoodState(page, testInfo, 'private badge');

      await page.goto(`/wallet/${toAccept.id}`);
      await expect(privateRadio).toBeChecked();
      await page.getByRole('button', { name: 'Make public and share' }).click();
      await expect(publicRadio).toBeChecked();
      await expect(openPublicPage).toBeVisible();
      await expect.poll(() => publicStatus(browser, toAccept.id)).toBe(200);

      await page.goto('/wallet');
      await expect(page.getByRole('link', { name: 'Set up your public profile' })).toHaveAttribute(
        'href',
        '/settings#profile',
      );
      await expectGoodState(page, testInfo, 'wallet');
    });

    test('a revoked or expired badge says so first and offers only its marked record', async ({
      page,
    }, testInfo) => {
      const { labs } = fixtures();
      const { email, awardId } = await learnerWithBadge(page, page.request);
      await revoke(page.request, awardId, 'Awarded to the wrong cohort');
      const expired = await page.request.post('/api/v1/awards', {
        headers: bearer(labs.apiKey),
        data: {
          templateId: labs.templateId,
          recipient: { email, name: 'Sam Learner' },
          issuedAt: '2020-01-01T00:00:00Z',
          expiresAt: '2021-01-01T00:00:00Z',
        },
      });
      expect(expired.status()).toBe(201);
      const expiredId = ((await expired.json()) as { id: string }).id;
      await expect.poll(async () => (await emailsTo(page.request, email)).length).toBe(2);
      await acceptFromClaim(page, linkIn((await emailsTo(page.request, email)).at(-1) ?? {}, '/claim/'));

      await page.goto(`/wallet/${awardId}`);
      const notice = page.getByTestId('ended-notice');
      await expect(notice.getByRole('heading')).toHaveText(
        new RegExp(`^Revoked by ${labs.name} on \\d+ \\w+ \\d{4}: Awarded to the wrong cohort$`),
      );
      await expect(notice.getByRole('link', { name: /^badges@/ })).toHaveAttribute('href', /^mailto:badges@/);
      expect(await top(notice)).toBeLessThan(
        await top(page.getByRole('heading', { level: 2, name: labs.templateName, exact: true })),
      );
      await expectNothingToShare(page);
      await expect(page.getByRole('radio', { name: /^Public/ })).toBeDisabled();
      const revokedJson = page.getByRole('link', { name: 'Revoked badge (Open Badges 2.0, JSON)' });
      await expect(revokedJson).toHaveAttribute('href', `/badges/${awardId}/download/json`);
      await expect(
        page.getByRole('link', { name: 'Revoked credential (Open Badges 3.0, JSON)' }),
      ).toBeVisible();
      await expectGoodState(page, testInfo, 'revoked badge');

      // The server refuses what the page no longer offers, and marks the record it still gives.
      const record = await page.request.get(`/badges/${awardId}/download/json`);
      expect(record.status()).toBe(200);
      expect(record.headers()['content-disposition']).toMatch(/-revoked\.json"$/);
      expect(await record.json()).toMatchObject({
        revoked: true,
        revocationReason: 'Awarded to the wrong cohort',
      });
      expect((await page.request.get(`/ob/v3/credentials/${awardId}/download/json`)).status()).toBe(200);
      for (const path of [`/badges/${awardId}/download/png`, `/ob/v3/credentials/${awardId}/download/jwt`]) {
        expect((await page.request.get(path)).status(), path).toBe(410);
      }

      await page.goto(`/wallet/${expiredId}`);
      await expect(page.getByTestId('ended-notice').getByRole('heading')).toHaveText(
        'Expired on 1 January 2021',
      );
      await expectNothingToShare(page);
      await expect(page.getByRole('link', { name: 'Expired badge (Open Badges 2.0, JSON)' })).toBeVisible();
      await expectGoodState(page, testInfo, 'expired badge');

      await page.goto('/wallet');
      const markers = page.getByTestId('ended-marker');
      await expect(markers).toHaveCount(2);
      await expect(markers.filter({ hasText: `Revoked by ${labs.name} on` })).toHaveCount(1);
      await expect(markers.filter({ hasText: 'Expired on 1 January 2021' })).toHaveCount(1);
      await expectGoodState(page, testInfo, 'wallet with revoked and expired badges');
    });

    test('the password changes in settings; a wrong current password is explained where focus lands', async ({
      page,
      browser,
    }, testInfo) => {
      const email = uniqueEmail('changer');
      await signUp(page, { email, name: 'Cai Changer' });
      const elsewhere = await browser.newPage({ viewport: screen.viewport });
      await signIn(elsewhere, email);
      await page.goto('/settings');
      const form = page.getByRole('region', { name: 'Password' });
      await expectGoodState(page, testInfo, 'settings');

      await form.getByLabel('Current password').fill('not my password at all');
      await form.getByLabel(/^New password(?! again)/).fill('a brand new passphrase');
      await form.getByLabel('New password again').fill('a brand new passphrase');
      await form.getByRole('button', { name: 'Change password' }).click();
      await expect(page.locator(':focus')).toContainText('Your password was not changed.');
      await expect(page.locator(':focus')).toContainText('This is not your current password.');
      await expect(form.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
      // What was typed stays, so only the wrong field needs typing again.
      await expect(form.getByLabel('New password again')).toHaveValue('a brand new passphrase');
      await expectGoodState(page, testInfo, 'password change refused');

      await form.getByLabel('Current password').fill(PASSWORD);
      await form.getByRole('button', { name: 'Change password' }).click();
      await expect(form.getByText('Your password is changed.')).toBeVisible();
      await expect(form.getByLabel(/^New password(?! again)/)).toHaveValue('');
      await expectGoodState(page, testInfo, 'password changed');
      await waitForEmail(page.request, email, /Your Laurel password was changed/);

      // This browser stays signed in; the other one was signed out.
      await elsewhere.goto('/wallet');
      await expect(elsewhere.getByRole('heading', { name: 'Sign in to Laurel' })).toBeVisible();
      await elsewhere.close();
      await page.goto('/wallet');
      await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();

      await signOut(page);
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
      await signIn(page, email, 'a brand new passphrase');
    });
  });
}

/** No share panel, no LinkedIn, no images or signed tokens to download, no add-to-wallet. */
async function expectNothingToShare(page: Page) {
  await expect(page.getByRole('region', { name: 'Share' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /LinkedIn|Post on X|Facebook|Send by email/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Add to a digital wallet' })).toHaveCount(0);
  await expect(page.locator('a[href*="/download/"]:not([href$="/json"])')).toHaveCount(0);
  await expect(page.locator('a[href$="/json"]')).toHaveCount(2);
}
