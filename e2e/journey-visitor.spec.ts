import { type Browser, expect, type Page, test } from '@playwright/test';
import { E2E } from './support/env';
import { bearer, fixtures, linkIn, mainNav, PASSWORD, uniqueEmail, waitForEmail } from './support/helpers';
import { acceptFromClaim, awardWithClaimLink } from './support/learner';
import { expectGoodState, SCREENS } from './support/look';
import { watchPage } from './support/watch';

// What an issuer may send and a phone must still fit: an address as the name, a long evidence URL.
const LONG_NAME = 'pat.public.who.uses.a.long.address@an-unusually-long-subdomain.learners.example';
const LONG_EVIDENCE = `https://evidence.example/${'portfolio-'.repeat(12)}final-report`;

/** A badge with long words in it, accepted publicly by a new learner who stays signed in on `page`. */
async function sharedBadge(page: Page, request: Page['request']) {
  const { labs } = fixtures();
  const email = uniqueEmail('visitor-journey');
  const created = await request.post('/api/v1/awards', {
    headers: bearer(labs.apiKey),
    data: {
      templateId: labs.templateId,
      recipient: { email, name: LONG_NAME },
      evidence: [{ url: LONG_EVIDENCE, narrative: 'The final report, as submitted.' }],
    },
  });
  expect(created.status()).toBe(201);
  const award = (await created.json()) as { id: string };
  await page.goto(linkIn(await waitForEmail(request, email, /You've earned/), '/claim/'));
  await page.locator('#sign-up-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Accept badge' }).click();
  await expect(page.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();
  return { awardId: award.id, email };
}

/** A signed-out visitor's page in its own browser context, watched for console errors and failed requests. */
async function visitorPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, baseURL: E2E.main.url });
  const page = await context.newPage();
  return { page, problems: watchPage(page) };
}

for (const screen of SCREENS) {
  test.describe(`visitor at ${screen.name}`, () => {
    test.use({ viewport: screen.viewport });

    test('a shared badge: the signed-out header, verification and long words that still fit', async ({
      browser,
      page,
      request,
    }, testInfo) => {
      const { awardId } = await sharedBadge(page, request);
      const visitor = await visitorPage(browser, screen.viewport);
      const v = visitor.page;

      const first = await v.goto(`/badges/${awardId}`);
      expect(first?.status()).toBe(200);
      await expect(v.getByRole('heading', { level: 1 })).toContainText(LONG_NAME);
      const nav = await mainNav(v);
      await expect(nav.getByRole('link', { name: 'Sign in' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Verify a badge' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Jobs and skills' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Help' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Your wallet' })).toHaveCount(0);
      await expect(v.getByRole('link', { name: LONG_EVIDENCE })).toBeVisible();
      await expectGoodState(v, testInfo, 'shared badge, signed out');
      if (screen.name === 'phone') {
        // The phone menu closes with Escape and gives focus back to its button.
        await v.keyboard.press('Escape');
        const menu = nav.getByRole('button', { name: 'Menu' });
        await expect(menu).toHaveAttribute('aria-expanded', 'false');
        await expect(menu).toBeFocused();
        await expect(nav.getByRole('link', { name: 'Sign in' })).toBeHidden();
      }

      // The badge's verification, and the address check with a long address, on the verify page.
      await v.goto(`/badges/${awardId}/verify`);
      await expect(v.getByText('Verified: every check passed.')).toBeVisible();
      await v.getByRole('textbox', { name: 'Email address' }).fill(LONG_NAME);
      await v.getByRole('button', { name: 'Check this address' }).click();
      await expect(v.getByText('No, this badge was not awarded to that address.')).toBeVisible();
      await expectGoodState(v, testInfo, 'badge verified, long address checked');

      // /verify with a long URL: the result names it, wrapped.
      const longUrl = `${E2E.remoteUrl}/${'a-rather-long-path-segment-'.repeat(8)}assertion.json`;
      await v.goto('/verify');
      await v.getByLabel("or the badge's URL").fill(longUrl);
      await v.getByRole('button', { name: 'Verify', exact: true }).click();
      await expect(v.getByRole('heading', { name: `Result for ${longUrl}` })).toBeVisible();
      await expectGoodState(v, testInfo, 'verify report for a long URL');

      expect(visitor.problems()).toEqual([]);
      await v.context().close();
    });

    test('signed in, the cached badge page shows the account links and is still the cached page', async ({
      page,
      request,
    }, testInfo) => {
      const { awardId } = await sharedBadge(page, request);
      const problems = watchPage(page);
      const url = `/badges/${awardId}`;
      // Rendered into the cache by a signed-out request first, as a shared link usually is. For a
      // few seconds after the badge changed (accepted just now) it renders per request, then is cached.
      await expect
        .poll(async () => (await request.get(url)).headers()['x-nextjs-cache'], { timeout: 15_000 })
        .toBe('HIT');
      const cached = await request.get(url);
      expect(cached.headers()['x-nextjs-cache']).toBe('HIT');

      const signedIn = await page.goto(url);
      expect(signedIn?.headers()['x-nextjs-cache']).toBe('HIT');
      expect(signedIn?.headers()['cache-control']).toBe(cached.headers()['cache-control']);
      // The same bytes for everyone: the signed-in links arrive in the browser, not in the HTML.
      expect(await signedIn?.text()).not.toContain('Your wallet');
      const nav = await mainNav(page);
      await expect(nav.getByRole('link', { name: 'Your wallet' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Settings' })).toBeVisible();
      await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'Verify a badge' })).toBeVisible();
      await expectGoodState(page, testInfo, 'shared badge, signed in');

      // Signing out from the cached page ends the session and the header says so everywhere.
      await nav.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(`${E2E.main.url}/`);
      await page.goto(url);
      const after = await mainNav(page);
      await expect(after.getByRole('link', { name: 'Sign in' })).toBeVisible();
      await expect(after.getByRole('link', { name: 'Your wallet' })).toHaveCount(0);
      expect(problems()).toEqual([]);
    });

    test('a badge that is not shared, an unknown page and a forbidden one: Laurel pages with a way on', async ({
      browser,
      page,
      request,
    }, testInfo) => {
      // A private badge and an unknown id answer the same page: nothing says which one exists.
      const { email } = await sharedBadge(page, request);
      const { award: privateAward, claimUrl } = await awardWithClaimLink(request, email);
      await acceptFromClaim(page, claimUrl, 'Private');
      const visitor = await visitorPage(browser, screen.viewport);
      const v = visitor.page;
      const texts: string[] = [];
      for (const id of [privateAward.id, '00000000-0000-4000-8000-000000000000']) {
        const response = await v.goto(`/badges/${id}`);
        expect(response?.status()).toBe(404);
        await expect(v.getByRole('heading', { level: 1 })).toHaveText('This badge is not shared');
        await expect(v.getByText('Its owner may have made it private')).toBeVisible();
        await expect(v.getByRole('main').getByRole('link', { name: 'Verify a badge' })).toBeVisible();
        texts.push((await v.getByRole('main').textContent()) ?? '');
      }
      expect(texts[0]).toBe(texts[1]);
      await expectGoodState(v, testInfo, 'badge not shared (404)');

      const unknown = await v.goto('/no-such-page/anywhere');
      expect(unknown?.status()).toBe(404);
      await expect(v.getByRole('heading', { level: 1 })).toHaveText('There is nothing at this address');
      const nav = await mainNav(v);
      await expect(nav.getByRole('link', { name: 'Sign in' })).toBeVisible();
      await expectGoodState(v, testInfo, 'unknown page (404)');
      await v.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
      await expect(v).toHaveURL(`${E2E.main.url}/`);

      // Staff on an admin-only console page.
      const { members, labsSlug } = fixtures();
      await v.goto('/sign-in?callbackUrl=/issuer');
      await v.getByLabel('Email').fill(members.staff);
      await v.getByLabel('Password').fill(members.password);
      await v.getByRole('button', { name: 'Sign in' }).click();
      await expect(v.getByText(/^Issuer console · staff$/)).toBeVisible();
      const forbidden = await v.goto(`/issuer/${labsSlug}/keys`);
      expect(forbidden?.status()).toBe(403);
      await expect(v.getByRole('heading', { level: 1 })).toHaveText('Your account cannot open this page');
      await expect(v.getByRole('main').getByRole('link', { name: 'Go to the issuer console' })).toBeVisible();
      await expect((await mainNav(v)).getByRole('link', { name: 'Issuer console' })).toBeVisible();
      await expectGoodState(v, testInfo, 'forbidden (403)');

      expect(visitor.problems()).toEqual([]);
      await v.context().close();
    });
  });
}

test('every page links its icons and manifest, and they are all there', async ({ page, request }) => {
  await page.goto('/verify');
  const icons = await page
    .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(icons.length).toBeGreaterThanOrEqual(2);
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBeTruthy();
  const manifest = await request.get(manifestHref ?? '');
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; short_name: string; icons: { src: string }[] };
  expect(body).toMatchObject({ short_name: 'Laurel', theme_color: '#166534' });
  for (const href of [...icons, '/favicon.ico', ...body.icons.map((icon) => icon.src)]) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type'], href).toMatch(/^image\//);
  }
});
